import Foundation

/// One period of a monitored service measure: the period's mean (a share for a proportion), the
/// number of observations behind it, and optionally their standard deviation.
public struct ControlChartPoint: Hashable, Codable, Sendable {
    /// The period's position on the chart's axis (a day or week number).
    public var period: Int
    /// The period's calendar date, when the axis is labelled by date.
    public var date: Date?
    /// The period's mean x̄ (for a proportion, the share p).
    public var value: Double
    /// The number of observations n behind `value` (≥ 1).
    public var count: Int
    /// The within-period sample standard deviation of a mean, when known (used to estimate σ from
    /// a baseline).
    public var standardDeviation: Double?

    /// A point from its parts.
    public init(period: Int, date: Date? = nil, value: Double, count: Int, standardDeviation: Double? = nil) {
        self.period = period
        self.date = date
        self.value = value
        self.count = count
        self.standardDeviation = standardDeviation
    }

    /// The point of one period's sample (mean, count and standard deviation).
    public init(period: Int, date: Date? = nil, sample: SlotSample) {
        self.init(
            period: period, date: date, value: sample.mean, count: sample.count,
            standardDeviation: sample.count >= 2 ? sample.standardDeviation : nil)
    }
}
