import Foundation

/// Wilson (1927) score interval for a binomial proportion, "Probable inference, the law of
/// succession, and statistical inference", JASA 22(158), 209–212:
/// (p̂ + z²/2n ± z √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n).
public struct WilsonInterval: Sendable, Hashable {
    /// Number of successes.
    public let successes: Int
    /// Number of trials.
    public let trials: Int
    /// The normal quantile z used (1.959964 for 95 %).
    public let z: Double
    /// Lower bound (exactly 0 when there are no successes).
    public let lower: Double
    /// Upper bound (exactly 1 when every trial succeeded).
    public let upper: Double

    /// Observed share p̂ = successes / trials.
    public var estimate: Double { Double(successes) / Double(trials) }

    /// Wilson (1927) score interval at two-sided confidence level `confidence` (z = Φ⁻¹((1 + c)/2));
    /// nil when trials ≤ 0, successes is outside 0…trials, or confidence is outside (0, 1).
    public init?(successes: Int, trials: Int, confidence: Double = 0.95) {
        guard confidence > 0, confidence < 1 else { return nil }
        self.init(successes: successes, trials: trials, z: SpecialFunctions.normalQuantile((1 + confidence) / 2))
    }

    /// Wilson (1927) score interval for a given normal quantile z > 0; nil for impossible counts.
    public init?(successes: Int, trials: Int, z: Double) {
        guard trials > 0, successes >= 0, successes <= trials, z > 0, z.isFinite else { return nil }
        self.successes = successes
        self.trials = trials
        self.z = z
        let n = Double(trials)
        let k = Double(successes)
        let z2 = z * z
        let denominator = 2 * (n + z2)
        let centre = 2 * k + z2
        // z √(z² + 4k(n − k)/n): the same spread as the textbook form, without p̂(1 − p̂) rounding.
        let spread = z * (z2 + 4 * k * (n - k) / n).squareRoot()
        lower = successes == 0 ? 0 : max(0, (centre - spread) / denominator)
        upper = successes == trials ? 1 : min(1, (centre + spread) / denominator)
    }
}
