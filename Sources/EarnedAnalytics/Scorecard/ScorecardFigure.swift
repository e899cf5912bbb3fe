import Foundation

/// One step's figure for one scope and period: the value with its interval and sample size, or
/// "not enough data" below the minimum sample; the same figure for earlier periods (the
/// trend); and the change against the period just before with its interval.
public struct ScorecardFigure: Sendable, Hashable, Codable {
    /// How the value reads: a share 0–1, or an index 0–1 (1 = the same everywhere).
    public enum Kind: String, Codable, Sendable {
        case share
        case index
    }

    /// A value with its 95 % interval.
    public struct Estimate: Sendable, Hashable, Codable {
        public var value: Double
        public var lower: Double
        public var upper: Double

        public init(value: Double, lower: Double, upper: Double) {
            self.value = value
            self.lower = lower
            self.upper = upper
        }
    }

    /// The figure of one earlier period.
    public struct TrendPoint: Sendable, Hashable, Codable {
        public var start: Date
        public var end: Date
        /// Nil when that period had less than the minimum sample.
        public var value: Double?
        public var sampleSize: Int

        public init(start: Date, end: Date, value: Double?, sampleSize: Int) {
            self.start = start
            self.end = end
            self.value = value
            self.sampleSize = sampleSize
        }
    }

    public var step: ScorecardStep
    public var kind: Kind
    /// Nil when the sample is below `minimumSample`: "not enough data".
    public var estimate: Estimate?
    /// Records counted (for the index: records in slots that reached the slot minimum).
    public var sampleSize: Int
    /// Records that met the step.
    public var successes: Int
    public var minimumSample: Int
    /// Figures that go with the main one, by name: "csat_mean", "fix_hours_median",
    /// "first_reply_median_seconds", "first_reply_p90_seconds"… each with "_lower"/"_upper"
    /// where an interval exists.
    public var details: [String: Double]
    /// Earlier periods of the same length, oldest first, ending where this period starts.
    public var trend: [TrendPoint]
    /// This period's value minus the previous period's, with its interval; nil when either
    /// lacks data.
    public var change: Estimate?

    public init(
        step: ScorecardStep, kind: Kind, estimate: Estimate?, sampleSize: Int, successes: Int, minimumSample: Int,
        details: [String: Double], trend: [TrendPoint], change: Estimate?
    ) {
        self.step = step
        self.kind = kind
        self.estimate = estimate
        self.sampleSize = sampleSize
        self.successes = successes
        self.minimumSample = minimumSample
        self.details = details
        self.trend = trend
        self.change = change
    }

    /// Whether there is enough data for a figure.
    public var hasEnoughData: Bool { estimate != nil }

    /// Where a figure stands against another (a person's against their team's).
    public enum Comparison: Sendable {
        case above, below, alike
    }

    /// Above or below `other` only when the two 95 % intervals do not overlap (a conservative
    /// test: Schenker & Gentleman 2001, "On judging the significance of differences by examining
    /// the overlap between confidence intervals", The American Statistician 55(3)); nil when
    /// either lacks data.
    public func compared(with other: ScorecardFigure) -> Comparison? {
        guard let a = estimate, let b = other.estimate else { return nil }
        if a.lower > b.upper { return .above }
        if a.upper < b.lower { return .below }
        return .alike
    }
}
