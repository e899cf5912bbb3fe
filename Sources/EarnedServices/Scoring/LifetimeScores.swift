import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

/// What the lifetime models were fitted on and gave.
package struct LifetimeSummary: Codable, Sendable, Equatable {
    /// "week": the models' time unit.
    package var timeUnit: String
    package var calibrationEnd: Date
    package var customers: Int
    package var repeatBuyers: Int
    package var purchases: FitReport.Model
    /// Gamma-Gamma per currency, fitted on the repeat buyers whose orders are in it.
    package var spend: [String: FitReport.Model]
    /// The weeks ahead expected purchases count.
    package var horizonWeeks: Double
    /// The lifetime value's months and monthly discount rate.
    package var months: Int
    package var monthlyDiscountRate: Double
}

/// BG/NBD and Gamma-Gamma fitted on every customer's orders (same-day orders merged, weeks,
/// calibration ending today), and per customer: P(alive), expected purchases in the coming
/// year, and the revenue lifetime value over 12 months at 1 % a month (`LifetimeValue`), in the
/// currency of the customer's first order. Figures are indexed like `ScoreFacts.customerIDs`.
package struct LifetimeScores {
    package static let horizonWeeks = 52.0
    package static let months = 12
    package static let monthlyDiscountRate = 0.01
    /// The fewest customers and repeat buyers a fit needs.
    package static let minimumCustomers = 50
    package static let minimumRepeatBuyers = 30

    package var purchases: [Int]
    package var frequency: [Int]
    package var recency: [Double]
    package var age: [Double]
    package var probabilityAlive: [Double?]
    package var expectedPurchases: [Double?]
    /// Expected purchases in the two coming years (the forecaster reads the decay from the
    /// second year against the first).
    package var expectedPurchasesTwoYears: [Double?]
    package var lifetimeValueMinor: [Int64?]
    /// Index into `ScoreFacts.currencies` of each customer's first order.
    package var currency: [Int]
    package var model: BGNBD?
    package var summary: LifetimeSummary?

    package init(facts: ScoreFacts, now: Date) {
        let count = facts.customerIDs.count
        var transactions: [CalibrationSummary.Transaction] = []
        transactions.reserveCapacity(facts.orders.count)
        var currency = [Int](repeating: -1, count: count)
        for order in facts.orders {
            let c = Int(order.customer)
            if currency[c] < 0 { currency[c] = Int(order.currency) }
            transactions.append(
                .init(
                    customerID: String(c), day: Int((order.placedAt / 86_400).rounded(.down)),
                    amount: Double(order.amountMinor)))
        }
        let today = Int((now.timeIntervalSince1970 / 86_400).rounded(.down))
        let summary = CalibrationSummary(transactions: transactions, calibrationEnd: today, timeUnit: .weeks)
        var frequency = [Int](repeating: 0, count: count)
        var recency = [Double](repeating: 0, count: count)
        var age = [Double](repeating: 0, count: count)
        var averageSpend = [Double](repeating: 0, count: count)
        var seen = [Bool](repeating: false, count: count)
        for i in 0..<summary.count {
            guard let c = Int(summary.customerIDs[i]) else { continue }
            frequency[c] = summary.frequency[i]
            recency[c] = summary.recency[i]
            age[c] = summary.age[i]
            averageSpend[c] = summary.averageSpend[i]
            seen[c] = true
        }
        self.frequency = frequency
        self.recency = recency
        self.age = age
        self.currency = currency
        purchases = (0..<count).map { seen[$0] ? frequency[$0] + 1 : 0 }
        probabilityAlive = Array(repeating: nil, count: count)
        expectedPurchases = Array(repeating: nil, count: count)
        expectedPurchasesTwoYears = Array(repeating: nil, count: count)
        lifetimeValueMinor = Array(repeating: nil, count: count)
        let scored = (0..<count).filter { seen[$0] && age[$0] > 0 }
        guard scored.count >= Self.minimumCustomers,
            let histories = try? CustomerHistories(
                frequency: scored.map { frequency[$0] }, recency: scored.map { recency[$0] },
                age: scored.map { age[$0] }),
            let fit = try? BGNBD.fit(histories)
        else { return }
        model = fit.model
        let alive = fit.model.probabilityAlive(histories)
        let expected = fit.model.conditionalExpectedPurchases(in: Self.horizonWeeks, histories)
        let twoYears = fit.model.conditionalExpectedPurchases(in: 2 * Self.horizonWeeks, histories)
        for (k, c) in scored.enumerated() {
            probabilityAlive[c] = alive[k]
            expectedPurchases[c] = expected[k]
            expectedPurchasesTwoYears[c] = twoYears[k]
        }
        var spendFits: [String: FitReport.Model] = [:]
        let definition = LifetimeValue(
            months: Self.months, monthlyDiscountRate: Self.monthlyDiscountRate, margin: 1,
            monthLength: LifetimeValue.weeksPerMonth)
        for (index, code) in facts.currencies.enumerated() {
            let members = scored.filter { currency[$0] == index }
            let repeaters = members.filter { frequency[$0] > 0 && averageSpend[$0] > 0 }
            guard repeaters.count >= Self.minimumRepeatBuyers,
                let spendFit = try? GammaGamma.fit(
                    frequency: repeaters.map { frequency[$0] }, averageSpend: repeaters.map { averageSpend[$0] })
            else { continue }
            spendFits[code] = FitReport.Model(name: "Gamma-Gamma", fit: spendFit)
            for c in members {
                let value = definition.value(
                    model: fit.model, spendModel: spendFit.model, frequency: frequency[c], recency: recency[c],
                    age: age[c], averageSpend: averageSpend[c])
                if value.isFinite { lifetimeValueMinor[c] = Int64(value.rounded()) }
            }
        }
        self.summary = LifetimeSummary(
            timeUnit: "week", calibrationEnd: now, customers: scored.count,
            repeatBuyers: scored.filter { frequency[$0] > 0 }.count,
            purchases: FitReport.Model(name: "BG/NBD", fit: fit),
            spend: spendFits, horizonWeeks: Self.horizonWeeks, months: Self.months,
            monthlyDiscountRate: Self.monthlyDiscountRate)
    }
}
