import Foundation

/// The likelihood-ratio test of a Pareto/NBD with covariates (Fader & Hardie 2007) against the
/// same model without them: 2 (ln L₁ − ln L₀) is χ² with 2k degrees of freedom under the null
/// hypothesis that no covariate changes buying or dropping out (Wilks 1938).
public struct CovariateTest: Sendable {
    /// The model with covariates.
    public let full: FitResult<ParetoNBDRegression>
    /// The model without them, on the same customers.
    public let restricted: FitResult<ParetoNBD>
    /// 2 (ln L₁ − ln L₀), never below 0.
    public let statistic: Double
    /// 2k: one purchase and one dropout effect per covariate.
    public let degreesOfFreedom: Int
    /// P(χ²_{2k} ≥ statistic).
    public let pValue: Double

    /// Fits both models; the restricted one first, so the full fit starts from it.
    public init(_ histories: CovariateHistories) throws {
        let plain = try CovariateHistories(dropping: histories)
        let restrictedFit = try ParetoNBDRegression.fit(plain)
        let k = histories.names.count
        let start = ParetoNBDRegression(
            base: restrictedFit.model.base, names: histories.names,
            purchaseEffects: [Double](repeating: 0, count: k), dropoutEffects: [Double](repeating: 0, count: k))
        full = try ParetoNBDRegression.fit(histories, start: start)
        restricted = FitResult(
            model: restrictedFit.model.base, logLikelihood: restrictedFit.logLikelihood,
            parameterNames: restrictedFit.parameterNames, estimates: restrictedFit.estimates,
            standardErrors: restrictedFit.standardErrors, covariance: restrictedFit.covariance,
            sampleSize: restrictedFit.sampleSize, iterations: restrictedFit.iterations,
            converged: restrictedFit.converged)
        statistic = max(0, 2 * (full.logLikelihood - restrictedFit.logLikelihood))
        degreesOfFreedom = 2 * k
        pValue = SpecialFunctions.chiSquareSurvival(statistic, degreesOfFreedom: Double(degreesOfFreedom))
    }
}
