import EarnedAnalytics
import EarnedDomain
import Foundation
import Testing

/// Parameter recovery on data generated with a seed from known parameters.
@Suite struct SimulationTests {
    static let truth = BGNBD(r: 0.5, alpha: 6, a: 0.7, b: 2.5)
    static let spend = GammaGamma(p: 6, q: 4, gamma: 15)

    static func cohort() -> CustomerSimulator.Cohort {
        var rng = SeededGenerator(seed: 7)
        return CustomerSimulator(purchases: truth, spend: spend)
            .simulate(count: 20_000, ages: 20...60, holdout: 26, using: &rng)
    }

    /// Tolerance: every estimate within 3 of its own standard errors of the truth, and those
    /// standard errors below 10 % of the true value (so the check has teeth).
    static func expectRecovered<M>(_ fit: FitResult<M>, truth: [Double]) {
        for i in 0..<truth.count {
            let (name, estimate, se) = (fit.parameterNames[i], fit.estimates[i], fit.standardErrors[i])
            #expect(se < 0.1 * truth[i], "\(name): se \(se)")
            #expect(abs(estimate - truth[i]) < 3 * se, "\(name): \(estimate) vs \(truth[i]) ± \(se)")
        }
    }

    @Test func bgnbdFitRecoversTheGeneratingParameters() throws {
        let fit = try BGNBD.fit(Self.cohort().histories())
        #expect(fit.converged)
        Self.expectRecovered(fit, truth: Self.truth.parameters)
    }

    @Test func gammaGammaFitRecoversTheGeneratingParameters() throws {
        let cohort = Self.cohort()
        let fit = try GammaGamma.fit(frequency: cohort.frequency, averageSpend: cohort.averageSpend)
        #expect(fit.converged)
        #expect(fit.sampleSize == Double(cohort.frequency.filter { $0 > 0 }.count))
        Self.expectRecovered(fit, truth: Self.spend.parameters)
    }

    @Test func trueModelPredictsTheSimulatedHoldoutAndActiveCustomers() throws {
        let cohort = Self.cohort()
        let histories = try cohort.histories()
        let predicted = Self.truth.conditionalExpectedPurchases(in: 26, histories).reduce(0, +)
        let actual = Double(cohort.holdoutFrequency.reduce(0, +))
        #expect(abs(predicted / actual - 1) < 0.03)
        let expectedAlive = Self.truth.probabilityAlive(histories).reduce(0, +)
        let alive = Double(cohort.aliveAtCalibrationEnd.filter { $0 }.count)
        #expect(abs(expectedAlive / alive - 1) < 0.02)
    }

    @Test func simulatedCountsHaveTheModelsMean() {
        // E[X(t)] of eq. (7) against the mean of 50,000 customers all aged 52.
        var rng = SeededGenerator(seed: 8)
        let cohort = CustomerSimulator(purchases: Self.truth).simulate(count: 50_000, ages: 52...52, using: &rng)
        let xs = cohort.frequency.map(Double.init)
        let n = Double(xs.count)
        let mean = xs.reduce(0, +) / n
        let sd = (xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n).squareRoot()
        #expect(abs(mean - Self.truth.expectedPurchases(in: 52)) < 4 * sd / n.squareRoot())
        #expect(cohort.averageSpend.allSatisfy { $0 == 0 })
    }

    @Test func dayStampedCohortsCompressAndStillFitClosely() throws {
        // Same-day purchases are merged, as real data are; that loses a few purchases, so the
        // tolerance is 15 % rather than standard errors.
        let truth = BGNBD(r: 0.5, alpha: 40, a: 0.7, b: 2.5)
        var rng = SeededGenerator(seed: 9)
        let cohort = CustomerSimulator(purchases: truth).simulate(
            count: 20_000, ages: 100...400, resolution: 1, using: &rng)
        #expect(cohort.recency.allSatisfy { $0 == $0.rounded() })
        let histories = try cohort.histories()
        #expect(histories.rowCount < 15_000)
        let fit = try BGNBD.fit(histories)
        for (estimate, value) in zip(fit.estimates, truth.parameters) {
            #expect(abs(estimate / value - 1) < 0.15)
        }
    }

    @Test func sameSeedSameCohort() {
        var a = SeededGenerator(seed: 11)
        var b = SeededGenerator(seed: 11)
        let simulator = CustomerSimulator(purchases: Self.truth, spend: Self.spend)
        let first = simulator.simulate(count: 500, ages: 10...20, holdout: 5, using: &a)
        let second = simulator.simulate(count: 500, ages: 10...20, holdout: 5, using: &b)
        #expect(first.frequency == second.frequency)
        #expect(first.recency == second.recency)
        #expect(first.averageSpend == second.averageSpend)
    }
}
