import Foundation

/// What is measured in every slot: a proportion (each observation 0 or 1) or a continuous
/// value, the range its mean can take, and which direction is better.
public struct ServiceMeasure: Hashable, Codable, Sendable {
    /// Proportion or continuous.
    public enum Kind: String, Hashable, Codable, Sendable {
        /// Each observation is 0 or 1 (a promise kept, a reply within target).
        case proportion
        /// Each observation is a number (CSAT 1–5, first-response minutes).
        case continuous
    }

    /// Proportion or continuous.
    public var kind: Kind
    /// The smallest possible value of the measure.
    public var lowerBound: Double
    /// The largest possible value of the measure.
    public var upperBound: Double
    /// True when a larger value is better service (share on time); false when smaller is
    /// (share late, minutes to first response).
    public var higherIsBetter: Bool

    /// A measure with an explicit range; `lowerBound < upperBound` is checked by the analysis.
    public init(kind: Kind, lowerBound: Double, upperBound: Double, higherIsBetter: Bool) {
        self.kind = kind
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.higherIsBetter = higherIsBetter
    }

    /// A share of 0/1 outcomes on the range 0…1.
    public static func proportion(higherIsBetter: Bool) -> ServiceMeasure {
        ServiceMeasure(kind: .proportion, lowerBound: 0, upperBound: 1, higherIsBetter: higherIsBetter)
    }

    /// A continuous measure on the given range (1…5 for CSAT; for unbounded measures such as
    /// minutes, a range the caller chooses, e.g. 0…a service-level ceiling).
    public static func continuous(range: ClosedRange<Double>, higherIsBetter: Bool) -> ServiceMeasure {
        ServiceMeasure(
            kind: .continuous, lowerBound: range.lowerBound, upperBound: range.upperBound,
            higherIsBetter: higherIsBetter)
    }

    /// CSAT on the 1–5 scale, higher better.
    public static let csat = ServiceMeasure.continuous(range: 1...5, higherIsBetter: true)

    /// True when `difference` (slot minus rest) points towards worse service.
    public func isWorse(difference: Double) -> Bool {
        higherIsBetter ? difference < 0 : difference > 0
    }
}
