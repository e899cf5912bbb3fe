import EarnedAnalytics
import EarnedDomain
import Foundation
import Testing

@Suite struct ConsistencyIntervalTests {
    @Test func newcombeHybridScoreMatchesNewcombesWorkedExample() throws {
        // Newcombe (1998), Statistics in Medicine 17, Table II, example (a): 56/70 − 48/80,
        // method 10 (hybrid score, no continuity correction): 0.0524 to 0.3339.
        let c = try #require(
            SlotComparison.proportions(successes: 56, trials: 70, versus: 48, trials: 80, confidence: 0.95))
        #expect(abs(c.difference.estimate - 0.2) < 1e-12)
        #expect(abs(c.difference.lower - 0.0524) < 5e-5)
        #expect(abs(c.difference.upper - 0.3339) < 5e-5)
        // By hand from the Wilson limits (0.69183, 0.87695) and (0.49045, 0.70038):
        // 0.2 − √(0.10817² + 0.10038²) = 0.05243, 0.2 + √(0.07695² + 0.10955²) = 0.33387.
        #expect(abs(c.difference.lower - 0.0524315) < 1e-6)
        #expect(abs(c.difference.upper - 0.3338727) < 1e-6)
        // Pooled z: p̄ = 104/150; z = 0.2/√(p̄(1 − p̄)(1/70 + 1/80)) = 2.65017, p = 0.008045.
        #expect(abs(c.statistic - 2.6501720) < 1e-6)
        #expect(abs(c.pValue - 0.0080451) < 1e-6)
        #expect(c.degreesOfFreedom == nil)
    }

    @Test func identicalAllOrNothingGroupsHaveNothingToTest() throws {
        let c = try #require(
            SlotComparison.proportions(successes: 40, trials: 40, versus: 100, trials: 100, confidence: 0.95))
        #expect(c.pValue == 1)
        #expect(c.difference.lower < 0 && c.difference.upper > 0)
    }

    @Test func welchMatchesAHandComputedExample() throws {
        // Two samples of 15 (the Welch's t-test example on Wikipedia, "Example 1"):
        // x̄₁ = 20.8200, s₁² = 7.8917; x̄₂ = 22.9867, s₂² = 3.7027; t = −2.4554, ν = 24.9885,
        // two-sided p = 0.02138; 95 % interval −2.1667 ± t(0.975; 24.99) · 0.88245 = (−3.9841, −0.3492).
        let a = SlotSample(
            key: "a",
            values: [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4])
        let b = SlotSample(
            key: "b",
            values: [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4])
        let c = try #require(SlotComparison.means(a, versus: b, confidence: 0.95))
        #expect(c.method == .welch)
        #expect(abs(c.statistic - -2.4553564) < 1e-6)
        #expect(abs(try #require(c.degreesOfFreedom) - 24.9885293) < 1e-6)
        #expect(abs(c.pValue - 0.0213780) < 1e-6)
        #expect(abs(c.difference.lower - -3.9840963) < 1e-6)
        #expect(abs(c.difference.upper - -0.3492371) < 1e-6)
    }

    @Test(arguments: [
        (1.0, 12.706204736174694), (2.5, 3.5746548420036817), (10.0, 2.228138851986274),
        (30.0, 2.0422724563012378), (1000.0, 1.9623390808264083),
    ])
    func studentQuantilesMatchTables(degreesOfFreedom: Double, quantile: Double) {
        // t(0.975; ν), e.g. 12.7062 for ν = 1 and 2.2281 for ν = 10 in any t table.
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: degreesOfFreedom) - quantile) < 1e-9 * quantile)
        #expect(abs(StudentT.quantile(0.025, degreesOfFreedom: degreesOfFreedom) + quantile) < 1e-9 * quantile)
        #expect(abs(StudentT.cdf(quantile, degreesOfFreedom: degreesOfFreedom) - 0.975) < 1e-12)
    }

    @Test func studentDistributionFunctionHasClosedFormsForOneAndTwoDegrees() {
        // ν = 1 is Cauchy: F(t) = ½ + atan(t)/π; ν = 2: F(t) = ½ + t / (2√(2 + t²)).
        for t in [-30.0, -2, -0.3, 0, 0.7, 4, 100] {
            #expect(abs(StudentT.cdf(t, degreesOfFreedom: 1) - (0.5 + atan(t) / Double.pi)) < 1e-13)
            #expect(abs(StudentT.cdf(t, degreesOfFreedom: 2) - (0.5 + t / (2 * (2 + t * t).squareRoot()))) < 1e-13)
        }
        // Above 10⁷ degrees of freedom the normal takes over.
        #expect(StudentT.quantile(0.975, degreesOfFreedom: 2e7) == SpecialFunctions.normalQuantile(0.975))
    }

    @Test func slotIntervalsAreWilsonForSharesAndTForMeans() throws {
        var rng = SeededGenerator(seed: 1)
        let shares = try ConsistencyAnalysis(
            samples: [
                SlotSample(key: "a", successes: 81, trials: 263), SlotSample(key: "b", successes: 70, trials: 250),
            ],
            measure: .proportion(higherIsBetter: true), bootstrapDraws: 0, using: &rng)
        // Wilson (1927) for 81/263 at 95 %: 0.2552885 to 0.3662096.
        let a = try #require(shares.slots[0].mean)
        #expect(abs(a.lower - 0.2552885) < 5e-8 && abs(a.upper - 0.3662096) < 5e-8)
        let overall = try #require(WilsonInterval(successes: 151, trials: 513))
        #expect(shares.overall.lower == overall.lower && shares.overall.upper == overall.upper)

        // CSAT 3, 4, 5 repeated 20 times: x̄ = 4, s² = 40/59, n = 60; t(0.975; 59) = 2.000995;
        // half-width 2.000995 · √(40/59/60) = 0.2127034.
        let scores: [Double] = Array(repeating: [3.0, 4, 5], count: 20).flatMap { $0 }
        let csat = try ConsistencyAnalysis(
            samples: [SlotSample(key: "a", values: scores), SlotSample(key: "b", values: scores)], measure: .csat,
            bootstrapDraws: 0, using: &rng)
        let mean = try #require(csat.slots[0].mean)
        #expect(abs(mean.upper - 4.2127034) < 1e-6 && abs(mean.lower - 3.7872966) < 1e-6)
    }

    @Test func samplesMergeExactly() {
        let a = SlotSample(key: "a", values: [1, 2, 3])
        let b = SlotSample(key: "b", values: [4, 5])
        let merged = a.merged(with: b, key: "ab")
        #expect(merged == SlotSample(key: "ab", values: [1, 2, 3, 4, 5]))
        #expect(merged.mean == 3 && merged.variance == 2.5)
        let shares = SlotSample(key: "p", successes: 3, trials: 10)
        #expect(shares == SlotSample(key: "p", values: [1, 1, 1, 0, 0, 0, 0, 0, 0, 0]))
        #expect(shares.isBinary && !a.isBinary)
        #expect(SlotSample.pooled([a, b], key: "ab") == merged)
    }
}
