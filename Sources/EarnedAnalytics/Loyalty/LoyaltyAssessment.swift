import Foundation

/// One customer's Dick & Basu (1994) segment with the evidence levels it came from, the risks,
/// the reasons and the next action — all codes.
public struct LoyaltyAssessment: Hashable, Codable, Sendable {
    /// Relative attitude after the newest attitude evidence.
    public enum Attitude: String, Hashable, Codable, Sendable {
        /// The newest evidence is positive.
        case high
        /// The newest evidence is negative.
        case low
        /// No attitude evidence.
        case unknown
    }

    /// Repeat patronage relative to the customer base.
    public enum Patronage: String, Hashable, Codable, Sendable {
        /// A repeat buyer expected to buy at least the base's reference, P(alive) not low.
        case high
        /// Anyone else.
        case low
    }

    /// Exclusivity after the newest share-of-wallet answer.
    public enum Exclusivity: String, Hashable, Codable, Sendable {
        /// Buys only or mostly here.
        case exclusive
        /// Buys about half or mostly elsewhere.
        case notExclusive = "not_exclusive"
        /// Never answered.
        case unknown
    }

    /// The segment.
    public var segment: LoyaltySegment
    /// The attitude level.
    public var attitude: Attitude
    /// The attitude evidence that decided the level (nil when unknown).
    public var attitudeSignal: AttitudeSignal?
    /// The patronage level.
    public var patronage: Patronage
    /// Whether the customer buys mostly on discount.
    public var isDiscountDependent: Bool
    /// The exclusivity level.
    public var exclusivity: Exclusivity
    /// Why the customer is at risk; empty when not.
    public var risks: [LoyaltyRisk]
    /// The reason that placed the segment.
    public var reason: LoyaltyReason
    /// Further facts for the reason text (the discount exemption, service failures met).
    public var context: [LoyaltyReason]
    /// What to do next.
    public var nextAction: LoyaltyAction

    /// An assessment from its parts.
    public init(
        segment: LoyaltySegment, attitude: Attitude, attitudeSignal: AttitudeSignal?, patronage: Patronage,
        isDiscountDependent: Bool, exclusivity: Exclusivity, risks: [LoyaltyRisk], reason: LoyaltyReason,
        context: [LoyaltyReason] = [], nextAction: LoyaltyAction
    ) {
        self.segment = segment
        self.attitude = attitude
        self.attitudeSignal = attitudeSignal
        self.patronage = patronage
        self.isDiscountDependent = isDiscountDependent
        self.exclusivity = exclusivity
        self.risks = risks
        self.reason = reason
        self.context = context
        self.nextAction = nextAction
    }

    /// Whether the customer is at risk.
    public var isAtRisk: Bool { !risks.isEmpty }
}
