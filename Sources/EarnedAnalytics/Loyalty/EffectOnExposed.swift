import Foundation

/// The average effect on the exposed (ATT) of one outcome over the H days after the anchor,
/// per exposed customer, with its interval, relative to the matched controls, and next to the
/// naive (unmatched) difference for comparison.
public struct EffectOnExposed: Hashable, Codable, Sendable {
    /// Mean outcome of the matched exposed customers.
    public var exposedMean: Double
    /// What the exposed would have had, estimated from matched controls: Σ_s w_s ȳ_C,s.
    public var matchedControlMean: Double
    /// Standard error of the ATT.
    public var standardError: Double
    /// Lower end of the ATT's interval.
    public var lower: Double
    /// Upper end of the ATT's interval.
    public var upper: Double
    /// Lower end of the relative effect's interval; nil when either mean is not positive.
    public var relativeLower: Double?
    /// Upper end of the relative effect's interval; nil when either mean is not positive.
    public var relativeUpper: Double?
    /// Mean of all exposed units, before matching.
    public var naiveExposedMean: Double
    /// Mean of all control units, before matching.
    public var naiveControlMean: Double
    /// Lower end of the naive difference's Welch interval.
    public var naiveLower: Double
    /// Upper end of the naive difference's Welch interval.
    public var naiveUpper: Double

    /// An effect from its figures.
    public init(
        exposedMean: Double, matchedControlMean: Double, standardError: Double, lower: Double, upper: Double,
        relativeLower: Double?, relativeUpper: Double?, naiveExposedMean: Double, naiveControlMean: Double,
        naiveLower: Double, naiveUpper: Double
    ) {
        self.exposedMean = exposedMean
        self.matchedControlMean = matchedControlMean
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
        self.relativeLower = relativeLower
        self.relativeUpper = relativeUpper
        self.naiveExposedMean = naiveExposedMean
        self.naiveControlMean = naiveControlMean
        self.naiveLower = naiveLower
        self.naiveUpper = naiveUpper
    }

    /// The ATT per exposed customer: exposedMean − matchedControlMean.
    public var difference: Double { exposedMean - matchedControlMean }

    /// The ATT relative to the matched control mean (−0.2: 20 % less); nil when that mean is 0.
    public var relative: Double? { matchedControlMean != 0 ? difference / matchedControlMean : nil }

    /// Mean of all exposed minus mean of all controls, before matching (biased when exposure
    /// depends on earlier purchasing).
    public var naiveDifference: Double { naiveExposedMean - naiveControlMean }

    /// The naive difference relative to the mean of all controls; nil when that mean is 0.
    public var naiveRelative: Double? { naiveControlMean != 0 ? naiveDifference / naiveControlMean : nil }
}
