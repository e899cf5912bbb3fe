import Foundation

/// Why a customer is in their segment, as a code (never a sentence: the web layer words it).
/// An assessment's `reason` placed the segment; its `context` holds the cases marked "Context".
public enum LoyaltyReason: Hashable, Codable, Sendable {
    /// What a discount share was measured on.
    public enum DiscountBasis: String, Hashable, Codable, Sendable {
        /// Share of spend paid on discounted orders.
        case spend
        /// Share of orders placed with a discount (used when spend is unknown).
        case orders
    }

    /// True loyalty: the newest attitude evidence is positive and repeat patronage is high.
    case positiveAttitudeHighPatronage(AttitudeSignal)
    /// Latent loyalty: positive attitude, low patronage (e.g. a promoter with one purchase).
    case positiveAttitudeLowPatronage(AttitudeSignal, PatronageShortfall)
    /// Spurious loyalty by habit or inertia: negative attitude, high patronage.
    case negativeAttitudeHighPatronage(AttitudeSignal)
    /// No loyalty: negative attitude, low patronage.
    case negativeAttitudeLowPatronage(AttitudeSignal, PatronageShortfall)
    /// Spurious loyalty bought with discounts: a repeat buyer who buys mostly on discount.
    case buysMostlyOnDiscount(share: Double, basis: DiscountBasis)
    /// No loyalty: no attitude evidence, mostly on discount, and not a repeat buyer.
    case discountBuyerWithoutRepeat(share: Double, basis: DiscountBasis)
    /// Context: mostly on discount, yet exclusive and referring others, so not counted as bought.
    case discountBuyerButExclusiveAdvocate(share: Double, basis: DiscountBasis, referrals: Int)
    /// Unknown: high patronage but no attitude evidence — ask them.
    case noAttitudeEvidenceHighPatronage
    /// Unknown: low patronage and no attitude evidence.
    case noAttitudeEvidenceLowPatronage(PatronageShortfall)
    /// Context: the service failures the customer met.
    case receivedPoorService(ServiceReceived)
}
