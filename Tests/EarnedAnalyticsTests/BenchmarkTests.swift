import EarnedAnalytics
import EarnedDomain
import Foundation
import Testing

/// Scores a million simulated customers end to end. Runs only when EARNED_BENCHMARK is set
/// (use `swift test -c release --filter BenchmarkTests`); EARNED_BENCHMARK_CSV names a file to
/// write the cohort to, for timing other implementations on the same data.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["EARNED_BENCHMARK"] != nil))
struct BenchmarkTests {
    static func seconds(_ start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    @Test func millionCustomers() throws {
        let truth = BGNBD(r: 0.5, alpha: 40, a: 0.7, b: 2.5)
        let spend = GammaGamma(p: 6, q: 4, gamma: 15)
        var rng = SeededGenerator(seed: 2025)
        var start = ContinuousClock.now
        let cohort = CustomerSimulator(purchases: truth, spend: spend)
            .simulate(count: 1_000_000, ages: 1...730, resolution: 1, using: &rng)
        print("simulate: \(Self.seconds(start)) s")
        if let path = ProcessInfo.processInfo.environment["EARNED_BENCHMARK_CSV"] {
            var csv = "frequency,recency,T,monetary_value\n"
            for i in 0..<cohort.frequency.count {
                csv += "\(cohort.frequency[i]),\(cohort.recency[i]),\(cohort.age[i]),\(cohort.averageSpend[i])\n"
            }
            try csv.write(toFile: path, atomically: true, encoding: .utf8)
        }

        start = ContinuousClock.now
        let histories = try cohort.histories()
        let compress = Self.seconds(start)
        start = ContinuousClock.now
        let fit = try BGNBD.fit(histories)
        let bgFit = Self.seconds(start)
        start = ContinuousClock.now
        let ggFit = try GammaGamma.fit(frequency: cohort.frequency, averageSpend: cohort.averageSpend)
        let ggTime = Self.seconds(start)
        start = ContinuousClock.now
        let alive = fit.model.probabilityAlive(histories)
        let aliveTime = Self.seconds(start)
        start = ContinuousClock.now
        let expected = fit.model.conditionalExpectedPurchases(in: 90, histories)
        let expectedTime = Self.seconds(start)
        start = ContinuousClock.now
        let clv = LifetimeValue(months: 12, monthlyDiscountRate: 0.01, margin: 1, monthLength: 30)
            .values(model: fit.model, spendModel: ggFit.model, histories: histories, averageSpend: cohort.averageSpend)
        let clvTime = Self.seconds(start)
        print(
            """
            rows: \(histories.rowCount) of \(histories.customerCount)
            compress: \(compress) s, BG/NBD fit: \(bgFit) s (\(fit.iterations) it), GG fit: \(ggTime) s (\(ggFit.iterations) it)
            P(alive): \(aliveTime) s, E[Y(90)]: \(expectedTime) s, CLV 12 months: \(clvTime) s
            fit: \(fit.model) LL \(fit.logLikelihood); \(ggFit.model) LL \(ggFit.logLikelihood)
            sums: alive \(alive.reduce(0, +)), E90 \(expected.reduce(0, +)), CLV \(clv.reduce(0, +))
            """)
        #expect(fit.converged && ggFit.converged)
        #expect(alive.count == 1_000_000 && clv.count == 1_000_000)
    }

    @Test func cdnowFitTime() throws {
        let summary = try CDNOWFixture.summary()
        let runs = 20
        var start = ContinuousClock.now
        var summaryTime = 0.0
        let transactions = try CDNOWFixture.transactions()
        for _ in 0..<runs {
            _ = CalibrationSummary(
                transactions: transactions, calibrationEnd: summary.calibrationEnd, timeUnit: .weeks)
        }
        summaryTime = Self.seconds(start) / Double(runs)
        start = ContinuousClock.now
        var fit: FitResult<BGNBD>?
        for _ in 0..<runs { fit = try BGNBD.fit(summary.histories()) }
        let bgTime = Self.seconds(start) / Double(runs)
        start = ContinuousClock.now
        var gg: FitResult<GammaGamma>?
        for _ in 0..<runs { gg = try GammaGamma.fit(frequency: summary.frequency, averageSpend: summary.averageSpend) }
        let ggTime = Self.seconds(start) / Double(runs)
        print(
            "CDNOW: summary \(summaryTime * 1000) ms, BG/NBD fit \(bgTime * 1000) ms, Gamma-Gamma fit \(ggTime * 1000) ms"
        )
        #expect(fit?.converged == true && gg?.converged == true)
    }
}
