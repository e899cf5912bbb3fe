import EarnedAnalytics
import Foundation
import Testing

@Suite struct BGNBDTests {
    /// The published CDNOW estimates (Fader, Hardie & Lee 2005, §5).
    static let published = BGNBD(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
    /// lifetimes' CDNOW estimates printed to six decimals, used for the mpmath references below.
    static let lifetimesFit = BGNBD(r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752)

    static func rounded(_ v: Double, _ places: Double) -> Double {
        let scale = pow(10, places)
        return (v * scale).rounded() / scale
    }

    @Test func cdnowFitReproducesThePublishedEstimates() throws {
        let histories = try CDNOWFixture.summary().histories()
        let fit = try BGNBD.fit(histories)
        #expect(fit.converged)
        #expect(Self.rounded(fit.model.r, 3) == 0.243)
        #expect(Self.rounded(fit.model.alpha, 3) == 4.414)
        #expect(Self.rounded(fit.model.a, 3) == 0.793)
        #expect(Self.rounded(fit.model.b, 3) == 2.426)
        #expect(Self.rounded(fit.logLikelihood, 1) == -9582.4)
        #expect(fit.sampleSize == 2357)
        // The reported log-likelihood is the model's at the estimates.
        #expect(abs(fit.model.logLikelihood(histories) - fit.logLikelihood) < 1e-9)
    }

    @Test func cdnowStandardErrorsMatchLifetimes() throws {
        // lifetimes 0.11.3 (autograd Hessian): se(r) 0.012557, se(α) 0.378221, se(a) 0.185719, se(b) 0.705345.
        let fit = try BGNBD.fit(CDNOWFixture.summary().histories())
        let expected = ["r": 0.012557, "alpha": 0.378221, "a": 0.185719, "b": 0.705345]
        for (name, se) in expected {
            let mine = try #require(fit.standardError(of: name))
            #expect(abs(mine / se - 1) < 5e-3, "\(name): \(mine) vs \(se)")
        }
    }

    @Test func theFitIsALocalMaximum() throws {
        let histories = try CDNOWFixture.summary().histories()
        let fit = try BGNBD.fit(histories)
        for i in 0..<4 {
            for factor in [0.99, 1.01] {
                var p = fit.model.parameters
                p[i] *= factor
                let moved = BGNBD(r: p[0], alpha: p[1], a: p[2], b: p[3])
                #expect(moved.logLikelihood(histories) < fit.logLikelihood)
            }
        }
    }

    // References: eq. (10) with mpmath.hyp2f1 at 40 digits, parameters `lifetimesFit`.
    @Test(arguments: [
        (39.0, 2, 30.43, 38.86, 1.2259103856938939),
        (39.0, 0, 0.0, 0.0, 1.1950165244955512),
        (1.0, 21, 4.71, 29.29, 1.5523583399184262e-11),
        (39.0, 21, 4.71, 29.29, 4.4990640852208992e-10),
        (500.0, 0, 0.0, 10.0, 2.7272475107946015),
        (5000.0, 0, 0.0, 1.0, 11.162094385691403),
        (52.0, 30, 35.0, 38.0, 21.697665761238483),
        (4.348, 7, 20.0, 30.0, 0.41306478887565655),
        (2000.0, 3, 10.0, 38.0, 3.6655774001947503),
    ])
    func conditionalExpectationMatchesHighPrecisionReference(
        t: Double, x: Int, tx: Double, age: Double, expected: Double
    ) {
        let value = Self.lifetimesFit.conditionalExpectedPurchases(in: t, frequency: x, recency: tx, age: age)
        #expect(abs(value / expected - 1) < 1e-10)
    }

    @Test func conditionalExpectationIsStableNearAEqualsOneAndForNegativeSeriesParameters() {
        let nearOne = BGNBD(r: 0.5, alpha: 10, a: 1.0000001, b: 3)
        #expect(
            abs(
                nearOne.conditionalExpectedPurchases(in: 20, frequency: 2, recency: 5, age: 30) / 0.28155173951336299
                    - 1) < 1e-8)
        // At a = 1 exactly, eq. (10) is a 0/0 limit; the value must continue the a ≈ 1 reference.
        let atOne = BGNBD(r: 0.5, alpha: 10, a: 1, b: 3)
        let limit = atOne.conditionalExpectedPurchases(in: 20, frequency: 2, recency: 5, age: 30)
        #expect(limit.isFinite)
        #expect(abs(limit / 0.28155173951336299 - 1) < 1e-6)
        #expect(
            abs(
                nearOne.conditionalExpectedPurchases(in: 300, frequency: 0, recency: 0, age: 5) / 3.3861318626685229 - 1
            ) < 1e-8)
        let heavy = BGNBD(r: 2, alpha: 3, a: 1.7, b: 0.6)  // r > a + b − 1
        #expect(
            abs(
                heavy.conditionalExpectedPurchases(in: 20, frequency: 2, recency: 5, age: 30) / 0.0049409116385601106
                    - 1) < 1e-10)
        #expect(
            abs(heavy.conditionalExpectedPurchases(in: 300, frequency: 0, recency: 0, age: 5) / 1.7764824845800406 - 1)
                < 1e-10)
    }

    @Test func extremeCustomerHasFiniteLikelihoodAndTinyPAlive() {
        let model = Self.published
        let ll = model.logLikelihood(frequency: 21, recency: 4.71, age: 29.29)
        #expect(ll.isFinite)
        let alive = model.probabilityAlive(frequency: 21, recency: 4.71, age: 29.29)
        #expect(abs(alive / 2.5e-11 - 1) < 0.1)
        // Far more extreme histories stay finite and in range instead of NaN.
        #expect(model.logLikelihood(frequency: 400, recency: 0.01, age: 5000).isFinite)
        #expect(model.probabilityAlive(frequency: 400, recency: 0.01, age: 5000) == 0)
        #expect(model.logLikelihood(frequency: 0, recency: 0, age: 1e9).isFinite)
        #expect(model.conditionalExpectedPurchases(in: 52, frequency: 400, recency: 0.01, age: 5000) == 0)
    }

    @Test func pAliveIsOneWithoutRepeatsAndFallsWithSilence() {
        let model = Self.published
        #expect(model.probabilityAlive(frequency: 0, recency: 0, age: 30) == 1)
        let recent = model.probabilityAlive(frequency: 3, recency: 29, age: 30)
        let silent = model.probabilityAlive(frequency: 3, recency: 5, age: 30)
        #expect(silent < recent && recent < 1)
    }

    @Test func totalLikelihoodIsTheSumOverCustomers() throws {
        let summary = try CDNOWFixture.summary()
        let model = Self.published
        var sum = 0.0
        for i in 0..<summary.count {
            sum += model.logLikelihood(
                frequency: summary.frequency[i], recency: summary.recency[i], age: summary.age[i])
        }
        #expect(abs(model.logLikelihood(try summary.histories()) - sum) < 1e-8)
    }

    @Test func unconditionalExpectationAgreesWithTheCountDistribution() {
        // E[X(t)] (eq. 7) must equal Σ n P(X(t) = n) (eq. 8).
        let model = Self.published
        for t in [5.0, 39.0, 78.0] {
            var mean = 0.0
            var mass = 0.0
            for n in 0..<400 {
                let p = model.probabilityOfPurchases(n, in: t)
                mean += Double(n) * p
                mass += p
            }
            #expect(abs(mass - 1) < 1e-6)
            #expect(abs(mean - model.expectedPurchases(in: t)) < 1e-4)
        }
    }

    @Test func cdnowHoldoutPredictionIsCloseToWhatHappened() throws {
        // 1,882 repeat purchases happened in the 39-week holdout. lifetimes predicts 1,653.42 from its
        // own fit (the BG/NBD under-forecasts this holdout by about 12 %); ours must agree.
        let summary = try CDNOWFixture.summary()
        let histories = try summary.histories()
        let fit = try BGNBD.fit(histories)
        let predicted = fit.model.conditionalExpectedPurchases(in: 39, histories).reduce(0, +)
        #expect(abs(predicted - 1653.42) < 0.1)
        #expect(abs(predicted / 1882 - 1) < 0.15)
        let alive = fit.model.probabilityAlive(histories)
        #expect(alive.count == summary.count)
        #expect(alive.allSatisfy { $0 > 0 && $0 <= 1 })
    }

    @Test func batchScoresEqualOneByOneScores() throws {
        let summary = try CDNOWFixture.summary()
        let histories = try summary.histories()
        let model = Self.published
        let alive = model.probabilityAlive(histories)
        let expected = model.conditionalExpectedPurchases(in: 26, histories)
        for i in stride(from: 0, to: summary.count, by: 41) {
            let (x, tx, age) = (summary.frequency[i], summary.recency[i], summary.age[i])
            #expect(alive[i] == model.probabilityAlive(frequency: x, recency: tx, age: age))
            let single = model.conditionalExpectedPurchases(in: 26, frequency: x, recency: tx, age: age)
            #expect(abs(expected[i] - single) <= 1e-14 * max(1, single))
        }
    }

    @Test func fittingWithoutRepeatPurchasesIsRefused() throws {
        let histories = try CustomerHistories(frequency: [0, 0, 0], recency: [0, 0, 0], age: [10, 20, 30])
        #expect(throws: AnalyticsError.self) { try BGNBD.fit(histories) }
    }
}
