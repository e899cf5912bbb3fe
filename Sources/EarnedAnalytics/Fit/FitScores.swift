import Foundation

/// Per-customer forecasts of `earned fit`, in the order of `FitData`'s customers.
public struct FitScores: Sendable {
    /// P(alive | x, t_x, T) — Fader, Hardie & Lee (2008), "Computing P(alive) using the BG/NBD
    /// model".
    public var probabilityAlive: [Double]
    /// E[Y(h) | x, t_x, T], expected purchases over the horizon h — Fader, Hardie & Lee (2005),
    /// eq. (10).
    public var expectedPurchases: [Double]
    /// E[Z | z̄, x], expected spend per purchase — Fader & Hardie (2013); `nil` without a spend
    /// model; NaN where it is undefined (x = 0 with q ≤ 1).
    public var expectedSpend: [Double]?
    /// Discounted lifetime value over the months asked (`LifetimeValue`); `nil` without a spend
    /// model.
    public var lifetimeValue: [Double]?

    /// Creates scores from parallel arrays.
    public init(
        probabilityAlive: [Double], expectedPurchases: [Double], expectedSpend: [Double]?, lifetimeValue: [Double]?
    ) {
        self.probabilityAlive = probabilityAlive
        self.expectedPurchases = expectedPurchases
        self.expectedSpend = expectedSpend
        self.lifetimeValue = lifetimeValue
    }
}
