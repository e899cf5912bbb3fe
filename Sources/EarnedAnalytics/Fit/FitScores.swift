import Foundation

/// Per-customer forecasts of `earned fit`, in the order of `FitData`'s customers, with their
/// intervals (`LifetimePredictions`). P(alive) and expected purchases are kept once per unique
/// history and read per customer, so a million customers cost a few arrays of their histories.
public struct FitScores: Sendable {
    /// The predictions with their intervals.
    public let predictions: LifetimePredictions
    /// The spend model and each customer's mean repeat spend, for the expected spend.
    let spend: (model: GammaGamma, averageSpend: [Double])?

    /// Creates scores from the predictions and, with a spend model, the customers' mean spends.
    public init(predictions: LifetimePredictions, spend: (model: GammaGamma, averageSpend: [Double])?) {
        self.predictions = predictions
        self.spend = spend
    }

    /// E[Z | z̄, x], expected spend per purchase of a customer — Fader & Hardie (2013); nil
    /// without a spend model; NaN where it is undefined (x = 0 with q ≤ 1).
    public func expectedSpend(_ customer: Int) -> Double? {
        guard let spend else { return nil }
        let x = predictions.histories.rowFrequency[row(customer)]
        guard spend.model.hasExpectedSpend(frequency: x) else { return .nan }
        return spend.model.conditionalExpectedAverageSpend(frequency: x, averageSpend: spend.averageSpend[customer])
    }

    /// The expected spend of every customer; nil without a spend model.
    public var expectedSpend: [Double]? {
        spend == nil ? nil : (0..<predictions.histories.customerCount).map { expectedSpend($0)! }
    }

    @inline(__always)
    func row(_ customer: Int) -> Int { Int(predictions.histories.rowOfCustomer[customer]) }

    /// Whether everything forecast for the customer is the same for every customer of their
    /// (x, t_x, T) history: true without repeat purchases (x = 0), where the Gamma-Gamma has no
    /// spend of theirs to condition on (E[Z | z̄, 0] and its gradient do not depend on z̄), or
    /// without a spend model.
    public func sharesRow(_ customer: Int) -> Bool {
        spend == nil || predictions.histories.rowFrequency[row(customer)] == 0
    }

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
        predictions.value(customer: customer).map { ($0.value, $0.lower, $0.upper) }
    }
}
