import EarnedAnalytics
import EarnedDomain
import Foundation
import Testing

@Suite struct ParetoNBDTests {
    /// The published CDNOW estimates (Fader, Hardie & Lee 2005, "Counting your customers the
    /// easy way", Table 1: Pareto/NBD).
    static let published = ParetoNBD(r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67)

    static func rounded(_ v: Double, _ places: Double) -> Double {
        let scale = pow(10, places)
        return (v * scale).rounded() / scale
    }

    @Test func cdnowFitReproducesThePublishedEstimates() throws {
        let histories = try CDNOWFixture.summary().histories()
        let fit = try ParetoNBD.fit(histories)
        #expect(fit.converged)
        #expect(Self.rounded(fit.model.r, 2) == 0.55)
        #expect(Self.rounded(fit.model.alpha, 2) == 10.58)
        #expect(Self.rounded(fit.model.s, 2) == 0.61)
        #expect(Self.rounded(fit.model.beta, 2) == 11.67)
        #expect(Self.rounded(fit.logLikelihood, 1) == -9595.0)
        #expect(abs(fit.model.logLikelihood(histories) - fit.logLikelihood) < 1e-6)
        #expect(fit.standardErrors.allSatisfy { $0.isFinite && $0 > 0 })
    }

    // References: eq. (19) with A₀ as the integral ∫_{t_x}^T (α+τ)^(−r−x) (β+τ)^(−s−1) dτ by
    // mpmath.quad at 40 digits; P(alive) and eq. (22) over 39 weeks from the same terms.
    @Test(arguments: [
        (0, 0.0, 38.86, -0.51702515088753845, 0.29377395046742048, 0.10582535589031974),
        (2, 30.43, 38.86, -9.561981260842964, 0.86841091713209172, 1.4503713747917109),
        (21, 4.71, 29.29, -17.813135282268443, 2.3734181674534813e-8, 4.0160319239539983e-7),
        (5, 36.0, 37.0, -17.438040504116284, 0.98665284595341705, 3.7054936991268379),
        (1, 1.0, 1.0, -3.146940682344648, 1.0, 3.1749626322580009),
    ])
    func individualQuantitiesMatchTheIntegralForm(
        x: Int, tx: Double, t: Double, logLikelihood: Double, alive: Double, expected: Double
    ) {
        let m = Self.published
        #expect(abs(m.logLikelihood(frequency: x, recency: tx, age: t) - logLikelihood) < 1e-10)
        #expect(abs(m.probabilityAlive(frequency: x, recency: tx, age: t) / alive - 1) < 1e-9)
        #expect(abs(m.conditionalExpectedPurchases(in: 39, frequency: x, recency: tx, age: t) / expected - 1) < 1e-9)
    }

    /// α < β and α > β take different series; both against the integral (mpmath, 40 digits).
    @Test(arguments: [
        (0, 0.0, 30.0, -0.14054186960786291, 0.024483531514502002),
        (3, 12.5, 30.0, -12.405670320604499, 0.16755684619110243),
        (10, 29.0, 30.0, -28.441969076852419, 0.95634215087113054),
    ])
    func theOtherSeriesMatchesTheIntegralForm(x: Int, tx: Double, t: Double, logLikelihood: Double, alive: Double) {
        let m = ParetoNBD(r: 0.8, alpha: 20, s: 1.3, beta: 3)
        #expect(abs(m.logLikelihood(frequency: x, recency: tx, age: t) - logLikelihood) < 1e-10)
        #expect(abs(m.probabilityAlive(frequency: x, recency: tx, age: t) / alive - 1) < 1e-9)
    }

    @Test func newCustomersExpectationIsTheLimitOfTheConditionalOne() {
        let m = Self.published
        // E[X(t)] = rβ/(α(s−1)) [1 − (β/(β+t))^(s−1)].
        let direct = m.r * m.beta / (m.alpha * (m.s - 1)) * (1 - pow(m.beta / (m.beta + 52), m.s - 1))
        #expect(abs(m.expectedPurchases(in: 52) / direct - 1) < 1e-12)
        // Continuous at s = 1.
        let near = ParetoNBD(r: 0.5, alpha: 8, s: 1 + 1e-10, beta: 9).expectedPurchases(in: 20)
        let at = ParetoNBD(r: 0.5, alpha: 8, s: 1, beta: 9).expectedPurchases(in: 20)
        #expect(abs(near / at - 1) < 1e-8)
    }

    static func covariateHistories(seed: UInt64, count: Int, truth: ParetoNBDRegression) throws -> CovariateHistories {
        var rng = SeededGenerator(seed: seed)
        // A binary covariate (a broken promise, 30 % of customers) and a share in [0, 1].
        let covariates = (0..<count).map { _ -> [Double] in
            [
                RandomVariates.uniform(using: &rng) < 0.3 ? 1 : 0,
                (RandomVariates.uniform(using: &rng) * 4).rounded() / 4,
            ]
        }
        let cohort = ParetoNBDSimulator(model: truth).simulate(
            covariates: covariates, ages: 30...78, resolution: 1.0 / 7, using: &rng)
        return try CovariateHistories(
            frequency: cohort.frequency, recency: cohort.recency, age: cohort.age, covariates: covariates,
            names: truth.names)
    }

    static let truth = ParetoNBDRegression(
        base: ParetoNBD(r: 0.8, alpha: 6, s: 0.9, beta: 25), names: ["broken", "late"],
        purchaseEffects: [-0.4, -0.3], dropoutEffects: [0.8, 0.5])

    @Test func theAnalyticGradientMatchesFiniteDifferences() throws {
        let histories = try Self.covariateHistories(seed: 3, count: 400, truth: Self.truth)
        let p = [0.7, 5.0, 1.1, 20.0, -0.2, 0.1, 0.5, 0.3]
        let analytic = ParetoNBDRegression.gradient(histories, at: p)
        for j in 0..<p.count {
            let h = 1e-6 * max(1, abs(p[j]))
            var up = p
            var down = p
            up[j] += h
            down[j] -= h
            let numeric =
                (ParetoNBDRegression(parameters: up, names: histories.names).logLikelihood(histories)
                    - ParetoNBDRegression(parameters: down, names: histories.names).logLikelihood(histories)) / (2 * h)
            #expect(
                abs(analytic[j] - numeric) < 1e-5 * max(1, abs(numeric)), "parameter \(j): \(analytic[j]) vs \(numeric)"
            )
        }
    }

    @Test func withoutEffectsTheRegressionIsThePlainModel() throws {
        let histories = try Self.covariateHistories(seed: 4, count: 500, truth: Self.truth)
        let plain = Self.published
        let zero = ParetoNBDRegression(
            base: plain, names: histories.names, purchaseEffects: [0, 0], dropoutEffects: [0, 0])
        var total = 0.0
        for i in 0..<histories.rowCount {
            total +=
                histories.rowWeight[i]
                * plain.logLikelihood(
                    frequency: histories.rowFrequency[i], recency: histories.rowRecency[i], age: histories.rowAge[i])
        }
        #expect(abs(zero.logLikelihood(histories) - total) < 1e-8 * abs(total))
    }

    /// Recovery on five seeds of 6,000 customers: every effect within 3 standard errors of the
    /// truth, the errors small enough to matter (below 0.2), and the likelihood-ratio test against
    /// the model without covariates rejecting it.
    @Test(arguments: [11, 12, 13, 14, 15] as [UInt64])
    func covariateEffectsAreRecovered(seed: UInt64) throws {
        let histories = try Self.covariateHistories(seed: seed, count: 6_000, truth: Self.truth)
        let fit = try ParetoNBDRegression.fit(histories)
        #expect(fit.converged)
        let truth = Self.truth.parameters
        for j in 4..<truth.count {
            let se = fit.standardErrors[j]
            #expect(se < 0.2, "\(fit.parameterNames[j]): se \(se)")
            #expect(
                abs(fit.estimates[j] - truth[j]) < 3 * se,
                "\(fit.parameterNames[j]): \(fit.estimates[j]) vs \(truth[j]) ± \(se)")
        }
        let test = try CovariateTest(histories)
        #expect(test.degreesOfFreedom == 4)
        #expect(test.statistic > 0)
        #expect(test.pValue < 0.001)
    }

    /// With covariates that change nothing, the test rejects at about its level: over 40
    /// simulated businesses, at most 6 p-values below 0.05 (the binomial 99th percentile is 6).
    @Test func theLikelihoodRatioTestHoldsItsLevel() throws {
        let null = ParetoNBDRegression(
            base: Self.truth.base, names: ["broken", "late"], purchaseEffects: [0, 0], dropoutEffects: [0, 0])
        var rejected = 0
        for seed in 100..<140 as Range<UInt64> {
            let test = try CovariateTest(try Self.covariateHistories(seed: seed, count: 800, truth: null))
            if test.pValue < 0.05 { rejected += 1 }
        }
        #expect(rejected <= 6)
    }
    /// What a failure at the service moment costs, from the covariate model: over the customers
    /// whose moment could have failed, the mean difference between the purchases a customer alive
    /// at the moment is expected to make in the next 26 weeks with the failure and without it
    /// (the other covariates as they are), computed here by hand from the fitted model; negative
    /// (the truth makes them buy less and leave faster), with a standard error that is positive
    /// and smaller than the effect.
    @Test func aFailureCostsWhatTheFittedModelSays() throws {
        var rng = SeededGenerator(seed: 31)
        let n = 3_000
        // The first covariate applies to two customers in three (their moment was a promise).
        let applies = (0..<n).map { [$0 % 3 != 0, true] }
        let covariates = applies.map { a in
            [a[0] && RandomVariates.uniform(using: &rng) < 0.3 ? 1.0 : 0, RandomVariates.uniform(using: &rng)]
        }
        let cohort = ParetoNBDSimulator(model: Self.truth).simulate(
            covariates: covariates, ages: 30...78, resolution: 1.0 / 7, using: &rng)
        let histories = try CovariateHistories(
            frequency: cohort.frequency, recency: cohort.recency, age: cohort.age, covariates: covariates,
            names: Self.truth.names)
        var effects = try ServiceEffects(histories)
        effects.estimatePerFailure(covariates: covariates, applies: applies, horizonDays: 182)
        let broken = try #require(effects.perFailure.first)
        let eligible = (0..<n).filter { applies[$0][0] }
        #expect(broken.name == "broken" && broken.customers == eligible.count && broken.horizonDays == 182)
        let model = ParetoNBDRegression(parameters: effects.parameters, names: Self.truth.names)
        var total = 0.0
        for c in eligible {
            var failed = covariates[c]
            var kept = covariates[c]
            failed[0] = 1
            kept[0] = 0
            total +=
                model.model(for: failed).expectedPurchases(in: 26) - model.model(for: kept).expectedPurchases(in: 26)
        }
        #expect(abs(broken.purchases - total / Double(eligible.count)) < 1e-9)
        #expect(broken.purchases < 0)
        #expect(broken.standardError > 0 && broken.standardError < abs(broken.purchases))
    }

    /// Controls stay in both models: testing a covariate with no effect beside one with an effect
    /// finds nothing, and testing the one with the effect finds it.
    @Test func aTestedCovariateIsJudgedBesideItsControls() throws {
        let truth = ParetoNBDRegression(
            base: Self.truth.base, names: ["broken", "late"], purchaseEffects: [0, -0.5], dropoutEffects: [0, 0.9])
        let histories = try Self.covariateHistories(seed: 41, count: 4_000, truth: truth)
        let none = try CovariateTest(histories, tested: ["broken"])
        #expect(none.degreesOfFreedom == 2 && none.restricted.model.names == ["late"])
        #expect(none.pValue > 0.01, "\(none.pValue)")
        let some = try CovariateTest(histories, tested: ["late"])
        #expect(some.pValue < 0.001)
        // Both tests fit the same full model.
        #expect(abs(none.full.logLikelihood - some.full.logLikelihood) < 1e-3)
        let effects = try ServiceEffects(histories, tested: ["late"])
        #expect(effects.effects.map(\.name) == ["late"] && effects.controls == ["broken"])
    }
}
