import Foundation

/// A slot compared with the rest of its dimension: the difference of means (slot minus rest), its
/// confidence interval, and a two-sided test of "no difference".
public struct SlotComparison: Hashable, Codable, Sendable {
    /// How the interval and the test were computed.
    public enum Method: String, Hashable, Codable, Sendable {
        /// Proportions: Newcombe's hybrid score interval and the pooled two-proportion z-test.
        case proportions
        /// Means: Welch's interval and test with Satterthwaite's degrees of freedom.
        case welch
    }

    /// How the interval and the test were computed.
    public var method: Method
    /// Slot mean minus rest mean, with its confidence interval.
    public var difference: IntervalEstimate
    /// The test statistic: z for proportions, Welch's t for means.
    public var statistic: Double
    /// Welch–Satterthwaite degrees of freedom; nil for the z-test.
    public var degreesOfFreedom: Double?
    /// Two-sided p-value of the test of equal means.
    public var pValue: Double

    /// A comparison from its parts.
    public init(
        method: Method, difference: IntervalEstimate, statistic: Double, degreesOfFreedom: Double?, pValue: Double
    ) {
        self.method = method
        self.difference = difference
        self.statistic = statistic
        self.degreesOfFreedom = degreesOfFreedom
        self.pValue = pValue
    }
}

extension SlotComparison {
    /// Two proportions p₁ = x₁/n₁ (the slot) and p₂ = x₂/n₂ (the rest); nil when either has no
    /// trials or the confidence is outside (0, 1).
    ///
    /// Interval for p₁ − p₂: Newcombe's hybrid score interval (method 10 of Newcombe 1998,
    /// "Interval estimation for the difference between independent proportions: comparison of
    /// eleven methods", *Statistics in Medicine* 17, 873–890), from the Wilson limits (lᵢ, uᵢ):
    /// (d − √((p₁ − l₁)² + (u₂ − p₂)²), d + √((u₁ − p₁)² + (p₂ − l₂)²)).
    /// Test: the two-proportion z-test with pooled variance,
    /// z = (p₁ − p₂) / √(p̄(1 − p̄)(1/n₁ + 1/n₂)), p̄ = (x₁ + x₂)/(n₁ + n₂) — the square root of
    /// Pearson's χ² for the 2 × 2 table without continuity correction (Agresti, *Categorical Data
    /// Analysis*, 3rd ed., 2013, §3.2); p-value 2(1 − Φ(|z|)).
    public static func proportions(
        successes x1: Int, trials n1: Int, versus x2: Int, trials n2: Int, confidence: Double
    ) -> SlotComparison? {
        guard let w1 = WilsonInterval(successes: x1, trials: n1, confidence: confidence),
            let w2 = WilsonInterval(successes: x2, trials: n2, confidence: confidence)
        else { return nil }
        let p1 = w1.estimate
        let p2 = w2.estimate
        let d = p1 - p2
        let lowerSpread = ((p1 - w1.lower) * (p1 - w1.lower) + (w2.upper - p2) * (w2.upper - p2)).squareRoot()
        let upperSpread = ((w1.upper - p1) * (w1.upper - p1) + (p2 - w2.lower) * (p2 - w2.lower)).squareRoot()
        let pooled = Double(x1 + x2) / Double(n1 + n2)
        let standardError = (pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
        // Both groups all-success or all-failure: identical, nothing to test.
        let z = standardError > 0 ? d / standardError : 0
        let pValue = min(1, 2 * SpecialFunctions.normalCDF(-abs(z)))
        return SlotComparison(
            method: .proportions,
            difference: IntervalEstimate(estimate: d, lower: d - lowerSpread, upper: d + upperSpread),
            statistic: z, degreesOfFreedom: nil, pValue: pValue)
    }

    /// Two means from samples `a` (the slot) and `b` (the rest); nil when either has fewer than two
    /// observations or the confidence is outside (0, 1).
    ///
    /// Welch (1947), "The generalization of 'Student's' problem when several different population
    /// variances are involved", *Biometrika* 34, 28–35: t = (x̄₁ − x̄₂)/√(s₁²/n₁ + s₂²/n₂) with
    /// Satterthwaite's (1946) degrees of freedom
    /// ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)); interval
    /// d ± t_{ν, (1+c)/2} · SE and p-value from t(ν) itself (no normal approximation).
    public static func means(_ a: SlotSample, versus b: SlotSample, confidence: Double) -> SlotComparison? {
        guard a.count >= 2, b.count >= 2, confidence > 0, confidence < 1 else { return nil }
        let d = a.mean - b.mean
        let va = a.variance / Double(a.count)
        let vb = b.variance / Double(b.count)
        let se2 = va + vb
        guard se2 > 0 else {
            // No spread in either group: the difference is known exactly.
            let statistic: Double = d == 0 ? 0 : (d > 0 ? .infinity : -.infinity)
            return SlotComparison(
                method: .welch, difference: IntervalEstimate(estimate: d, lower: d, upper: d), statistic: statistic,
                degreesOfFreedom: Double(a.count + b.count - 2), pValue: d == 0 ? 1 : 0)
        }
        let se = se2.squareRoot()
        var nu = se2 * se2 / (va * va / Double(a.count - 1) + vb * vb / Double(b.count - 1))
        if !nu.isFinite { nu = Double(a.count + b.count - 2) }
        let t = d / se
        let q = StudentT.quantile((1 + confidence) / 2, degreesOfFreedom: nu)
        return SlotComparison(
            method: .welch, difference: IntervalEstimate(estimate: d, lower: d - q * se, upper: d + q * se),
            statistic: t, degreesOfFreedom: nu, pValue: StudentT.twoSidedPValue(t, degreesOfFreedom: nu))
    }
}
