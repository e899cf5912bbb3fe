import Foundation

/// A model of repeat buying in which a customer's future depends on their history (x, t_x, T)
/// through P(alive) and, given alive, on x and T only: BG/NBD and Pareto/NBD. Forecasts,
/// lifetime value, validation and intervals are written once against it.
public protocol PurchaseModel: Sendable, Hashable, Codable {
    /// "BG/NBD" or "Pareto/NBD".
    static var modelName: String { get }
    /// The parameters' names, in the order of `parameters`.
    static var parameterNames: [String] { get }
    /// A model from its parameters in the order of `parameterNames`.
    init(parameters: [Double])
    var parameters: [Double] { get }
    /// Maximum-likelihood fit on the histories (the model's own `fit`).
    static func maximumLikelihood(_ histories: CustomerHistories) throws -> FitResult<Self>

    /// P(alive | x, t_x, T).
    func probabilityAlive(frequency x: Int, recency tx: Double, age t: Double) -> Double
    /// ln(P/(1 − P)) of P(alive) and its gradient in the four parameters; +∞ (with a zero
    /// gradient) where the model has the customer alive for certain.
    func aliveLogOdds(frequency x: Int, recency tx: Double, age t: Double) -> (value: Double, gradient: SIMD4<Double>)
    /// Expected purchases in (T, T + t] of a customer alive at T.
    func expectationIfAlive(in t: Double, x: Int, age: Double) -> Double
    /// Expected repeat purchases in (0, t] of a customer just acquired.
    func expectedPurchases(in t: Double) -> Double
    /// P(alive) of every unique row of the histories.
    func rowProbabilityAlive(_ histories: CustomerHistories) -> [Double]
}

extension PurchaseModel {
    /// E[Y(t) | x, t_x, T] = P(alive) × the expectation given alive.
    public func conditionalExpectedPurchases(in t: Double, frequency x: Int, recency tx: Double, age: Double)
        -> Double
    {
        guard t > 0 else { return 0 }
        let alive = probabilityAlive(frequency: x, recency: tx, age: age)
        guard alive > 0 else { return 0 }
        return expectationIfAlive(in: t, x: x, age: age) * alive
    }

    /// P(alive) of every unique row of the histories, in parallel for many rows.
    public func rowProbabilityAlive(_ histories: CustomerHistories) -> [Double] {
        var out = [Double](repeating: 0, count: histories.rowCount)
        let model = self
        Parallel.fill(&out) { i in
            model.probabilityAlive(
                frequency: histories.rowFrequency[i], recency: histories.rowRecency[i], age: histories.rowAge[i])
        }
        return out
    }

    /// A value per distinct (x, T) pair of the histories, in parallel.
    func perPair(_ histories: CustomerHistories, _ body: @Sendable (Int, Double) -> Double) -> [Double] {
        var out = [Double](repeating: 0, count: histories.pairFrequency.count)
        Parallel.fill(&out) { i in body(histories.pairFrequency[i], histories.pairAge[i]) }
        return out
    }

    /// P(alive) of every unique row times a value per distinct (x, T) pair.
    func rowValues(_ histories: CustomerHistories, perPair: [Double]) -> [Double] {
        var rows = rowProbabilityAlive(histories)
        for i in 0..<rows.count { rows[i] *= perPair[Int(histories.rowPairIndex[i])] }
        return rows
    }

    /// E[Y(t) | x, t_x, T] for every customer, in input order; the expectation given alive is
    /// evaluated once per distinct (x, T) pair and P(alive) once per unique row.
    public func conditionalExpectedPurchases(in t: Double, _ histories: CustomerHistories) -> [Double] {
        let model = self
        let pairs = perPair(histories) { x, age in model.expectationIfAlive(in: t, x: x, age: age) }
        return histories.expand(rowValues(histories, perPair: pairs))
    }

    /// P(alive) for every customer, in input order.
    public func probabilityAlive(_ histories: CustomerHistories) -> [Double] {
        histories.expand(rowProbabilityAlive(histories))
    }
}

extension BGNBD: PurchaseModel {
    public static let modelName = "BG/NBD"
    public static let parameterNames = ["r", "alpha", "a", "b"]

    public init(parameters p: [Double]) {
        self.init(r: p[0], alpha: p[1], a: p[2], b: p[3])
    }

    public static func maximumLikelihood(_ histories: CustomerHistories) throws -> FitResult<BGNBD> {
        try fit(histories)
    }

    /// −[ln(a/(b+x−1)) + (r+x) ln((α+T)/(α+t_x))] (Fader, Hardie & Lee 2008), differentiated.
    public func aliveLogOdds(frequency x: Int, recency tx: Double, age t: Double)
        -> (value: Double, gradient: SIMD4<Double>)
    {
        guard x > 0 else { return (.infinity, .zero) }
        let xd = Double(x)
        let logRatio = log1p((t - tx) / (alpha + tx))
        let value = -(log(a) - log(b + xd - 1) + (r + xd) * logRatio)
        let gradient = SIMD4(-logRatio, -(r + xd) * (1 / (alpha + t) - 1 / (alpha + tx)), -1 / a, 1 / (b + xd - 1))
        return (value, gradient)
    }
}

extension ParetoNBD: PurchaseModel {
    public static let modelName = "Pareto/NBD"
    public static let parameterNames = ["r", "alpha", "s", "beta"]

    public init(parameters p: [Double]) {
        self.init(r: p[0], alpha: p[1], s: p[2], beta: p[3])
    }

    public static func maximumLikelihood(_ histories: CustomerHistories) throws -> FitResult<ParetoNBD> {
        try fit(histories)
    }

    public func aliveLogOdds(frequency x: Int, recency tx: Double, age t: Double)
        -> (value: Double, gradient: SIMD4<Double>)
    {
        ParetoNBDTerms.aliveLogOdds(x: Double(x), tx: tx, t: t, r: r, alpha: alpha, s: s, beta: beta)
    }
}
