import Foundation

/// The sufficient statistics of one slot's observations — count, sum and sum of squares — so
/// that proportions (0/1 values) and means share one type, and slots can be merged exactly.
public struct SlotSample: Hashable, Codable, Sendable {
    /// A stable key naming the slot, e.g. "ekb/evening" or "inventory-day".
    public var key: String
    /// Number of observations n.
    public var count: Int
    /// Σ xᵢ (for a proportion, the number of successes).
    public var sum: Double
    /// Σ xᵢ² (for a proportion, equal to `sum`).
    public var sumOfSquares: Double

    /// A sample from its sufficient statistics.
    public init(key: String, count: Int, sum: Double, sumOfSquares: Double) {
        self.key = key
        self.count = count
        self.sum = sum
        self.sumOfSquares = sumOfSquares
    }

    /// A proportion's sample: `successes` ones and `trials − successes` zeros.
    public init(key: String, successes: Int, trials: Int) {
        self.init(key: key, count: trials, sum: Double(successes), sumOfSquares: Double(successes))
    }

    /// A sample of the given observations (for a proportion pass 0 and 1).
    public init(key: String, values: [Double]) {
        var sum = 0.0
        var sumOfSquares = 0.0
        for value in values {
            sum += value
            sumOfSquares += value * value
        }
        self.init(key: key, count: values.count, sum: sum, sumOfSquares: sumOfSquares)
    }

    /// The pooled sample of both slots' observations, under `key` (this sample's key by default).
    public func merged(with other: SlotSample, key: String? = nil) -> SlotSample {
        SlotSample(
            key: key ?? self.key, count: count + other.count, sum: sum + other.sum,
            sumOfSquares: sumOfSquares + other.sumOfSquares)
    }

    /// The pooled sample of many slots under `key`; an empty sample when `samples` is empty.
    public static func pooled(_ samples: [SlotSample], key: String) -> SlotSample {
        samples.reduce(SlotSample(key: key, count: 0, sum: 0, sumOfSquares: 0)) { $0.merged(with: $1, key: key) }
    }

    /// The sample mean x̄ = Σx / n (a proportion's share of successes); NaN when n = 0.
    public var mean: Double { count > 0 ? sum / Double(count) : .nan }

    /// The number of successes of a proportion's sample (`sum` rounded).
    public var successes: Int { Int(sum.rounded()) }

    /// The unbiased sample variance s² = (Σx² − n x̄²)/(n − 1), never negative; NaN when n < 2.
    public var variance: Double {
        guard count >= 2 else { return .nan }
        let n = Double(count)
        // Σ(x − x̄)² = Σx² − (Σx)²/n; rounding can make it slightly negative for constant values.
        return max(0, (sumOfSquares - sum * sum / n) / (n - 1))
    }

    /// The sample standard deviation s = √s².
    public var standardDeviation: Double { variance.squareRoot() }

    /// True when every observation could be 0 or 1: Σx = Σx² and Σx a whole number in 0…n.
    public var isBinary: Bool {
        let k = sum.rounded()
        return abs(sum - k) < 1e-9 && abs(sumOfSquares - sum) < 1e-9 && k >= 0 && k <= Double(count)
    }
}
