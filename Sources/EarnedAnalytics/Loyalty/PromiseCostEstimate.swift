import Foundation

/// What broken or late promises (or late replies) cost, from the business's own data: the
/// effect on purchases and on spend per exposed customer over the H days after the anchor, and
/// how many units the matching used and discarded.
public struct PromiseCostEstimate: Hashable, Codable, Sendable {
    /// H: the days after the anchor the outcomes cover.
    public var horizonDays: Int
    /// The two-sided confidence level of the intervals.
    public var confidence: Double
    /// The effect on the number of purchases.
    public var purchases: EffectOnExposed
    /// The effect on spend.
    public var spend: EffectOnExposed
    /// Exposed units in strata that also hold controls.
    public var matchedExposed: Int
    /// Control units in strata that also hold exposed units.
    public var matchedControls: Int
    /// Exposed units in strata without controls (left out).
    public var discardedExposed: Int
    /// Control units in strata without exposed units (left out).
    public var discardedControls: Int
    /// Strata holding both groups.
    public var matchedStrata: Int

    /// An estimate from its figures.
    public init(
        horizonDays: Int, confidence: Double, purchases: EffectOnExposed, spend: EffectOnExposed, matchedExposed: Int,
        matchedControls: Int, discardedExposed: Int, discardedControls: Int, matchedStrata: Int
    ) {
        self.horizonDays = horizonDays
        self.confidence = confidence
        self.purchases = purchases
        self.spend = spend
        self.matchedExposed = matchedExposed
        self.matchedControls = matchedControls
        self.discardedExposed = discardedExposed
        self.discardedControls = discardedControls
        self.matchedStrata = matchedStrata
    }
}
