import EarnedAnalytics
import Foundation
import Testing

@Suite struct LifetimeValueTests {
    static let purchases = BGNBD(
        r: 0.2425945221871879, alpha: 4.413602003526611, a: 0.7929220221513829, b: 2.425906780268458)
    static let spend = GammaGamma(p: 6.249572271430707, q: 3.74422467176389, gamma: 15.443520976808628)

    @Test func matchesLifetimesCustomerLifetimeValue() {
        // lifetimes' customer_lifetime_value(time=12, discount_rate=0.01, freq='W') with the same
        // parameters; its month is 4.345 weeks.
        let clv = LifetimeValue(months: 12, monthlyDiscountRate: 0.01, margin: 1, monthLength: 4.345)
        let cases: [(Int, Double, Double, Double, Double)] = [
            (2, 30.428571428571427, 38.857142857142854, 22.345, 36.27397802078496),
            (0, 0, 38.857142857142854, 0, 8.344480491359306),
            (7, 35, 37, 41.5, 231.87314965616645),
            (21, 4.71, 29.29, 18, 9.685820449227122e-09),
        ]
        for (x, tx, age, spend, expected) in cases {
            let value = clv.value(
                model: Self.purchases, spendModel: Self.spend, frequency: x, recency: tx, age: age, averageSpend: spend)
            #expect(abs(value / expected - 1) < 1e-9, "x=\(x): \(value) vs \(expected)")
        }
    }

    @Test func withoutDiscountingTheMonthsAddUpToTheWholeHorizon() {
        let clv = LifetimeValue(
            months: 24, monthlyDiscountRate: 0, margin: 0.3, monthLength: LifetimeValue.weeksPerMonth)
        let value = clv.value(
            model: Self.purchases, spendModel: Self.spend, frequency: 3, recency: 20, age: 35, averageSpend: 30)
        let horizon = 24 * LifetimeValue.weeksPerMonth
        let expected =
            Self.purchases.conditionalExpectedPurchases(in: horizon, frequency: 3, recency: 20, age: 35)
            * Self.spend.conditionalExpectedAverageSpend(frequency: 3, averageSpend: 30) * 0.3
        #expect(abs(value / expected - 1) < 1e-12)
        let discounted = LifetimeValue(
            months: 24, monthlyDiscountRate: 0.02, margin: 0.3, monthLength: LifetimeValue.weeksPerMonth)
        #expect(
            discounted.value(
                model: Self.purchases, spendModel: Self.spend, frequency: 3, recency: 20, age: 35, averageSpend: 30)
                < value)
    }

    @Test func batchValuesEqualOneByOneValues() throws {
        let summary = try CDNOWFixture.summary()
        let histories = try summary.histories()
        let clv = LifetimeValue(
            months: 12, monthlyDiscountRate: 0.01, margin: 0.25, monthLength: LifetimeValue.weeksPerMonth)
        let batch = clv.values(
            model: Self.purchases, spendModel: Self.spend, histories: histories, averageSpend: summary.averageSpend)
        #expect(batch.count == summary.count)
        for i in stride(from: 0, to: summary.count, by: 53) {
            let single = clv.value(
                model: Self.purchases, spendModel: Self.spend, frequency: summary.frequency[i],
                recency: summary.recency[i], age: summary.age[i], averageSpend: summary.averageSpend[i])
            #expect(abs(batch[i] - single) <= 1e-12 * max(1, abs(single)))
        }
    }
}
