import Foundation

/// The likelihood-ratio test of a Pareto/NBD with covariates (Fader & Hardie 2007) against the
/// same model without the covariates tested (the others, controls, stay in both): 2 (ln L₁ − ln L₀)
/// is χ² with 2k degrees of freedom for k tested covariates, under the null hypothesis that none
/// of them changes buying or dropping out (Wilks 1938).
public struct CovariateTest: Sendable {
    /// The model with every covariate.
    public let full: FitResult<ParetoNBDRegression>
    /// The model with the controls only, on the same customers.
    public let restricted: FitResult<ParetoNBDRegression>
    /// The covariates tested.
    public let tested: [String]
    /// 2 (ln L₁ − ln L₀), never below 0.
    public let statistic: Double
    /// 2k: one purchase and one dropout effect per covariate tested.
    public let degreesOfFreedom: Int
    /// P(χ²_{2k} ≥ statistic).
    public let pValue: Double

    /// Fits both models, the restricted one first so the full fit starts from it; `tested` are
    /// names of `histories`' covariates (nil: all of them).
    public init(_ histories: CovariateHistories, tested: [String]? = nil) throws {
        let names = histories.names
        let tested = tested ?? names
        let controls = names.filter { !tested.contains($0) }
        let restrictedFit = try ParetoNBDRegression.fit(try CovariateHistories(histories, keeping: controls))
        // The full model starts at the restricted estimates, the tested effects at zero.
        let r = restrictedFit.model
        var purchase = [Double](repeating: 0, count: names.count)
        var dropout = [Double](repeating: 0, count: names.count)
        for (j, name) in controls.enumerated() {
            let k = names.firstIndex(of: name)!
            purchase[k] = r.purchaseEffects[j]
            dropout[k] = r.dropoutEffects[j]
        }
        let start = ParetoNBDRegression(
            base: r.base, names: names, purchaseEffects: purchase, dropoutEffects: dropout)
        full = try ParetoNBDRegression.fit(histories, start: start)
        restricted = restrictedFit
        self.tested = tested
        statistic = max(0, 2 * (full.logLikelihood - restrictedFit.logLikelihood))
        degreesOfFreedom = 2 * tested.count
        pValue = SpecialFunctions.chiSquareSurvival(statistic, degreesOfFreedom: Double(degreesOfFreedom))
    }
}
