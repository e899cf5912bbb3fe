import EarnedAnalytics
import Foundation
import Testing

@Suite struct GammaGammaTests {
    static func rounded(_ v: Double, _ places: Double) -> Double {
        let scale = pow(10, places)
        return (v * scale).rounded() / scale
    }

    /// The published fit (Fader & Hardie 2013) uses the 946 customers with x ≥ 1 in the 39-week
    /// calibration period and their exact mean repeat-transaction value (same-day purchases merged).
    @Test func cdnowFitReproducesThePublishedEstimates() throws {
        let summary = try CDNOWFixture.summary()
        let fit = try GammaGamma.fit(frequency: summary.frequency, averageSpend: summary.averageSpend)
        #expect(fit.converged)
        #expect(fit.sampleSize == 946)
        #expect(Self.rounded(fit.model.p, 2) == 6.25)
        #expect(Self.rounded(fit.model.q, 2) == 3.74)
        #expect(Self.rounded(fit.model.gamma, 2) == 15.44)
        #expect(Self.rounded(fit.logLikelihood, 2) == -4055.92)
        // Standard errors of lifetimes 0.11.3: p 1.189687, q 0.290166, γ 4.159994 (on cent-rounded means).
        for (name, se) in ["p": 1.189687, "q": 0.290166, "gamma": 4.159994] {
            let mine = try #require(fit.standardError(of: name))
            #expect(abs(mine / se - 1) < 5e-3, "\(name): \(mine) vs \(se)")
        }
    }

    @Test func centRoundedMeansAsShippedByLifetimesGiveItsSlightlyDifferentGamma() throws {
        // lifetimes ships the same summary with z̄ rounded to cents; its fit prints γ = 15.45, not 15.44.
        let summary = try CDNOWFixture.summary()
        let cents = summary.averageSpend.map { ($0 * 100).rounded() / 100 }
        let fit = try GammaGamma.fit(frequency: summary.frequency, averageSpend: cents)
        #expect(Self.rounded(fit.model.gamma, 2) == 15.45)
        #expect(Self.rounded(fit.model.p, 2) == 6.25)
    }

    @Test func conditionalSpendShrinksTowardsThePopulationMean() {
        let model = GammaGamma(p: 6.25, q: 3.74, gamma: 15.44)
        let population = model.expectedAverageSpend
        #expect(abs(population - 6.25 * 15.44 / 2.74) < 1e-12)
        #expect(model.conditionalExpectedAverageSpend(frequency: 0, averageSpend: 99) == population)
        let one = model.conditionalExpectedAverageSpend(frequency: 1, averageSpend: 100)
        let many = model.conditionalExpectedAverageSpend(frequency: 50, averageSpend: 100)
        #expect(population < one && one < many && many < 100)
        // lifetimes' conditional_expected_average_profit at the fitted CDNOW parameters.
        let fitted = GammaGamma(p: 6.249572271430707, q: 3.74422467176389, gamma: 15.443520976808628)
        #expect(
            abs(fitted.conditionalExpectedAverageSpend(frequency: 2, averageSpend: 22.345) - 24.65391869663492) < 1e-10)
        #expect(
            abs(fitted.conditionalExpectedAverageSpend(frequency: 7, averageSpend: 41.5) - 41.12638279962364) < 1e-10)
    }

    @Test func customersWithoutRepeatsAreIgnoredByTheFitAndTheLikelihood() throws {
        let model = GammaGamma(p: 6, q: 4, gamma: 15)
        let with = try model.logLikelihood(frequency: [0, 2, 3], averageSpend: [0, 20, 30])
        let without = try model.logLikelihood(frequency: [2, 3], averageSpend: [20, 30])
        #expect(with == without)
        let direct =
            model.logLikelihood(frequency: 2, averageSpend: 20) + model.logLikelihood(frequency: 3, averageSpend: 30)
        #expect(abs(with - direct) < 1e-10)
        #expect(throws: AnalyticsError.self) {
            try GammaGamma.fit(frequency: [0, 0, 1], averageSpend: [0, 0, 5])
        }
    }
}
