import Foundation

/// One slot of a `ConsistencyAnalysis`: its mean with interval and, when it has enough data, how
/// it compares with the rest of its dimension.
public struct SlotResult: Hashable, Codable, Sendable {
    /// The slot's key.
    public var key: String
    /// Number of observations n.
    public var count: Int
    /// The slot mean with its interval (Wilson for proportions, t for means); nil when n = 0.
    public var mean: IntervalEstimate?
    /// False when the slot, or the rest of its dimension, has fewer observations than the
    /// analysis's minimum count: "not enough data", no test, never flagged.
    public var hasEnoughData: Bool
    /// The slot compared with all other slots pooled; nil when there is not enough data.
    public var comparison: SlotComparison?
    /// True when the slot's mean is on the worse side of the rest's (by the measure's direction);
    /// always false without a comparison.
    public var isWorse: Bool
    /// The slot's empirically-Bayes-shrunk mean θ̂ from the consistency index; nil when the slot
    /// is not in the index.
    public var shrunkMean: Double?

    /// A slot's result from its parts.
    public init(
        key: String, count: Int, mean: IntervalEstimate?, hasEnoughData: Bool, comparison: SlotComparison?,
        isWorse: Bool, shrunkMean: Double?
    ) {
        self.key = key
        self.count = count
        self.mean = mean
        self.hasEnoughData = hasEnoughData
        self.comparison = comparison
        self.isWorse = isWorse
        self.shrunkMean = shrunkMean
    }

    /// Slot mean minus rest mean; nil without a comparison.
    public var gap: Double? { comparison?.difference.estimate }
}
