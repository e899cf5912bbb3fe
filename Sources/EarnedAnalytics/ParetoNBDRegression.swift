import Foundation

/// The Pareto/NBD with time-invariant covariates of Fader & Hardie (2007), "Incorporating
/// time-invariant covariates into the Pareto/NBD and BG/NBD models": customer i's gamma scales
/// are α_i = α₀ exp(−γ₁·c_i) and β_i = β₀ exp(−γ₂·c_i), so a covariate multiplies the mean
/// purchase rate r/α_i by exp(γ₁ⱼ) and the mean dropout rate s/β_i by exp(γ₂ⱼ) per unit.
/// With every effect zero it is the plain Pareto/NBD, with the same likelihood.
public struct ParetoNBDRegression: Sendable, Hashable, Codable {
    /// The model of a customer whose covariates are all zero.
    public var base: ParetoNBD
    /// The covariates' names.
    public var names: [String]
    /// γ₁: effects on the purchase rate (log multipliers per unit of each covariate).
    public var purchaseEffects: [Double]
    /// γ₂: effects on the dropout rate (log multipliers per unit of each covariate).
    public var dropoutEffects: [Double]

    /// Creates a model; the effects have one value per name.
    public init(base: ParetoNBD, names: [String], purchaseEffects: [Double], dropoutEffects: [Double]) {
        precondition(purchaseEffects.count == names.count && dropoutEffects.count == names.count, "one effect per name")
        self.base = base
        self.names = names
        self.purchaseEffects = purchaseEffects
        self.dropoutEffects = dropoutEffects
    }

    /// The Pareto/NBD of a customer with covariates `c` (one value per name).
    public func model(for c: some Collection<Double>) -> ParetoNBD {
        var linear1 = 0.0
        var linear2 = 0.0
        for (j, value) in c.enumerated() {
            linear1 += purchaseEffects[j] * value
            linear2 += dropoutEffects[j] * value
        }
        return ParetoNBD(r: base.r, alpha: base.alpha * exp(-linear1), s: base.s, beta: base.beta * exp(-linear2))
    }

    /// The parameter vector (r, α₀, s, β₀, γ₁…, γ₂…).
    public var parameters: [Double] { base.parameters + purchaseEffects + dropoutEffects }

    /// The parameters' names, in the order of `parameters`: r, alpha, s, beta, then
    /// "purchase:<name>" and "dropout:<name>" for each covariate.
    public static func parameterNames(_ names: [String]) -> [String] {
        ["r", "alpha", "s", "beta"] + names.map { "purchase:\($0)" } + names.map { "dropout:\($0)" }
    }

    /// A model from the parameter vector (r, α₀, s, β₀, γ₁…, γ₂…) of `parameters`.
    public init(parameters p: [Double], names: [String]) {
        precondition(p.count == 4 + 2 * names.count, "4 + 2k parameters")
        let k = names.count
        self.init(
            base: ParetoNBD(r: p[0], alpha: p[1], s: p[2], beta: p[3]), names: names,
            purchaseEffects: Array(p[4..<(4 + k)]), dropoutEffects: Array(p[(4 + k)..<(4 + 2 * k)]))
    }

    /// ∂ ln L/∂ of each parameter of `parameters` (natural scale) at `p`, summed over the histories.
    public static func gradient(_ histories: CovariateHistories, at p: [Double]) -> [Double] {
        ParetoNBDLikelihood(histories).evaluate(p, gradient: true).gradient
    }

    /// Total log-likelihood over the histories (whose covariates must match `names`).
    public func logLikelihood(_ histories: CovariateHistories) -> Double {
        ParetoNBDLikelihood(histories).evaluate(parameters, gradient: false).logLikelihood
    }
}

/// The Pareto/NBD (with covariates) sample log-likelihood and its analytic gradient in the
/// natural parameters (r, α₀, s, β₀, γ₁…, γ₂…), summed over compressed rows in parallel.
struct ParetoNBDLikelihood: Sendable {
    let histories: CovariateHistories

    init(_ histories: CovariateHistories) {
        self.histories = histories
    }

    var parameterCount: Int { 4 + 2 * histories.names.count }

    func evaluate(_ p: [Double], gradient wantGradient: Bool) -> (logLikelihood: Double, gradient: [Double]) {
        let n = parameterCount
        let invalid = (logLikelihood: -Double.infinity, gradient: [Double](repeating: .nan, count: n))
        guard p.count == n, p.allSatisfy(\.isFinite), p[0] > 0, p[1] > 0, p[2] > 0, p[3] > 0 else { return invalid }
        let h = histories
        let k = h.names.count
        let partials = Parallel.mapChunks(count: h.rowCount) { range -> (Double, [Double]) in
            var total = 0.0
            var g = [Double](repeating: 0, count: n)
            for i in range {
                var linear1 = 0.0
                var linear2 = 0.0
                for j in 0..<k {
                    let c = h.rowCovariates[i * k + j]
                    linear1 += p[4 + j] * c
                    linear2 += p[4 + k + j] * c
                }
                let alpha = p[1] * exp(-linear1)
                let beta = p[3] * exp(-linear2)
                let v = ParetoNBDTerms.evaluate(
                    x: Double(h.rowFrequency[i]), tx: h.rowRecency[i], t: h.rowAge[i], r: p[0], alpha: alpha, s: p[2],
                    beta: beta, gradient: wantGradient)
                let weight = h.rowWeight[i]
                total += weight * v.logLikelihood
                guard wantGradient else { continue }
                g[0] += weight * v.gradient.r
                g[1] += weight * v.gradient.alpha * alpha / p[1]
                g[2] += weight * v.gradient.s
                g[3] += weight * v.gradient.beta * beta / p[3]
                // ∂α_i/∂γ₁ⱼ = −c_j α_i, ∂β_i/∂γ₂ⱼ = −c_j β_i.
                for j in 0..<k {
                    let c = h.rowCovariates[i * k + j]
                    g[4 + j] -= weight * v.gradient.alpha * alpha * c
                    g[4 + k + j] -= weight * v.gradient.beta * beta * c
                }
            }
            return (total, g)
        }
        var total = 0.0
        var g = [Double](repeating: 0, count: n)
        for (t, partial) in partials {
            total += t
            for j in 0..<n { g[j] += partial[j] }
        }
        guard total.isFinite else { return invalid }
        return (total, wantGradient ? g : [])
    }
}

extension ParetoNBDRegression {
    /// Maximum-likelihood fit (Fader & Hardie 2007) by BFGS on (ln r, ln α₀, ln s, ln β₀, γ₁, γ₂)
    /// with the analytic gradient; without `start`, the plain Pareto/NBD is fitted first and the
    /// effects start at zero. Standard errors come from the numerical Hessian of the analytic
    /// gradient in the natural parameters.
    public static func fit(_ histories: CovariateHistories, start: ParetoNBDRegression? = nil) throws
        -> FitResult<ParetoNBDRegression>
    {
        guard histories.customerCount > 0 else { throw AnalyticsError.insufficientData("no customers") }
        guard histories.rowFrequency.contains(where: { $0 > 0 }) else {
            throw AnalyticsError.insufficientData("no repeat purchases: the purchase process is not identified")
        }
        let names = histories.names
        let k = names.count
        let likelihood = ParetoNBDLikelihood(histories)
        var starts: [[Double]]
        if let start {
            starts = [start.parameters]
        } else if k > 0 {
            let plain = try fit(CovariateHistories(dropping: histories))
            starts = [plain.model.parameters + [Double](repeating: 0, count: 2 * k)]
        } else {
            var meanAge = 0.0
            var meanFrequency = 0.0
            var total = 0.0
            for i in 0..<histories.rowCount {
                meanAge += histories.rowWeight[i] * histories.rowAge[i]
                meanFrequency += histories.rowWeight[i] * Double(histories.rowFrequency[i])
                total += histories.rowWeight[i]
            }
            let scale = max(meanAge / total / (meanFrequency / total + 1), 1e-3)
            starts = [
                [1, scale, 1, 4 * scale], [0.5, scale, 0.5, scale], [2, 4 * scale, 0.3, 20 * scale],
            ]
        }
        // Optimise over log-parameters for the four positive ones.
        let toTheta = { (p: [Double]) -> [Double] in (0..<p.count).map { $0 < 4 ? log(p[$0]) : p[$0] } }
        let fromTheta = { (t: [Double]) -> [Double] in (0..<t.count).map { $0 < 4 ? exp(t[$0]) : t[$0] } }
        let objective = { (theta: [Double]) -> (value: Double, gradient: [Double]) in
            let p = fromTheta(theta)
            let (ll, g) = likelihood.evaluate(p, gradient: true)
            guard ll.isFinite, g.allSatisfy(\.isFinite) else {
                return (.infinity, [Double](repeating: 0, count: theta.count))
            }
            return (-ll, (0..<p.count).map { -g[$0] * ($0 < 4 ? p[$0] : 1) })
        }
        guard let best = Optimization.minimize(starts: starts.map(toTheta), objective: objective) else {
            throw AnalyticsError.fitFailed("no start gave a finite likelihood")
        }
        let p = fromTheta(best.point)
        let hessian = Optimization.hessian(at: p, scaleFloor: 1) { q in
            likelihood.evaluate(q, gradient: true).gradient.map { -$0 }
        }
        return FitResult(
            model: ParetoNBDRegression(parameters: p, names: names), logLikelihood: -best.value,
            names: parameterNames(names), estimates: p, hessian: hessian,
            sampleSize: histories.rowWeight.reduce(0, +), iterations: best.iterations, converged: best.converged)
    }
}

extension ParetoNBD {
    /// Maximum-likelihood fit of (r, α, s, β) (Schmittlein, Morrison & Colombo 1987; FHL 2005
    /// note, eq. 19): the covariate model with no covariates.
    public static func fit(_ histories: CustomerHistories) throws -> FitResult<ParetoNBD> {
        let fit = try ParetoNBDRegression.fit(CovariateHistories(histories))
        return FitResult(
            model: fit.model.base, logLikelihood: fit.logLikelihood, parameterNames: fit.parameterNames,
            estimates: fit.estimates, standardErrors: fit.standardErrors, covariance: fit.covariance,
            sampleSize: fit.sampleSize, iterations: fit.iterations, converged: fit.converged)
    }
}

extension CovariateHistories {
    /// The same customers without covariates, rows merged again.
    init(dropping histories: CovariateHistories) throws {
        var x = [Int](repeating: 0, count: histories.customerCount)
        var tx = [Double](repeating: 0, count: histories.customerCount)
        var t = [Double](repeating: 0, count: histories.customerCount)
        for (i, row) in histories.rowOfCustomer.enumerated() {
            x[i] = histories.rowFrequency[Int(row)]
            tx[i] = histories.rowRecency[Int(row)]
            t[i] = histories.rowAge[Int(row)]
        }
        self.init(try CustomerHistories(frequency: x, recency: tx, age: t))
    }

    /// The same customers with only the covariates named in `keeping` (in this order), rows
    /// merged again; without any, the rows of `init(dropping:)`.
    init(_ histories: CovariateHistories, keeping: [String]) throws {
        guard !keeping.isEmpty else {
            try self.init(dropping: histories)
            return
        }
        let columns = keeping.map { histories.names.firstIndex(of: $0)! }
        var x = [Int](repeating: 0, count: histories.customerCount)
        var tx = [Double](repeating: 0, count: histories.customerCount)
        var t = [Double](repeating: 0, count: histories.customerCount)
        var c = [[Double]](repeating: [], count: histories.customerCount)
        for (i, row) in histories.rowOfCustomer.enumerated() {
            let r = Int(row)
            x[i] = histories.rowFrequency[r]
            tx[i] = histories.rowRecency[r]
            t[i] = histories.rowAge[r]
            c[i] = columns.map { histories.covariate($0, ofRow: r) }
        }
        try self.init(frequency: x, recency: tx, age: t, covariates: c, names: keeping)
    }
}
