import Foundation

/// How much the service customers received changes how often they buy and how fast they leave:
/// the Pareto/NBD with time-invariant covariates of Fader & Hardie (2007) fitted on every
/// customer, each tested covariate's effect as a rate ratio with its 95 % Wald interval, and the
/// likelihood-ratio test against the model with the controls only (`CovariateTest`). Controls
/// (e.g. whether a customer had any promise at all) stay in both models, so that a tested share
/// compares customers who had such records with each other, not with those who had none.
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

        public init(
            name: String, exposed: Int, purchaseRatio: IntervalEstimate, dropoutRatio: IntervalEstimate,
            purchaseCoefficient: Double, purchaseStandardError: Double, dropoutCoefficient: Double,
            dropoutStandardError: Double
        ) {
            self.name = name
            self.exposed = exposed
            self.purchaseRatio = purchaseRatio
            self.dropoutRatio = dropoutRatio
            self.purchaseCoefficient = purchaseCoefficient
            self.purchaseStandardError = purchaseStandardError
            self.dropoutCoefficient = dropoutCoefficient
            self.dropoutStandardError = dropoutStandardError
        }
    }

    public var customers: Int
    /// Every covariate of the fit, tested ones and controls, in the fit's order.
    public var names: [String]
    /// The controls: in both models, their effects not shown.
    public var controls: [String]
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
    /// The fitted parameters (r, α₀, s, β₀, γ₁…, γ₂…) and their covariance.
    public var parameters: [Double]
    public var covariance: [[Double]]
    /// What one more failure costs in purchases, per covariate, when estimated
    /// (`estimatePerFailure`).
    public var perFailure: [PerFailure] = []

    /// Expected purchases over a horizon after the service moment that a failure there changes,
    /// on average over the customers whose moment was of its kind (negative: purchases lost), with
    /// its standard error.
    public struct PerFailure: Sendable, Hashable, Codable {
        public var name: String
        public var purchases: Double
        public var standardError: Double
        public var customers: Int
        public var horizonDays: Int
    }

    /// Fits with and without the tested covariates of `histories` (nil: all) and keeps their effects.
    public init(_ histories: CovariateHistories, tested: [String]? = nil) throws {
        let test = try CovariateTest(histories, tested: tested)
        let fit = test.full
        let k = histories.names.count
        names = histories.names
        controls = histories.names.filter { !test.tested.contains($0) }
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
        effects = (0..<k).filter { test.tested.contains(histories.names[$0]) }.map { j in
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
        parameters = fit.estimates
        covariance = fit.covariance
    }

    /// Estimates `perFailure` for each tested covariate j, a failure at the customer's service
    /// moment (the covariates are fixed there and the histories start there): over the rows where
    /// it could have been 1 (`applies[c][j]`; at most `limit` of them, an even stride), the mean
    /// difference between the purchases expected in the `horizonDays` after the moment with it set
    /// to 1 and with it set to 0, the other covariates as they are (Pareto/NBD E[X(t)] of a customer
    /// alive at the moment) — what one failure costs, as the matching estimate measures it and the
    /// forecaster uses it; with the delta-method standard error from the fit's covariance.
    public mutating func estimatePerFailure(
        covariates: [[Double]], applies: [[Bool]], horizonDays: Int, weeks: Bool = true, limit: Int = 4_000
    ) {
        let names = self.names
        let horizon = Double(horizonDays) / (weeks ? 7 : 1)
        let p = parameters
        perFailure = effects.compactMap { effect -> PerFailure? in
            let j = names.firstIndex(of: effect.name)!
            let exposed = applies.indices.filter { applies[$0][j] }
            guard !exposed.isEmpty else { return nil }
            let stride = max(1, exposed.count / limit)
            let sample = Swift.stride(from: 0, to: exposed.count, by: stride).map { exposed[$0] }
            func mean(_ q: [Double]) -> Double {
                let model = ParetoNBDRegression(parameters: q, names: names)
                var total = 0.0
                for c in sample {
                    var failed = covariates[c]
                    var kept = covariates[c]
                    failed[j] = 1
                    kept[j] = 0
                    total +=
                        model.model(for: failed).expectedPurchases(in: horizon)
                        - model.model(for: kept).expectedPurchases(in: horizon)
                }
                return total / Double(sample.count)
            }
            let value = mean(p)
            var standardError = Double.nan
            if covariance.count == p.count {
                let gradient = p.indices.map { k -> Double in
                    let h = 1e-4 * max(abs(p[k]), k < 4 ? 1e-8 : 1)
                    var up = p
                    var down = p
                    up[k] += h
                    down[k] -= h
                    return (mean(up) - mean(down)) / (2 * h)
                }
                var variance = 0.0
                for a in p.indices {
                    for b in p.indices { variance += gradient[a] * covariance[a][b] * gradient[b] }
                }
                standardError = max(0, variance).squareRoot()
            }
            return PerFailure(
                name: names[j], purchases: value, standardError: standardError, customers: exposed.count,
                horizonDays: horizonDays)
        }
    }

    /// The effect named `name`.
    public func effect(_ name: String) -> Effect? { effects.first { $0.name == name } }
}
