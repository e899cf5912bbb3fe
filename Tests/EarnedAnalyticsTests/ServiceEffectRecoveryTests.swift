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
/// moment. Runs only when EARNED_BENCHMARK is set (150,000 customers a seed; use
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
        /// Whether each was already gone at their moment.
        var gone: [Bool] = []
        /// How many were already gone at their moment.
        var goneAtMoment: Int { gone.filter { $0 }.count }

        /// The customers whose index passes `include`.
        func keeping(_ include: (Int) -> Bool) -> Customers {
            var kept = Customers()
            for i in frequency.indices where include(i) {
                kept.frequency.append(frequency[i])
                kept.recency.append(recency[i])
                kept.age.append(age[i])
                kept.letDown.append(letDown[i])
                kept.yearOrders.append(yearOrders[i])
                kept.weeksSinceLast.append(weeksSinceLast[i])
                kept.rate.append(rate[i])
                kept.gone.append(gone.isEmpty ? false : gone[i])
            }
            return kept
        }
    }

    /// `count` customers. Each first buys up to 700 days before day 0 and goes on buying at rate λ
    /// until a purchase after which they leave (chance p). Their first service moment is day 0, and
    /// they are still there (`afterAPurchase` false); or it comes up to 10 days after a purchase
    /// before day 0 — a question about an order, the order's delivery — so that a customer who
    /// left at that purchase is already gone at the moment. Which purchase: each brings a moment
    /// with chance 0.3 and the first that does is the customer's first moment (customers with none
    /// before day 0 are left out), as in the demo and in a shop, where whether an order brings a
    /// question never depends on the orders after it. (The rule of before picked one of the
    /// purchases before day 0 uniformly; their number counts purchases after the moment, so which
    /// customers had a moment where looked ahead, and no model could read that sample right.)
    static func simulate(count: Int, seed: UInt64, afterAPurchase: Bool = false) -> Customers {
        var rng = SeededGenerator(seed: seed)
        var customers = Customers()
        while customers.frequency.count < count {
            let lambda = RandomVariates.gamma(shape: 0.9, scale: 1 / 20, using: &rng)
            let p = RandomVariates.beta(0.5, 5, using: &rng)
            let first = 700 * RandomVariates.uniform(using: &rng)
            var path = [-first]
            var gone = RandomVariates.uniform(using: &rng) < p
            var t = -first
            while !gone {
                t += RandomVariates.exponential(rate: lambda, using: &rng)
                if t > 720 { break }
                path.append(t)
                gone = RandomVariates.uniform(using: &rng) < p
            }
            let moment: Double
            if afterAPurchase {
                let before = path.prefix { $0 <= 0 }
                var j = 0
                while j < before.count, RandomVariates.uniform(using: &rng) >= 0.3 { j += 1 }
                if j == before.count { continue }
                moment = min(before[j] + 10 * RandomVariates.uniform(using: &rng), 0)
                customers.gone.append(gone && j == path.count - 1)
            } else {
                if gone && path[path.count - 1] <= 0 { continue }
                moment = 0
            }
            let letDown = RandomVariates.uniform(using: &rng) < 0.15
            let age = 30 + 670 * RandomVariates.uniform(using: &rng)
            let departure =
                letDown
                ? moment + RandomVariates.exponential(rate: (dropoutFactor - 1) * lambda * p, using: &rng)
                : Double.infinity
            var x = 0
            var last = moment
            for s in path where s > moment && s <= moment + age && s < departure {
                if !letDown || RandomVariates.uniform(using: &rng) < purchaseFactor {
                    x += 1
                    last = s
                }
            }
            let before = path.filter { $0 <= moment }
            customers.frequency.append(x)
            customers.recency.append((last - moment) / 7)
            customers.age.append(age / 7)
            customers.letDown.append(letDown ? 1 : 0)
            customers.yearOrders.append(log1p(Double(before.filter { $0 > moment - 365 }.count)))
            customers.weeksSinceLast.append(log1p((moment - before[before.count - 1]) / 7))
            customers.rate.append(log((1 + Double(before.count)) / (1 + (moment + first) / 7)))
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

    /// "0.698 (0.691–0.705)" from [estimate, lower, upper].
    static func text(_ f: [Double]) -> String { String(format: "%.3f (%.3f–%.3f)", f[0], f[1], f[2]) }

    /// Whether the interval of [estimate, lower, upper] holds `planted`.
    static func holds(_ f: [Double], _ planted: Double) -> Bool { f[1] <= planted && planted <= f[2] }

    @Test(arguments: [1, 2] as [UInt64])
    func plantedFactorsAreFoundWithThePurchaseRateBeforeTheMoment(seed: UInt64) throws {
        let customers = Self.simulate(count: 150_000, seed: seed)
        let without = try Self.factors(customers, withRate: false)
        let with = try Self.factors(customers, withRate: true)
        print(
            "service effect recovery, seed \(seed), planted purchases ×0.70, leaving ×2.0: "
                + "without the rate \(Self.text(without.purchase)), \(Self.text(without.dropout)); "
                + "with it \(Self.text(with.purchase)), \(Self.text(with.dropout))")
        #expect(Self.holds(with.purchase, Self.purchaseFactor))
        #expect(Self.holds(with.dropout, Self.dropoutFactor))
    }

    /// Where the moment comes up to 10 days after a purchase (a question about an order, its
    /// delivery), both factors read a few per cent short of the plant even with every control: the
    /// customers who left at that purchase (about one in thirteen here) are taken to be there when
    /// their clock starts, and the moments meet customers anywhere in their lives, where the rate
    /// before the moment only partly measures the dropout rate tied to it. Measured 2026-12-08 (the
    /// look-ahead-free rule of `simulate`; planted ×0.70 and ×2.0): seed 1 ×0.693 (0.683–0.704) and
    /// ×1.87 (1.79–1.95), seed 2 ×0.684 (0.674–0.694) and ×1.95 (1.87–2.04); those still there
    /// ×0.688 and ×1.92, ×0.679 and ×1.98. The numpy reference in
    /// `scripts/reference/service-effects` (other random numbers) reads ×0.680–0.687 and
    /// ×1.89–1.99 over three seeds with this model, and ×0.692–0.703 and ×1.95–2.05, every interval
    /// holding, over four with a model of the whole history whose dropout is tied to purchases (the
    /// BG/NBD's story, switched at the moment) — the model this known issue waits for. A seed's
    /// pair of intervals may hold by chance (about one seed in five), so the issue is intermittent.
    @Test(arguments: [1, 2] as [UInt64])
    func momentsRightAfterAPurchaseReadBothFactorsShort(seed: UInt64) throws {
        let customers = Self.simulate(count: 150_000, seed: seed, afterAPurchase: true)
        let all = try Self.factors(customers, withRate: true)
        let there = try Self.factors(customers.keeping { !customers.gone[$0] }, withRate: true)
        print(
            "service effect recovery, seed \(seed), moments after a purchase "
                + "(\(customers.goneAtMoment) of \(customers.frequency.count) customers gone at theirs): "
                + "\(Self.text(all.purchase)), \(Self.text(all.dropout)); "
                + "those still there \(Self.text(there.purchase)), \(Self.text(there.dropout))")
        withKnownIssue(
            "the Pareto/NBD's dropout is not tied to purchases: both factors read short (issue 21)",
            isIntermittent: true
        ) {
            #expect(Self.holds(all.purchase, Self.purchaseFactor) && Self.holds(all.dropout, Self.dropoutFactor))
        }
    }
}
