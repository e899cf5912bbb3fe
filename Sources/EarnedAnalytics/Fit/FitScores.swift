import Foundation

/// Per-customer forecasts of `earned fit`, in the order of `FitData`'s customers, with their
/// intervals (`LifetimePredictions`). P(alive) and expected purchases are kept once per unique
/// history and read per customer, so a million customers cost a few arrays of their histories.
public struct FitScores: Sendable {
    /// The predictions with their intervals.
    public let predictions: LifetimePredictions
    /// E[Z | z̄, x], expected spend per purchase — Fader & Hardie (2013); `nil` without a spend
    /// model; NaN where it is undefined (x = 0 with q ≤ 1).
    public let expectedSpend: [Double]?

    /// Creates scores from the predictions and the expected spend per customer.
    public init(predictions: LifetimePredictions, expectedSpend: [Double]?) {
        self.predictions = predictions
        self.expectedSpend = expectedSpend
    }

    @inline(__always)
    func row(_ customer: Int) -> Int { Int(predictions.histories.rowOfCustomer[customer]) }

    /// P(alive | x, t_x, T) of every customer.
    public var probabilityAlive: [Double] { predictions.perCustomer(predictions.alive) }
    /// Expected purchases over the horizon of every customer.
    public var expectedPurchases: [Double] { predictions.perCustomer(predictions.purchases) }
    /// Discounted lifetime value over the months asked (`LifetimeValue`); `nil` without a spend model.
    public var lifetimeValue: [Double]? { predictions.value }

    /// The customer's P(alive) with its interval.
    public func alive(_ customer: Int) -> (Double, Double, Double) {
        let r = row(customer)
        return (predictions.alive[r], predictions.aliveLower[r], predictions.aliveUpper[r])
    }

    /// The customer's expected purchases with their interval.
    public func purchases(_ customer: Int) -> (Double, Double, Double) {
        let r = row(customer)
        return (predictions.purchases[r], predictions.purchasesLower[r], predictions.purchasesUpper[r])
    }

    /// The customer's lifetime value with its interval; nil without a spend model.
    public func value(_ customer: Int) -> (Double, Double, Double)? {
        guard let value = predictions.value, let lower = predictions.valueLower, let upper = predictions.valueUpper
        else { return nil }
        return (value[customer], lower[customer], upper[customer])
    }
}
