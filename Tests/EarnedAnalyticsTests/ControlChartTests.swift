import EarnedAnalytics
import EarnedDomain
import Foundation
import Testing

@Suite struct ControlChartTests {
    // Montgomery, Introduction to Statistical Quality Control, Table 9.1: 30 individual values,
    // the first 20 from N(10, 1), the last 10 from N(11, 1); target 10, σ = 1.
    static let montgomery: [Double] = [
        9.45, 7.99, 9.29, 11.66, 12.16, 10.18, 8.04, 11.46, 9.20, 10.34, 9.03, 11.47, 10.51, 9.40, 10.08, 9.37, 10.62,
        10.31, 8.52, 10.84, 10.90, 9.33, 12.29, 11.50, 10.60, 11.08, 10.38, 11.62, 11.31, 10.52,
    ]
    static var montgomeryPoints: [ControlChartPoint] {
        montgomery.enumerated().map { ControlChartPoint(period: $0.offset + 1, value: $0.element, count: 1) }
    }

    @Test func tabularCUSUMReproducesMontgomerysExample() throws {
        // Montgomery Example 9.1 (k = 0.5, h = 5): C⁺ first exceeds 5 at period 29 with C⁺ = 5.28 and
        // N⁺ = 7, so the shift began after period 22; new mean 10 + 0.5 + 5.28/7 = 11.25.
        let chart = try CUSUMChart(
            points: Self.montgomeryPoints, target: try .mean(target: 10, sigma: 1), referenceValue: 0.5,
            decisionInterval: 5)
        #expect(chart.signals.count == 1)
        let signal = try #require(chart.signals.first)
        #expect(signal.index == 28 && signal.period == 29 && signal.direction == .up)
        #expect(signal.runStartIndex == 22)  // period 23, the first after the last zero at period 22
        #expect(abs(try #require(signal.estimatedShift) - (0.5 + 5.28 / 7)) < 1e-9)
        let at29 = chart.points[28]
        #expect(abs(at29.upper - 5.28) < 1e-9 && at29.upperRunLength == 7)
        // By hand: C⁻ = 0.05, 1.56, 1.77 over the first three periods; C⁺ = 1.16, 2.82 at periods 4, 5.
        let firstLowers: [Double] = chart.points.prefix(3).map(\.lower)
        let byHand: [Double] = [0.05, 1.56, 1.77]
        #expect(zip(firstLowers, byHand).allSatisfy { (a: Double, b: Double) -> Bool in abs(a - b) < 1e-9 })
        #expect(abs(chart.points[3].upper - 1.16) < 1e-9 && abs(chart.points[4].upper - 2.82) < 1e-9)
        // After the signal the sums restart: period 30 gives C⁺ = 11.52 − 10.5 … = 0.02, not 5.30.
        #expect(abs(chart.points[29].upper - 0.02) < 1e-9 && chart.points[29].upperRunLength == 1)
        #expect(chart.target?.centre == 10)
    }

    @Test func ewmaReproducesMontgomerysExample() throws {
        // Montgomery Example 9.2 (λ = 0.1, L = 2.7, same data): limits at period 1 are 10 ± 0.27,
        // z₁ = 9.945; the first signal is period 29 with z₂₉ = 10.6468 above UCL 10.6187.
        let chart = try EWMAChart(
            points: Self.montgomeryPoints, target: try .mean(target: 10, sigma: 1), lambda: 0.1, width: 2.7)
        #expect(abs(chart.points[0].statistic - -0.055) < 1e-12)
        #expect(abs(chart.points[0].upperLimit - 0.27) < 1e-12)
        #expect(abs(chart.points[0].lowerLimit + 0.27) < 1e-12)
        #expect(abs(chart.points[28].statistic - 0.6468) < 5e-5)
        #expect(abs(chart.points[28].upperLimit - 0.6187) < 5e-5)
        #expect(chart.signals.map(\.period) == [29, 30])
        #expect(chart.signals.allSatisfy { $0.direction == .up })
        // Asymptotic limits L √(λ/(2 − λ)) = 2.7 · √(0.1/1.9) = 0.61942; the exact ones approach them.
        #expect(abs(chart.asymptoticUpperLimit - 2.7 * (0.1 / 1.9).squareRoot()) < 1e-15)
        #expect(chart.points.map(\.upperLimit) == chart.points.map(\.upperLimit).sorted())
        #expect(chart.asymptoticUpperLimit - chart.points[29].upperLimit < 1e-3)
    }

    @Test func asymptoticLimitsSignalLaterAtTheStart() throws {
        // λ = 0.2, L = 3: a first value of 3.5 gives E₁ = 0.7, above the exact limit
        // 3 · √(0.2/1.8 · (1 − 0.8²)) = 0.6 but below the asymptotic 3 · √(0.2/1.8) = 1.0.
        // Then −0.7, −3.5: E₂ = −0.7 − 0.112 = −0.812 below the exact −0.768.
        let exact = try EWMAChart(standardized: [3.5], lambda: 0.2, width: 3, signalLimits: .exact)
        let asymptotic = try EWMAChart(standardized: [3.5], lambda: 0.2, width: 3, signalLimits: .asymptotic)
        #expect(exact.signals.map(\.direction) == [.up])
        #expect(asymptotic.signals.isEmpty)
        let down = try EWMAChart(standardized: [-0.7, -3.5], lambda: 0.2, width: 3)
        #expect(down.signals.map(\.index) == [1] && down.signals[0].direction == .down)
    }

    @Test func proportionsAndMeansAreStandardisedByTheirStandardError() throws {
        // p₀ = 6 %, a day with 9 % late of 400: z = 0.03 / √(0.06 · 0.94 / 400) = 2.52646.
        let p = try ControlChartTarget.proportion(target: 0.06)
        #expect(abs(try p.standardize(ControlChartPoint(period: 1, value: 0.09, count: 400)) - 2.5264558) < 1e-6)
        // μ₀ = 12 minutes, σ = 8: a day averaging 14 over 64 replies gives z = 2/(8/8) = 2.
        let m = try ControlChartTarget.mean(target: 12, sigma: 8)
        #expect(try m.standardize(ControlChartPoint(period: 1, value: 14, count: 64)) == 2)
        #expect(throws: ConsistencyError.self) { try ControlChartTarget.proportion(target: 0) }
        #expect(throws: ConsistencyError.self) { try m.standardize(ControlChartPoint(period: 1, value: 3, count: 0)) }
    }

    @Test func baselineEstimatesTargetAndSigma() throws {
        let withSpread = [
            ControlChartPoint(period: 1, value: 10, count: 5, standardDeviation: 2),
            ControlChartPoint(period: 2, value: 13, count: 11, standardDeviation: 3),
            ControlChartPoint(period: 3, value: 50, count: 9, standardDeviation: 9),
        ]
        // Baseline 0..<2: μ₀ = (5 · 10 + 11 · 13)/16 = 12.0625; σ² = (4 · 4 + 10 · 9)/14 = 106/14.
        let pooled = try ControlChartTarget.estimated(.mean, from: withSpread, baseline: 0..<2)
        #expect(abs(pooled.centre - 12.0625) < 1e-12)
        #expect(abs(pooled.sigma - (106.0 / 14).squareRoot()) < 1e-12)
        // Without within-period deviations: σ² = Σnᵢ(x̄ᵢ − μ₀)²/(m − 1) = 5 · 2.0625² + 11 · 0.9375² = 30.9375.
        let bare = withSpread.map { ControlChartPoint(period: $0.period, value: $0.value, count: $0.count) }
        let spread = try ControlChartTarget.estimated(.mean, from: bare, baseline: 0..<2)
        #expect(abs(spread.sigma - 30.9375.squareRoot()) < 1e-12)
        // Proportions: p₀ = (0.05 · 200 + 0.08 · 300)/500 = 0.068.
        let shares = [
            ControlChartPoint(period: 1, value: 0.05, count: 200),
            ControlChartPoint(period: 2, value: 0.08, count: 300),
        ]
        let p = try ControlChartTarget.estimated(.proportion, from: shares, baseline: 0..<2)
        #expect(abs(p.centre - 0.068) < 1e-15 && abs(p.sigma - (0.068 * 0.932).squareRoot()) < 1e-15)
        #expect(throws: ConsistencyError.self) { try ControlChartTarget.estimated(.mean, from: bare, baseline: 0..<1) }
    }

    @Test func aPlantedJumpInLatenessIsCaughtAndDated() throws {
        // 120 days of 150 orders, 6 % late until day 60 and 10 % from then on; target from days 0–29.
        // The shift is 0.04/√(0.06 · 0.94/150) ≈ 2.1 standard errors a day, so CUSUM (k = ½, h = 5)
        // should signal within a few days (zero-state ARL for a 2σ shift is about 3.3) and date the
        // run from day 60 give or take a couple of days.
        var caught = 0
        var datedWell = 0
        let seeds = 20
        for seed in 0..<seeds {
            var rng = SeededGenerator(seed: UInt64(40_000 + seed))
            let points = (0..<120).map { day in
                let late = ConsistencyTests.binomial(trials: 150, probability: day < 60 ? 0.06 : 0.10, using: &rng)
                return ControlChartPoint(period: day, value: Double(late) / 150, count: 150)
            }
            let target = try ControlChartTarget.estimated(.proportion, from: points, baseline: 0..<30)
            let cusum = try CUSUMChart(points: points, target: target)
            let ewma = try EWMAChart(points: points, target: target)
            guard let first = cusum.signals.first(where: { $0.index >= 60 }) else { continue }
            if first.index < 70, first.direction == .up,
                ewma.signals.contains(where: { $0.index >= 60 && $0.index < 75 && $0.direction == .up })
            {
                caught += 1
            }
            if let start = first.runStartIndex, abs(start - 60) <= 3 { datedWell += 1 }
        }
        #expect(caught >= 19, "caught \(caught)/\(seeds)")
        #expect(datedWell >= 14, "dated within 3 days \(datedWell)/\(seeds)")
    }

    @Test func invalidChartParametersAreRejected() {
        #expect(throws: ConsistencyError.self) { try EWMAChart(standardized: [0], lambda: 0) }
        #expect(throws: ConsistencyError.self) { try EWMAChart(standardized: [0], lambda: 1.5) }
        #expect(throws: ConsistencyError.self) { try CUSUMChart(standardized: [0], decisionInterval: 0) }
        #expect(throws: ConsistencyError.self) { try CUSUMChart(standardized: [0, 1], periods: [1]) }
    }
}
