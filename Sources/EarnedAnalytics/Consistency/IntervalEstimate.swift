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

    /// The mean of `values` with its large-sample 95 % interval, mean ± z · s/√n (s with n − 1;
    /// the normal approximation of the central limit theorem); nil for fewer than two values.
    public static func mean(of values: [Double], z: Double = 1.959963984540054) -> IntervalEstimate? {
        guard values.count >= 2 else { return nil }
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let half = z * (variance / n).squareRoot()
        return IntervalEstimate(estimate: mean, lower: mean - half, upper: mean + half)
    }

    /// True when `value` lies within the limits (inclusive).
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}
