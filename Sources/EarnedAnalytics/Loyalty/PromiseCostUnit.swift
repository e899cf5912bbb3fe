import Foundation

/// One customer in the study of what a broken promise (or a late reply) costs, anchored at the
/// moment the caller picked (e.g. their first promise in the window): whether that promise was
/// broken or late (exposed) or kept on time (control), their purchasing in the 365 days before,
/// and their purchasing in the H days after. Pass only customers whose H days after the anchor
/// are fully observed.
public struct PromiseCostUnit: Hashable, Codable, Sendable {
    /// Whether the anchoring promise was broken or kept late (or the reply late).
    public var isExposed: Bool
    /// Purchases in the 365 days before the anchor.
    public var priorPurchases: Int
    /// Spend in the 365 days before the anchor (minor units or any one money unit).
    public var priorSpend: Double
    /// Days from the previous purchase to the anchor; nil when there was none.
    public var daysSincePreviousPurchase: Double?
    /// Purchases in the H days after the anchor.
    public var purchasesAfter: Int
    /// Spend in the H days after the anchor (the same unit as `priorSpend`).
    public var spendAfter: Double

    /// A unit from its figures.
    public init(
        isExposed: Bool, priorPurchases: Int, priorSpend: Double, daysSincePreviousPurchase: Double?,
        purchasesAfter: Int, spendAfter: Double
    ) {
        self.isExposed = isExposed
        self.priorPurchases = priorPurchases
        self.priorSpend = priorSpend
        self.daysSincePreviousPurchase = daysSincePreviousPurchase
        self.purchasesAfter = purchasesAfter
        self.spendAfter = spendAfter
    }
}
