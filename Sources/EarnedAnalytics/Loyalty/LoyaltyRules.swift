import EarnedDomain
import Foundation

/// The thresholds that turn evidence into Dick & Basu (1994) levels. Every rule of
/// `LoyaltyClassifier` reads its numbers from here, except what an NPS or CSAT answer says:
/// that is the domain's one reading (`PromoterGroup`, `Satisfaction`), which the scorecard and
/// the closed loop share.
public struct LoyaltyRules: Hashable, Codable, Sendable {
    /// CES at or above this means buying is hard; it picks "make buying easier" for latent
    /// loyalty (5, as `LowScoreThresholds`). CES does not place the attitude level.
    public var highEffortAtLeast: Int
    /// Share-of-wallet answers that count as exclusive and as positive attitude.
    public var exclusiveShares: Set<ShareOfWallet>
    /// Share-of-wallet answers that count as negative attitude (buys mostly elsewhere).
    public var elsewhereShares: Set<ShareOfWallet>
    /// Purchases so far that make a repeat buyer (2: at least one repeat purchase).
    public var repeatBuyerAtLeast: Int
    /// P(alive) below this is low: no high patronage, and a lapsing risk (0.5).
    public var lowAliveBelow: Double
    /// Share of spend (or of orders when spend is unknown) on discount at or above which the
    /// customer is discount-dependent (0.5).
    public var discountDependentAtLeast: Double
    /// Referrals that, with exclusivity, exempt a discount-dependent buyer from spurious
    /// loyalty (1).
    public var advocacyReferralsAtLeast: Int

    /// The defaults: CES ≥ 5, exclusive = only or
    /// mostly here, elsewhere = mostly elsewhere, repeat buyer ≥ 2 purchases, P(alive) < 0.5 low,
    /// discount-dependent ≥ 50 %, one referral for the exemption.
    public static let standard = LoyaltyRules()

    /// Rules with the given thresholds (the defaults are `standard`'s).
    public init(
        highEffortAtLeast: Int = 5, exclusiveShares: Set<ShareOfWallet> = [.onlyHere, .mostlyHere],
        elsewhereShares: Set<ShareOfWallet> = [.mostlyElsewhere], repeatBuyerAtLeast: Int = 2,
        lowAliveBelow: Double = 0.5, discountDependentAtLeast: Double = 0.5, advocacyReferralsAtLeast: Int = 1
    ) {
        self.highEffortAtLeast = highEffortAtLeast
        self.exclusiveShares = exclusiveShares
        self.elsewhereShares = elsewhereShares
        self.repeatBuyerAtLeast = repeatBuyerAtLeast
        self.lowAliveBelow = lowAliveBelow
        self.discountDependentAtLeast = discountDependentAtLeast
        self.advocacyReferralsAtLeast = advocacyReferralsAtLeast
    }
}
