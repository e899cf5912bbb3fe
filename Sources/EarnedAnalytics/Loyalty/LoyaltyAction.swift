import Foundation

/// The next step for a customer, as a code, named after the thesis (T2, T7, T8, T10).
public enum LoyaltyAction: Hashable, Codable, Sendable {
    /// True loyalty who already refer others: thank them personally.
    case thankThem
    /// True loyalty who have not referred anyone yet: ask for a referral (T7, T8).
    case askForReferral
    /// Latent loyalty: invite them back personally.
    case inviteBackPersonally
    /// Latent loyalty who said buying is hard: make buying easier (T3).
    case makeBuyingEasier(ces: Int)
    /// Spurious loyalty: win their attitude through service; do not widen discounts (T2, T10).
    case earnAttitudeWithoutDiscounts
    /// Fix the service failures they met first: take responsibility, call them (T10).
    case fixTheService(ServiceReceived)
    /// At risk: a personal call first (T10: "found a problem — call the customer first").
    case callPersonallyFirst(LoyaltyRisk)
    /// Unknown: ask them a short survey.
    case askForSurvey
    /// No loyalty and nothing to fix: low priority.
    case lowPriority
}
