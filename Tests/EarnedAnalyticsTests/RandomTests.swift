import EarnedAnalytics
import EarnedDomain
import Foundation
import Testing

@Suite struct RandomTests {
    /// Sample mean and variance of `n` draws.
    static func moments(_ n: Int, _ draw: () -> Double) -> (mean: Double, variance: Double) {
        var sum = 0.0
        var sumSquares = 0.0
        for _ in 0..<n {
            let v = draw()
            sum += v
            sumSquares += v * v
        }
        let mean = sum / Double(n)
        return (mean, sumSquares / Double(n) - mean * mean)
    }

    // (name, mean, variance) checked within 4 standard errors of the mean and 3 % on the variance.
    @Test(arguments: ["gamma0.4", "gamma3", "beta", "poisson3", "poisson60", "exponential", "normal"])
    func samplersHaveTheirDistributionsMoments(name: String) {
        var rng = SeededGenerator(seed: 2024)
        let n = 200_000
        let draw: () -> Double
        let mean: Double
        let variance: Double
        switch name {
        case "gamma0.4":
            (mean, variance) = (0.4 * 2, 0.4 * 4)
            draw = { RandomVariates.gamma(shape: 0.4, scale: 2, using: &rng) }
        case "gamma3":
            (mean, variance) = (3 * 0.5, 3 * 0.25)
            draw = { RandomVariates.gamma(shape: 3, scale: 0.5, using: &rng) }
        case "beta":
            let (a, b) = (0.8, 2.5)
            (mean, variance) = (a / (a + b), a * b / ((a + b) * (a + b) * (a + b + 1)))
            draw = { RandomVariates.beta(a, b, using: &rng) }
        case "poisson3":
            (mean, variance) = (3, 3)
            draw = { Double(RandomVariates.poisson(mean: 3, using: &rng)) }
        case "poisson60":
            (mean, variance) = (60, 60)
            draw = { Double(RandomVariates.poisson(mean: 60, using: &rng)) }
        case "exponential":
            (mean, variance) = (0.25, 0.0625)
            draw = { RandomVariates.exponential(rate: 4, using: &rng) }
        default:
            (mean, variance) = (1, 4)
            draw = { RandomVariates.normal(mean: 1, standardDeviation: 2, using: &rng) }
        }
        let sample = Self.moments(n, draw)
        #expect(abs(sample.mean - mean) < 4 * (variance / Double(n)).squareRoot())
        #expect(abs(sample.variance / variance - 1) < 0.03)
    }
}
