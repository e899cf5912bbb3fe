import EarnedAnalytics
import EarnedDomain
import Foundation
import Testing

@Suite struct PromiseCostTests {
    /// Customers around an anchoring promise, generated with a seed: each buys at a yearly rate
    /// λ ~ Gamma(1.5, 4/1.5) (NBD buying, Ehrenberg 1959) with order values Gamma(2, m/2) around a
    /// customer mean m ~ Gamma(3, 500); a broken or late promise is more likely for customers who
    /// bought less the year before (P = 0.45 / (1 + 0.35 × prior purchases)), so the naive
    /// difference is biased; afterwards the exposed buy at `multiplier` × their rate for H days.
    struct Population {
        var units: [PromiseCostUnit] = []
        /// The true ATT on purchases: mean over the exposed of (multiplier − 1) λ H / 365.
        var trueEffectOnPurchases = 0.0
        /// The true ATT on spend: the same times each customer's mean order value.
        var trueEffectOnSpend = 0.0

        init(seed: UInt64, count: Int, multiplier: Double, horizonDays: Int = 180) {
            var rng = SeededGenerator(seed: seed)
            var exposedCount = 0
            for _ in 0..<count {
                let rate = RandomVariates.gamma(shape: 1.5, scale: 4 / 1.5, using: &rng)
                let orderValue = RandomVariates.gamma(shape: 3, scale: 500, using: &rng)
                let prior = RandomVariates.poisson(mean: rate, using: &rng)
                var priorSpend = 0.0
                var sincePrevious: Double?
                for _ in 0..<prior {
                    priorSpend += RandomVariates.gamma(shape: 2, scale: orderValue / 2, using: &rng)
                    let daysAgo = 365 * RandomVariates.uniform(using: &rng)
                    sincePrevious = min(sincePrevious ?? daysAgo, daysAgo)
                }
                if prior == 0, RandomVariates.uniform(using: &rng) < 1 - exp(-rate) {
                    sincePrevious = 365 + 365 * RandomVariates.uniform(using: &rng)
                }
                let isExposed = RandomVariates.uniform(using: &rng) < 0.45 / (1 + 0.35 * Double(prior))
                let horizonRate = rate * Double(horizonDays) / 365
                let after = RandomVariates.poisson(mean: horizonRate * (isExposed ? multiplier : 1), using: &rng)
                var spendAfter = 0.0
                for _ in 0..<after {
                    spendAfter += RandomVariates.gamma(shape: 2, scale: orderValue / 2, using: &rng)
                }
                if isExposed {
                    exposedCount += 1
                    trueEffectOnPurchases += (multiplier - 1) * horizonRate
                    trueEffectOnSpend += (multiplier - 1) * horizonRate * orderValue
                }
                units.append(
                    PromiseCostUnit(
                        isExposed: isExposed, priorPurchases: prior, priorSpend: priorSpend,
                        daysSincePreviousPurchase: sincePrevious, purchasesAfter: after, spendAfter: spendAfter))
            }
            trueEffectOnPurchases /= Double(max(1, exposedCount))
            trueEffectOnSpend /= Double(max(1, exposedCount))
        }
    }

    static let cost = PromiseCost(horizonDays: 180)

    @Test(arguments: [UInt64(1), 2, 3])
    func recoversAKnownTwentyPercentLossThatTheNaiveDifferenceOverstates(seed: UInt64) throws {
        let population = Population(seed: seed, count: 6_000, multiplier: 0.8)
        let estimate = try #require(Self.cost.estimate(population.units).estimate)
        #expect(estimate.horizonDays == 180)
        #expect(estimate.matchedExposed + estimate.discardedExposed == population.units.count { $0.isExposed })
        #expect(estimate.matchedExposed > 1_000)

        for (effect, truth) in [
            (estimate.purchases, population.trueEffectOnPurchases), (estimate.spend, population.trueEffectOnSpend),
        ] {
            // The matched estimate covers the truth, absolute and relative (−20 %) …
            #expect(effect.lower <= truth && truth <= effect.upper, "\(effect) vs \(truth)")
            let lower = try #require(effect.relativeLower)
            let upper = try #require(effect.relativeUpper)
            #expect(lower <= -0.2 && -0.2 <= upper)
            #expect(upper < 0)
            // … while the naive difference, biased by who gets the broken promises, does not.
            #expect(effect.naiveUpper < truth)
            let naive = try #require(effect.naiveRelative)
            #expect(naive < lower)
            #expect(naive < -0.35)
        }
    }

    @Test func zeroEffectIntervalsCoverZeroNearNinetyFivePercentOfSeeds() throws {
        var covered = (purchases: 0, spend: 0, relative: 0)
        var differences: [Double] = []
        var errors: [Double] = []
        for seed in UInt64(1_000)..<1_100 {
            let population = Population(seed: seed, count: 1_500, multiplier: 1)
            let estimate = try #require(Self.cost.estimate(population.units).estimate)
            let purchases = estimate.purchases
            if purchases.lower <= 0 && 0 <= purchases.upper { covered.purchases += 1 }
            if estimate.spend.lower <= 0 && 0 <= estimate.spend.upper { covered.spend += 1 }
            if let lower = purchases.relativeLower, let upper = purchases.relativeUpper, lower <= 0 && 0 <= upper {
                covered.relative += 1
            }
            differences.append(purchases.difference)
            errors.append(purchases.standardError)
        }
        // 95 % nominal over 100 seeds: a binomial count with sd ≈ 2.2.
        #expect((88...99).contains(covered.purchases), "purchases: \(covered.purchases)/100")
        #expect((88...99).contains(covered.spend), "spend: \(covered.spend)/100")
        #expect((88...99).contains(covered.relative), "relative: \(covered.relative)/100")
        // The standard error matches the spread of the estimates across seeds.
        let mean = differences.reduce(0, +) / 100
        let spread = (differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 99).squareRoot()
        let meanError = errors.reduce(0, +) / 100
        #expect(abs(spread / meanError - 1) < 0.2, "spread \(spread), mean standard error \(meanError)")
    }

    @Test func tooFewUnitsIsNotEnoughData() {
        let population = Population(seed: 7, count: 60, multiplier: 0.8)
        let result = Self.cost.estimate(population.units)
        guard case .notEnoughData(let shortfall) = result else {
            Issue.record("expected not enough data, got \(result)")
            return
        }
        #expect(result.estimate == nil)
        #expect(shortfall.exposed + shortfall.controls == 60)
        #expect(shortfall.matchedExposed < 30)
        #expect(shortfall.matchedExposed <= shortfall.exposed)
        #expect(shortfall.minimumExposed == 30 && shortfall.minimumControls == 30)
        #expect(
            Self.cost.estimate([])
                == .notEnoughData(
                    .init(
                        matchedExposed: 0, matchedControls: 0, exposed: 0, controls: 0, minimumExposed: 30,
                        minimumControls: 30)))
    }

    @Test func noOverlapInEarlierPurchasingIsNotEnoughData() {
        // 100 exposed who never bought before against 100 controls with 12 purchases each.
        let exposed = (0..<100).map { _ in
            PromiseCostUnit(
                isExposed: true, priorPurchases: 0, priorSpend: 0, daysSincePreviousPurchase: nil, purchasesAfter: 1,
                spendAfter: 10)
        }
        let controls = (0..<100).map { _ in
            PromiseCostUnit(
                isExposed: false, priorPurchases: 12, priorSpend: 5_000, daysSincePreviousPurchase: 10,
                purchasesAfter: 5, spendAfter: 50)
        }
        let result = Self.cost.estimate(exposed + controls)
        #expect(
            result
                == .notEnoughData(
                    .init(
                        matchedExposed: 0, matchedControls: 0, exposed: 100, controls: 100, minimumExposed: 30,
                        minimumControls: 30)))
    }

    /// Two matched strata by hand — A (no earlier purchase): exposed 1, 3; controls 2, 4, 6;
    /// B (2 purchases, 20 days ago): exposed 5; controls 6, 8 — plus an exposed unit with 9
    /// purchases and two controls with 1 purchase that have no match.
    @Test func matchesAHandComputedStratifiedEstimate() throws {
        func unit(_ exposed: Bool, _ prior: Int, _ recency: Double?, _ after: Int) -> PromiseCostUnit {
            PromiseCostUnit(
                isExposed: exposed, priorPurchases: prior, priorSpend: Double(prior) * 100,
                daysSincePreviousPurchase: recency, purchasesAfter: after, spendAfter: Double(after) * 100)
        }
        let units = [
            unit(true, 0, nil, 1), unit(true, 0, nil, 3), unit(false, 0, nil, 2), unit(false, 0, nil, 4),
            unit(false, 0, nil, 6), unit(true, 2, 20, 5), unit(false, 2, 20, 6), unit(false, 2, 20, 8),
            unit(true, 9, 3, 10), unit(false, 1, 200, 0), unit(false, 1, 200, 2),
        ]
        let cost = PromiseCost(horizonDays: 90, minimumExposed: 3, minimumControls: 5, confidence: 0.9)
        let estimate = try #require(cost.estimate(units).estimate)
        #expect(estimate.matchedExposed == 3)
        #expect(estimate.matchedControls == 5)
        #expect(estimate.discardedExposed == 1)
        #expect(estimate.discardedControls == 2)
        #expect(estimate.matchedStrata == 2)

        // Weights 2/3 and 1/3: exposed 2/3·2 + 1/3·5 = 3, controls 2/3·4 + 1/3·7 = 5.
        let purchases = estimate.purchases
        #expect(abs(purchases.exposedMean - 3) < 1e-12)
        #expect(abs(purchases.matchedControlMean - 5) < 1e-12)
        #expect(abs(purchases.difference + 2) < 1e-12)
        #expect(abs(try #require(purchases.relative) + 0.4) < 1e-12)
        // V = (2/3)²·2/2 + (1/3)²·2/1 (B's lone exposed borrows A's variance 2)
        //   + (2/3)²·4/3 + (1/3)²·2/2 = 2/3 + 19/27.
        let variance = 2.0 / 3 + 19.0 / 27
        #expect(abs(purchases.standardError - variance.squareRoot()) < 1e-12)
        let z = 1.6448536269514722
        #expect(abs(purchases.lower - (-2 - z * variance.squareRoot())) < 1e-9)
        #expect(abs(purchases.upper - (-2 + z * variance.squareRoot())) < 1e-9)
        let logError = ((2.0 / 3) / 9 + (19.0 / 27) / 25).squareRoot()
        #expect(abs(try #require(purchases.relativeLower) - (0.6 * exp(-z * logError) - 1)) < 1e-9)
        #expect(abs(try #require(purchases.relativeUpper) - (0.6 * exp(z * logError) - 1)) < 1e-9)
        // Naive: exposed 1, 3, 5, 10 (mean 4.75) against controls 2, 4, 6, 6, 8, 0, 2 (mean 4).
        #expect(abs(purchases.naiveDifference - 0.75) < 1e-12)
        // Spend is 100 × purchases here, so every figure scales by 100.
        #expect(abs(estimate.spend.difference + 200) < 1e-9)
        #expect(abs(estimate.spend.standardError - 100 * variance.squareRoot()) < 1e-9)
        #expect(abs(try #require(estimate.spend.relative) + 0.4) < 1e-12)

        let stricter = PromiseCost(horizonDays: 90, minimumExposed: 4, minimumControls: 5)
        #expect(stricter.estimate(units).estimate == nil)
    }

    @Test func coarseningBinsPurchasesSpendAndRecency() {
        let coarsening = PromiseCostCoarsening.standard
        let units = [0, 1, 2, 3, 4, 5, 8, 9, 30].map { prior in
            PromiseCostUnit(
                isExposed: false, priorPurchases: prior, priorSpend: Double(prior) * 10,
                daysSincePreviousPurchase: prior == 0 ? nil : Double(prior) * 45, purchasesAfter: 0, spendAfter: 0)
        }
        let strata = coarsening.strata(units)
        #expect(strata.map(\.purchaseBin) == [0, 1, 2, 3, 3, 4, 4, 5, 5])
        // Positive spend 10, 20, 30, 40, 50, 80, 90, 300: type-7 tertile cuts at 30 + ⅓·10 and
        // 50 + ⅔·30 = 70; zero spend alone.
        #expect(strata.map(\.spendBin) == [0, 1, 1, 1, 2, 2, 3, 3, 3])
        // Days 45, 90, 135, 180, 225, 360, 405, 1350 against cuts 30, 90, 180, 365; none alone.
        #expect(strata.map(\.recencyBin) == [0, 2, 2, 3, 3, 4, 4, 5, 5])
    }
}
