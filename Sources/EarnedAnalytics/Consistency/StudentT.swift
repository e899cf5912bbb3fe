import Foundation

/// Student's t distribution with ν degrees of freedom (ν may be fractional, as for Welch's test).
/// Distribution function through the regularised incomplete beta function,
/// P(T ≤ t) = 1 − ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0 (Press et al., *Numerical Recipes*, 3rd ed.,
/// 2007, §6.14.3 and §6.4). Above ν = 10⁷ the normal distribution is used instead: the quantiles
/// then differ by less than 10⁻⁶ (the first Cornish–Fisher term is (z³ + z)/4ν).
public enum StudentT {
    /// Degrees of freedom above which the normal distribution stands in for t(ν).
    public static let normalThreshold = 1e7

    /// P(T ≤ t) for T ~ t(ν); the standard normal Φ(t) above `normalThreshold`. ν must be positive.
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "degrees of freedom must be positive")
        if t.isNaN || nu.isNaN { return .nan }
        if nu > normalThreshold { return SpecialFunctions.normalCDF(t) }
        if t.isInfinite { return t > 0 ? 1 : 0 }
        let tail = 0.5 * regularizedIncompleteBeta(nu / (nu + t * t), nu / 2, 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The two-sided tail probability P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, ½), without the
    /// cancellation of 1 − cdf for large |t| (Numerical Recipes, 3rd ed., §6.14.3).
    public static func twoSidedPValue(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "degrees of freedom must be positive")
        if t.isNaN || nu.isNaN { return .nan }
        if nu > normalThreshold { return min(1, 2 * SpecialFunctions.normalCDF(-abs(t))) }
        if t.isInfinite { return 0 }
        return min(1, regularizedIncompleteBeta(nu / (nu + t * t), nu / 2, 0.5))
    }

    /// Density of t(ν): Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2).
    public static func density(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let logNorm =
            SpecialFunctions.logGamma((nu + 1) / 2) - SpecialFunctions.logGamma(nu / 2) - 0.5 * log(nu * Double.pi)
        return exp(logNorm - (nu + 1) / 2 * log1p(t * t / nu))
    }

    /// The quantile t with P(T ≤ t) = p, for 0 < p < 1: Newton's method on `cdf` from the normal
    /// quantile, safeguarded by bisection, to a relative precision near 1e-12.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "degrees of freedom must be positive")
        guard p > 0, p < 1 else { return p == 0 ? -.infinity : (p == 1 ? .infinity : .nan) }
        if nu > normalThreshold { return SpecialFunctions.normalQuantile(p) }
        if p == 0.5 { return 0 }
        // Solve in the upper half by symmetry: t_p = −t_{1−p}.
        let upper = max(p, 1 - p)
        let tail = 1 - upper
        // Bracket [0, hi] with twoSidedPValue(hi) ≤ 2·tail.
        var lo = 0.0
        var hi = max(1.0, SpecialFunctions.normalQuantile(upper))
        while twoSidedPValue(hi, degreesOfFreedom: nu) > 2 * tail {
            lo = hi
            hi *= 2
            if hi > 1e300 { break }
        }
        var t = min(max(SpecialFunctions.normalQuantile(upper), lo), hi)
        for _ in 0..<200 {
            // f(t) = P(T > t) − tail, decreasing in t; f′(t) = −density.
            let f = 0.5 * twoSidedPValue(t, degreesOfFreedom: nu) - tail
            if f > 0 { lo = t } else { hi = t }
            let step = f / density(t, degreesOfFreedom: nu)
            var next = t + step
            if !(next > lo && next < hi) || !next.isFinite { next = (lo + hi) / 2 }
            if abs(next - t) <= 1e-13 * max(1, abs(t)) {
                t = next
                break
            }
            t = next
        }
        return p < 0.5 ? -t : t
    }

    /// The regularised incomplete beta function I_x(a, b) by its continued fraction, evaluated with
    /// the modified Lentz method, using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the
    /// fraction converges slowly (Numerical Recipes, 3rd ed., §6.4, eq. 6.4.5).
    public static func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        precondition(a > 0 && b > 0, "incomplete beta needs positive parameters")
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = a * log(x) + b * log1p(-x) - SpecialFunctions.logBeta(a, b)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * betaContinuedFraction(x, a, b) / a
        }
        let logFrontSwapped = b * log1p(-x) + a * log(x) - SpecialFunctions.logBeta(b, a)
        return 1 - exp(logFrontSwapped) * betaContinuedFraction(1 - x, b, a) / b
    }

    /// The continued fraction of I_x(a, b) (Numerical Recipes, 3rd ed., §6.4, `betacf`).
    static func betaContinuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...100_000 {
            let m = Double(m)
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return h
    }
}
