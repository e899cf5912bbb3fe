import EarnedAnalytics
import EarnedDomain
import Foundation
import Testing

/// Average run lengths by simulation on N(μ, 1) data from a seeded generator, against published
/// tables. Each run starts the chart afresh (zero state) and counts values up to the first signal.
/// The tolerance is a relative band that must also be at least three estimated standard errors
/// wide, so a pass is meaningful and a fail is not noise: in control the run length is nearly
/// geometric (standard deviation ≈ ARL), so 6,000 runs give a standard error of about 1.3 % and the
/// ±5 % band is close to four standard errors. The whole suite takes about 2.5 s in a debug build.
@Suite struct ControlChartRunLengthTests {
    struct RunLengths {
        var mean: Double
        var standardError: Double
    }

    /// Mean and standard error of `runs` run lengths, each the number of N(shift, 1) values until
    /// `signals` first says true (after `reset`).
    static func simulate(
        runs: Int, shift: Double, seed: UInt64, reset: () -> Void, signals: (Double) -> Bool
    ) -> RunLengths {
        var rng = SeededGenerator(seed: seed)
        var sum = 0.0
        var sumSquares = 0.0
        for _ in 0..<runs {
            reset()
            var length = 0
            repeat { length += 1 } while !signals(RandomVariates.normal(mean: shift, using: &rng))
            sum += Double(length)
            sumSquares += Double(length * length)
        }
        let n = Double(runs)
        let mean = sum / n
        let variance = (sumSquares - n * mean * mean) / (n - 1)
        return RunLengths(mean: mean, standardError: (variance / n).squareRoot())
    }

    static func ewma(runs: Int, shift: Double, seed: UInt64) throws -> RunLengths {
        let fresh = try EWMAChart.Monitor(lambda: 0.2, width: 3, limits: .asymptotic)
        var monitor = fresh
        return simulate(runs: runs, shift: shift, seed: seed, reset: { monitor = fresh }) {
            monitor.observe($0) != nil
        }
    }

    static func cusum(h: Double, runs: Int, shift: Double, seed: UInt64) throws -> RunLengths {
        let fresh = try CUSUMChart.Monitor(referenceValue: 0.5, decisionInterval: h)
        var monitor = fresh
        return simulate(runs: runs, shift: shift, seed: seed, reset: { monitor = fresh }) {
            monitor.observe($0).direction != nil
        }
    }

    /// Checks |mean − expected| ≤ tolerance · expected, and that the band is at least 3 standard errors.
    static func check(_ result: RunLengths, expected: Double, tolerance: Double, _ label: String) {
        let band = tolerance * expected
        #expect(band >= 3 * result.standardError, "\(label): band \(band) < 3 SE \(result.standardError)")
        #expect(
            abs(result.mean - expected) <= band,
            "\(label): ARL \(result.mean) ± \(result.standardError), expected \(expected) ± \(band)")
    }

    @Test func ewmaInControlMatchesTheTable() throws {
        // λ = 0.2, L = 3 with the asymptotic limits (as the tables use): ARL₀ ≈ 560 (Lucas & Saccucci
        // 1990, Technometrics 32(1), 1–12; a 401-state Markov chain gives 559.8).
        Self.check(try Self.ewma(runs: 6000, shift: 0, seed: 1), expected: 560, tolerance: 0.05, "EWMA in control")
    }

    @Test(arguments: [(4.0, 168.0), (5.0, 465.0)])
    func cusumInControlMatchesTheTable(h: Double, expected: Double) throws {
        // k = 0.5: ARL₀ = 168 for h = 4 and 465 for h = 5 (Montgomery, 8th ed., Table 9.3).
        let result = try Self.cusum(h: h, runs: 6000, shift: 0, seed: 2)
        Self.check(result, expected: expected, tolerance: 0.05, "CUSUM h = \(h) in control")
    }

    @Test func aOneSigmaShiftIsDetectedInAboutTenPoints() throws {
        // CUSUM k = 0.5, h = 5: ARL₁(1σ) = 10.4 (Montgomery, 8th ed., Table 9.3). Run lengths are
        // much less spread out here (SD ≈ 5), so 8,000 runs give a standard error near 0.6 %.
        Self.check(try Self.cusum(h: 5, runs: 8000, shift: 1, seed: 3), expected: 10.4, tolerance: 0.03, "CUSUM 1σ")
        // EWMA λ = 0.2, L = 3, asymptotic limits, shift from the first value (zero state): 10.84 by the
        // Markov chain of Brook & Evans (1972) as used by Lucas & Saccucci (1990), computed below.
        // The 10.3 often quoted is the steady-state value for L = 2.962 (ARL₀ = 500).
        let markov = Self.ewmaMarkovARL(lambda: 0.2, width: 3, shift: 1, states: 201)
        #expect(abs(markov - 10.84) < 0.02, "Markov chain ARL \(markov)")
        Self.check(try Self.ewma(runs: 8000, shift: 1, seed: 4), expected: markov, tolerance: 0.03, "EWMA 1σ")
    }

    @Test func markovChainReproducesTheInControlTableValue() {
        // The same chain with no shift gives ARL₀ ≈ 560, the value the simulation is checked against.
        let markov = Self.ewmaMarkovARL(lambda: 0.2, width: 3, shift: 0, states: 201)
        #expect(abs(markov - 559.8) < 1.5, "Markov chain ARL₀ \(markov)")
    }

    /// Zero-state ARL of the EWMA with asymptotic limits ±h, h = L √(λ/(2 − λ)), by Brook & Evans'
    /// (1972, Biometrika 59, 539–549) Markov chain: the in-control region split into `states` cells,
    /// Pᵢⱼ = P(the statistic moves from cell i's centre into cell j), ARL = (I − P)⁻¹ 1 at the centre.
    static func ewmaMarkovARL(lambda: Double, width: Double, shift: Double, states m: Int) -> Double {
        let h = width * (lambda / (2 - lambda)).squareRoot()
        let w = 2 * h / Double(m)
        let centres = (0..<m).map { -h + w * (Double($0) + 0.5) }
        // A = I − P, solved by Gaussian elimination with partial pivoting.
        var a = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: m)
        for i in 0..<m {
            for j in 0..<m {
                let low = (centres[j] - w / 2 - (1 - lambda) * centres[i]) / lambda - shift
                let high = (centres[j] + w / 2 - (1 - lambda) * centres[i]) / lambda - shift
                let p = SpecialFunctions.normalCDF(high) - SpecialFunctions.normalCDF(low)
                a[i][j] = (i == j ? 1 : 0) - p
            }
            a[i][m] = 1
        }
        for column in 0..<m {
            let pivot = (column..<m).max { abs(a[$0][column]) < abs(a[$1][column]) }!
            a.swapAt(column, pivot)
            for row in (column + 1)..<m where a[row][column] != 0 {
                let factor = a[row][column] / a[column][column]
                for k in column...m { a[row][k] -= factor * a[column][k] }
            }
        }
        var x = [Double](repeating: 0, count: m)
        for row in stride(from: m - 1, through: 0, by: -1) {
            var s = a[row][m]
            for k in (row + 1)..<m { s -= a[row][k] * x[k] }
            x[row] = s / a[row][row]
        }
        return x[m / 2]
    }
}
