import Foundation

/// Why a customer is at risk, as a code; the at-risk flag is set when there is at least one.
public enum LoyaltyRisk: Hashable, Codable, Sendable {
    /// A repeat buyer who would have high patronage if still active (expected purchases if active
    /// at or above the reference) but whose P(alive) has fallen below the low threshold.
    case lapsing(probabilityAlive: Double, expectedPurchasesIfActive: Double)
    /// A repeat buyer whose newest attitude evidence is negative (a detractor, dissatisfied, or
    /// buying mostly elsewhere).
    case unhappyRepeatBuyer(AttitudeSignal)
}
