import Foundation

/// Customer lifetime value over a finite horizon from a purchase model (BG/NBD or Pareto/NBD) and a Gamma-Gamma
/// spend model — the discounted-cash-flow form used by `lifetimes`
/// (`GammaGammaFitter.customer_lifetime_value`) after Fader, Hardie & Lee (2005) and
/// Fader & Hardie (2013).
///
/// Definition: for a customer with history (x, t_x, T) and mean repeat spend z̄,
///
///     CLV = Σ_{m=1}^{H} [E(Y(m·L) | x, t_x, T) − E(Y((m−1)·L) | x, t_x, T)]
///                     × E[Z | z̄, x] × margin / (1 + d)^m
///
/// where E(Y(t) | …) is the purchase model's conditional expectation (e.g. FHL 2005, eq. 10) of purchases in
/// the t periods after T, L is the length of a month in the model's time unit (e.g. 30.4375 for
/// days, 30.4375/7 for weeks), E[Z | z̄, x] is the Gamma-Gamma conditional expected spend, margin
/// is the share of revenue kept, and d is the monthly discount rate. Month m's cash flow is
/// discounted by its end-of-month factor (1 + d)^m.
public struct LifetimeValue: Sendable, Hashable {
    /// Horizon H in months.
    public var months: Int
    /// Monthly discount rate d (e.g. 0.01 for 1 % a month).
    public var monthlyDiscountRate: Double
    /// Share of revenue that is profit (1 for revenue-based CLV).
    public var margin: Double
    /// Length of one month in the purchase model's time unit.
    public var monthLength: Double

    /// Creates a CLV definition: horizon in months, monthly discount rate, margin, and the month's
    /// length in the purchase model's time unit.
    public init(months: Int, monthlyDiscountRate: Double, margin: Double = 1, monthLength: Double) {
        precondition(months >= 0, "months must not be negative")
        precondition(monthLength > 0, "monthLength must be positive")
        precondition(monthlyDiscountRate > -1, "discount rate must exceed −100 %")
        self.months = months
        self.monthlyDiscountRate = monthlyDiscountRate
        self.margin = margin
        self.monthLength = monthLength
    }

    /// Month length in days for an average Gregorian month (365.2425 / 12).
    public static let daysPerMonth = 30.436875
    /// Month length in weeks for an average Gregorian month (365.2425 / 12 / 7).
    public static let weeksPerMonth = 30.436875 / 7

    /// Σ_m ΔE_m / (1 + d)^m: discounted expected purchases over the horizon (the purchase part of
    /// the definition above; FHL 2005, eq. 10 differenced by month).
    public func discountedExpectedPurchases(
        model: some PurchaseModel, frequency x: Int, recency tx: Double, age: Double
    )
        -> Double
    {
        let alive = model.probabilityAlive(frequency: x, recency: tx, age: age)
        guard alive > 0 else { return 0 }
        return discountedPurchasesIfAlive(model: model, frequency: x, age: age) * alive
    }

    /// CLV of one customer by the definition above (FHL 2005 eq. 10 × Fader & Hardie 2013).
    public func value(
        model: some PurchaseModel, spendModel: GammaGamma, frequency x: Int, recency tx: Double, age: Double,
        averageSpend: Double
    ) -> Double {
        discountedExpectedPurchases(model: model, frequency: x, recency: tx, age: age)
            * spendModel.conditionalExpectedAverageSpend(frequency: x, averageSpend: averageSpend) * margin
    }

    /// CLV of every customer, in input order (definition above). Because eq. (10) factors into
    /// P(alive | x, t_x, T) times a term in (x, T) alone, the monthly series are summed once per
    /// distinct (x, T) pair, in parallel, then scaled per row and per customer.
    public func values(
        model: some PurchaseModel, spendModel: GammaGamma, histories: CustomerHistories, averageSpend: [Double]
    ) -> [Double] {
        precondition(averageSpend.count == histories.customerCount, "one average spend per customer expected")
        let definition = self
        let perPair = model.perPair(histories) { x, age in
            definition.discountedPurchasesIfAlive(model: model, frequency: x, age: age)
        }
        let perRow = model.rowValues(histories, perPair: perPair)
        var out = [Double](repeating: 0, count: histories.customerCount)
        for i in 0..<histories.customerCount {
            let row = Int(histories.rowOfCustomer[i])
            let spend = spendModel.conditionalExpectedAverageSpend(
                frequency: histories.rowFrequency[row], averageSpend: averageSpend[i])
            out[i] = perRow[row] * spend * margin
        }
        return out
    }

    /// Σ_m [E(m·L) − E((m−1)·L)] / (1 + d)^m for a customer alive at T.
    func discountedPurchasesIfAlive(model: some PurchaseModel, frequency x: Int, age: Double) -> Double {
        var total = 0.0
        var previous = 0.0
        var discount = 1.0
        let factor = 1 / (1 + monthlyDiscountRate)
        for m in stride(from: 1, through: months, by: 1) {
            let cumulative = model.expectationIfAlive(in: Double(m) * monthLength, x: x, age: age)
            discount *= factor
            total += (cumulative - previous) * discount
            previous = cumulative
        }
        return total
    }
}
