import EarnedAnalytics
import EarnedDomain
import Foundation
import Testing

/// Whether the covariate Pareto/NBD finds effects planted in a business where customers leave
/// after a purchase (the BG/NBD's story, and the demo's): there the dropout rate is the purchase
/// rate times a per-purchase chance, so the two go together, which the Pareto/NBD does not assume.
/// Each simulated customer has bought since a first purchase up to 700 days before their first
/// service moment (day 0) and is still there; 15 % are let down at it, and from then on keep each
/// purchase with probability 0.70 and leave at twice the rate (an extra exponential departure at
/// the rate λp they already had). The controls are those `ServiceCovariates` measures at the
/// moment. Runs only when EARNED_BENCHMARK is set (150,000 customers, two fits per seed; use
/// `swift test -c release --filter ServiceEffectRecoveryTests`); prints the factors found with the
/// controls of before (orders in the year, weeks since the last) and with the rate before the
/// moment added, and requires the latter's 95 % intervals to hold the planted factors.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["EARNED_BENCHMARK"] != nil))
struct ServiceEffectRecoveryTests {
    static let purchaseFactor = 0.70
    static let dropoutFactor = 2.0

    struct Customers {
        var frequency: [Int] = []
        var recency: [Double] = []
        var age: [Double] = []
        var letDown: [Double] = []
        var yearOrders: [Double] = []
        var weeksSinceLast: [Double] = []
        var rate: [Double] = []
    }

    static func simulate(count: Int, seed: UInt64) -> Customers {
        var rng = SeededGenerator(seed: seed)
        var customers = Customers()
        while customers.frequency.count < count {
            let lambda = RandomVariates.gamma(shape: 0.9, scale: 1 / 20, using: &rng)
            let p = RandomVariates.beta(0.5, 5, using: &rng)
            let first = 700 * RandomVariates.uniform(using: &rng)
            var before = [-first]
            var gone = RandomVariates.uniform(using: &rng) < p
            var t = -first
            while !gone {
                t += RandomVariates.exponential(rate: lambda, using: &rng)
                if t > 0 { break }
                before.append(t)
                gone = RandomVariates.uniform(using: &rng) < p
            }
            if gone { continue }
            let letDown = RandomVariates.uniform(using: &rng) < 0.15
            let age = 30 + 670 * RandomVariates.uniform(using: &rng)
            let departure =
                letDown
                ? RandomVariates.exponential(rate: (dropoutFactor - 1) * lambda * p, using: &rng) : Double.infinity
            t = 0
            var x = 0
            var last = 0.0
            while true {
                t += RandomVariates.exponential(rate: lambda, using: &rng)
                if t > age || t > departure { break }
                if !letDown || RandomVariates.uniform(using: &rng) < purchaseFactor {
                    x += 1
                    last = t
                }
                if RandomVariates.uniform(using: &rng) < p { break }
            }
            customers.frequency.append(x)
            customers.recency.append(last / 7)
            customers.age.append(age / 7)
            customers.letDown.append(letDown ? 1 : 0)
            customers.yearOrders.append(log1p(Double(before.filter { $0 > -365 }.count)))
            customers.weeksSinceLast.append(log1p(-before[before.count - 1] / 7))
            customers.rate.append(log((1 + Double(before.count)) / (1 + first / 7)))
        }
        return customers
    }

    /// The purchase and dropout factors of being let down, each with its 95 % interval.
    static func factors(_ c: Customers, withRate: Bool) throws -> (purchase: [Double], dropout: [Double]) {
        let rows = c.letDown.indices.map { i in
            [c.letDown[i], c.yearOrders[i], c.weeksSinceLast[i]] + (withRate ? [c.rate[i]] : [])
        }
        let names = ["let_down", "year_orders", "weeks_since_last"] + (withRate ? ["rate"] : [])
        let histories = try CovariateHistories(
            frequency: c.frequency, recency: c.recency, age: c.age, covariates: rows, names: names)
        let fit = try ParetoNBDRegression.fit(histories)
        #expect(fit.converged)
        let k = names.count
        func interval(_ index: Int) -> [Double] {
            let b = fit.estimates[index]
            let se = fit.standardErrors[index]
            return [exp(b), exp(b - 1.959_964 * se), exp(b + 1.959_964 * se)]
        }
        return (interval(4), interval(4 + k))
    }

    @Test(arguments: [1, 2] as [UInt64])
    func plantedFactorsAreFoundWithThePurchaseRateBeforeTheMoment(seed: UInt64) throws {
        let customers = Self.simulate(count: 150_000, seed: seed)
        let without = try Self.factors(customers, withRate: false)
        let with = try Self.factors(customers, withRate: true)
        func text(_ f: [Double]) -> String { String(format: "%.3f (%.3f–%.3f)", f[0], f[1], f[2]) }
        print(
            "service effect recovery, seed \(seed), planted purchases ×0.70, leaving ×2.0: "
                + "without the rate \(text(without.purchase)), \(text(without.dropout)); "
                + "with it \(text(with.purchase)), \(text(with.dropout))")
        #expect(with.purchase[1] <= Self.purchaseFactor && Self.purchaseFactor <= with.purchase[2])
        #expect(with.dropout[1] <= Self.dropoutFactor && Self.dropoutFactor <= with.dropout[2])
    }
}
