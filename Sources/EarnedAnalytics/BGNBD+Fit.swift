import Foundation

extension BGNBD {
    /// Maximum-likelihood fit of (r, α, a, b) — Fader, Hardie & Lee (2005), eq. (6) summed over
    /// customers — by BFGS on the log-parameters with the analytic gradient, starting from the
    /// best of several starting points and trying the others if it does not converge. Standard
    /// errors come from the numerical Hessian of the negative log-likelihood in natural parameters.
    public static func fit(_ histories: CustomerHistories, starts: [BGNBD] = []) throws -> FitResult<BGNBD> {
        guard histories.customerCount > 0 else { throw AnalyticsError.insufficientData("no customers") }
        guard histories.rowFrequency.contains(where: { $0 > 0 }) else {
            throw AnalyticsError.insufficientData("no repeat purchases: the dropout process is not identified")
        }
        let likelihood = BGNBDLikelihood(histories)
        var meanAge = 0.0
        var meanFrequency = 0.0
        for i in 0..<histories.rowCount {
            meanAge += histories.rowWeight[i] * histories.rowAge[i]
            meanFrequency += histories.rowWeight[i] * Double(histories.rowFrequency[i])
        }
        meanAge /= likelihood.totalWeight
        meanFrequency /= likelihood.totalWeight
        let scale = max(meanAge / (meanFrequency + 1), 1e-3)
        let defaultStarts = [
            BGNBD(r: 1, alpha: scale, a: 1, b: 1),
            BGNBD(r: 0.3, alpha: scale, a: 0.8, b: 2.5),
            BGNBD(r: 2, alpha: 4 * scale, a: 0.3, b: 3),
        ]
        let objective = { (theta: [Double]) -> (value: Double, gradient: [Double]) in
            let p = theta.map { exp($0) }
            let (ll, g) = likelihood.evaluate(BGNBD(r: p[0], alpha: p[1], a: p[2], b: p[3]), gradient: true)
            guard ll.isFinite else { return (.infinity, [0, 0, 0, 0]) }
            return (-ll, (0..<4).map { -g[$0] * p[$0] })
        }
        let chosen = starts.isEmpty ? defaultStarts : starts
        let best = Optimization.minimize(starts: chosen.map { $0.parameters.map { log($0) } }, objective: objective)
        guard let best else { throw AnalyticsError.fitFailed("no start gave a finite likelihood") }
        let p = best.point.map { exp($0) }
        let model = BGNBD(r: p[0], alpha: p[1], a: p[2], b: p[3])
        let hessian = Optimization.hessian(at: p) { q in
            likelihood.evaluate(BGNBD(r: q[0], alpha: q[1], a: q[2], b: q[3]), gradient: true).gradient.map { -$0 }
        }
        return FitResult(
            model: model, logLikelihood: -best.value, names: ["r", "alpha", "a", "b"], estimates: p,
            hessian: hessian, sampleSize: likelihood.totalWeight, iterations: best.iterations,
            converged: best.converged)
    }

    /// Fits the model to per-customer arrays (x, t_x, T); see `fit(_:starts:)`
    /// (Fader, Hardie & Lee 2005).
    public static func fit(frequency: [Int], recency: [Double], age: [Double]) throws -> FitResult<BGNBD> {
        try fit(CustomerHistories(frequency: frequency, recency: recency, age: age))
    }
}
