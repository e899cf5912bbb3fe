import Foundation

/// How much the service customers received changes how often they buy and how fast they leave:
/// the Pareto/NBD with time-invariant covariates of Fader & Hardie (2007) fitted on every
/// customer, each covariate's effect as a rate ratio with its 95 % Wald interval, and the
/// likelihood-ratio test against the model without covariates (`CovariateTest`).
public struct ServiceEffects: Sendable, Hashable, Codable {
    /// One covariate's effects.
    public struct Effect: Sendable, Hashable, Codable {
        /// The covariate's name, e.g. "broken_promises" (a share of the customer's promises).
        public var name: String
        /// Customers with a value above zero.
        public var exposed: Int
        /// The purchase rate's multiplier per unit of the covariate, with its 95 % interval.
        public var purchaseRatio: IntervalEstimate
        /// The dropout rate's multiplier per unit ("leave x times as fast"), with its 95 % interval.
        public var dropoutRatio: IntervalEstimate
        /// The coefficients γ and their standard errors, on the log scale.
        public var purchaseCoefficient: Double
        public var purchaseStandardError: Double
        public var dropoutCoefficient: Double
        public var dropoutStandardError: Double
    }

    public var customers: Int
    /// The model at zero covariates: r, alpha, s, beta.
    public var base: [String: Double]
    public var effects: [Effect]
    public var logLikelihood: Double
    public var restrictedLogLikelihood: Double
    /// 2 (ln L₁ − ln L₀), its degrees of freedom and P(χ² ≥ it).
    public var statistic: Double
    public var degreesOfFreedom: Int
    public var pValue: Double
    /// Whether the fit met its gradient tolerance.
    public var converged: Bool

    /// Fits with and without the covariates of `histories` and keeps the effects.
    public init(_ histories: CovariateHistories) throws {
        let test = try CovariateTest(histories)
        let fit = test.full
        let k = histories.names.count
        let z = 1.959963984540054
        func ratio(_ coefficient: Double, _ se: Double) -> IntervalEstimate {
            IntervalEstimate(
                estimate: exp(coefficient), lower: se.isFinite ? exp(coefficient - z * se) : .nan,
                upper: se.isFinite ? exp(coefficient + z * se) : .nan)
        }
        var exposed = [Int](repeating: 0, count: k)
        for i in 0..<histories.rowCount {
            for j in 0..<k where histories.covariate(j, ofRow: i) > 0 { exposed[j] += Int(histories.rowWeight[i]) }
        }
        effects = (0..<k).map { j in
            let (g1, s1) = (fit.estimates[4 + j], fit.standardErrors[4 + j])
            let (g2, s2) = (fit.estimates[4 + k + j], fit.standardErrors[4 + k + j])
            return Effect(
                name: histories.names[j], exposed: exposed[j], purchaseRatio: ratio(g1, s1),
                dropoutRatio: ratio(g2, s2),
                purchaseCoefficient: g1, purchaseStandardError: s1, dropoutCoefficient: g2, dropoutStandardError: s2)
        }
        customers = histories.customerCount
        base = Dictionary(uniqueKeysWithValues: zip(["r", "alpha", "s", "beta"], fit.estimates.prefix(4)))
        logLikelihood = fit.logLikelihood
        restrictedLogLikelihood = test.restricted.logLikelihood
        statistic = test.statistic
        degreesOfFreedom = test.degreesOfFreedom
        pValue = test.pValue
        converged = fit.converged
    }

    /// The effect named `name`.
    public func effect(_ name: String) -> Effect? { effects.first { $0.name == name } }
}
