import Foundation

/// A point estimate with its two-sided confidence interval.
public struct IntervalEstimate: Hashable, Codable, Sendable {
    /// The point estimate.
    public var estimate: Double
    /// The lower confidence limit.
    public var lower: Double
    /// The upper confidence limit.
    public var upper: Double

    /// An estimate with its limits.
    public init(estimate: Double, lower: Double, upper: Double) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
    }

    /// True when `value` lies within the limits (inclusive).
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}
