import Foundation

/// A maximum-likelihood fit: the fitted model, its log-likelihood, and asymptotic standard errors
/// from the inverse of the observed information (the numerical Hessian of the negative
/// log-likelihood at the optimum), as in Fader, Hardie & Lee (2005) and Fader & Hardie (2013).
public struct FitResult<Model: Sendable>: Sendable {
    /// The fitted model.
    public var model: Model
    /// Total log-likelihood at the estimates, all constant terms included.
    public var logLikelihood: Double
    /// Parameter names, in the order of `estimates` and `standardErrors`.
    public var parameterNames: [String]
    /// Point estimates in their natural (positive) scale.
    public var estimates: [Double]
    /// Asymptotic standard errors √diag(I⁻¹); NaN when the Hessian was not invertible.
    public var standardErrors: [Double]
    /// Asymptotic covariance matrix I⁻¹ (empty when the Hessian was not invertible).
    public var covariance: [[Double]]
    /// Number of customers (summed weights) the fit used.
    public var sampleSize: Double
    /// Optimiser iterations of the best start.
    public var iterations: Int
    /// Whether the optimiser met its gradient tolerance.
    public var converged: Bool

    /// Standard error of the named parameter (e.g. "r", "alpha"), nil for an unknown name.
    public func standardError(of name: String) -> Double? {
        parameterNames.firstIndex(of: name).map { standardErrors[$0] }
    }

    /// Wald interval estimate ± z·SE for the named parameter (z = 1.959964 for 95 %).
    public func waldInterval(of name: String, z: Double = 1.959963984540054) -> ClosedRange<Double>? {
        guard let i = parameterNames.firstIndex(of: name), standardErrors[i].isFinite else { return nil }
        return (estimates[i] - z * standardErrors[i])...(estimates[i] + z * standardErrors[i])
    }
}

extension FitResult {
    /// Builds the standard errors from the Hessian of the negative log-likelihood in natural
    /// parameters.
    init(
        model: Model, logLikelihood: Double, names: [String], estimates: [Double],
        hessian: [[Double]], sampleSize: Double, iterations: Int, converged: Bool
    ) {
        self.model = model
        self.logLikelihood = logLikelihood
        self.parameterNames = names
        self.estimates = estimates
        self.sampleSize = sampleSize
        self.iterations = iterations
        self.converged = converged
        if let inv = Optimization.inverse(hessian) {
            covariance = inv
            standardErrors = (0..<names.count).map { i in inv[i][i] > 0 ? inv[i][i].squareRoot() : .nan }
        } else {
            covariance = []
            standardErrors = [Double](repeating: .nan, count: names.count)
        }
    }
}
