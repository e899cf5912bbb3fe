import Foundation
import RealModule

/// Special functions used by the customer-base models, written for stability rather than brevity.
public enum SpecialFunctions {
    /// Natural logarithm of the gamma function, ln Γ(x), for x > 0: swift-numerics'
    /// `Double.logGamma`, which calls the reentrant `lgamma_r`. (C's `lgamma` also writes the
    /// process-wide `signgam`, a data race when likelihoods are summed in parallel.)
    @inline(__always)
    public static func logGamma(_ x: Double) -> Double {
        Double.logGamma(x)
    }

    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) (Abramowitz & Stegun 6.2.2).
    @inline(__always)
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        Double.logGamma(a) + Double.logGamma(b) - Double.logGamma(a + b)
    }

    /// Digamma ψ(x) = d ln Γ(x)/dx: recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the
    /// asymptotic series (Abramowitz & Stegun 6.3.5 and 6.3.18); reflection (6.3.7) for x < 0.
    public static func digamma(_ x: Double) -> Double {
        guard x.isFinite else { return x == .infinity ? .infinity : .nan }
        var x = x
        var result = 0.0
        if x <= 0 {
            if x == x.rounded(.down) { return .nan }
            // ψ(1 − x) − ψ(x) = π cot(πx)
            result -= Double.pi / tan(Double.pi * x)
            x = 1 - x
        }
        while x < 10 {
            result -= 1 / x
            x += 1
        }
        let inv = 1 / x
        let inv2 = inv * inv
        // Bernoulli terms: 1/12, 1/120, 1/252, 1/240, 1/132, 691/32760, 1/12
        let series =
            inv2
            * (1.0 / 12
                - inv2
                * (1.0 / 120
                    - inv2
                    * (1.0 / 252
                        - inv2 * (1.0 / 240 - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 / 12))))))
        return result + log(x) - 0.5 * inv - series
    }

    /// ln(e^u + e^v) without overflow or underflow (the log-sum-exp identity).
    @inline(__always)
    public static func logSumExp(_ u: Double, _ v: Double) -> Double {
        let m = max(u, v)
        if m == -.infinity { return -.infinity }
        return m + log1p(exp(min(u, v) - m))
    }

    /// Gauss hypergeometric function ₂F₁(a, b; c; z) for z < 1 by its power series
    /// (Abramowitz & Stegun 15.1.1); for z < −½ the Pfaff transformation
    /// ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z/(z − 1)) (A&S 15.3.4) keeps the series
    /// argument in [−½, ½]. Convergence slows as z → 1; returns NaN for z ≥ 1 or non-convergence.
    public static func hypergeometric2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
        guard z < 1, z.isFinite else { return .nan }
        if z < -0.5 {
            let w = z / (z - 1)
            return pow(1 - z, -a) * hypergeometric2F1Series(a, c - b, c, w)
        }
        return hypergeometric2F1Series(a, b, c, z)
    }

    static func hypergeometric2F1Series(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
        var term = 1.0
        var sum = 1.0
        var n = 0.0
        let limit = 10_000_000.0
        while n < limit {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            sum += term
            n += 1
            if term == 0 { return sum }
            let ratio = abs((a + n) * (b + n) / ((c + n) * (n + 1)) * z)
            if ratio < 1 {
                let tailRatio = max(ratio, abs(z))
                if abs(term) * tailRatio / (1 - tailRatio) <= 1e-16 * abs(sum) { return sum }
            }
        }
        return .nan
    }

    /// Standard normal quantile Φ⁻¹(p): Acklam's rational approximation (relative error
    /// 1.15e-9) polished by two Halley steps on Φ(x) = ½ erfc(−x/√2), giving full double precision.
    public static func normalQuantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else {
            if p == 0 { return -.infinity }
            if p == 1 { return .infinity }
            return .nan
        }
        let a = [
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
        ]
        let b = [
            -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01,
        ]
        let c = [
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
        ]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let pLow = 0.02425
        var x: Double
        if p < pLow {
            let q = (-2 * log(p)).squareRoot()
            x =
                (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - pLow {
            let q = p - 0.5
            let r = q * q
            x =
                (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log1p(-p)).squareRoot()
            x =
                -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        for _ in 0..<2 {
            // Work with the smaller tail to keep relative precision.
            let e: Double
            if x < 0 {
                e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
            } else {
                e = (1 - p) - 0.5 * erfc(x / 2.0.squareRoot())
                // Φ(x) − p = (1 − p) − (1 − Φ(x))
            }
            let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
            x -= u / (1 + x * u / 2)
        }
        return x
    }

    /// Standard normal distribution function Φ(x) = ½ erfc(−x/√2) (Abramowitz & Stegun 26.2.29).
    public static func normalCDF(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }
    /// Regularised upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a), for a > 0, x ≥ 0: the series
    /// of P(a, x) below x = a + 1 and the Legendre continued fraction (modified Lentz) above it
    /// (Press et al., Numerical Recipes, 3rd ed., §6.2).
    public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x >= 0, a.isFinite, !x.isNaN else { return .nan }
        if x == 0 { return 1 }
        if x == .infinity { return 0 }
        let logPrefix = -x + a * log(x) - logGamma(a)
        if x < a + 1 {
            var term = 1 / a
            var sum = term
            var n = 1.0
            while n < 10_000 {
                term *= x / (a + n)
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
                n += 1
            }
            return max(0, 1 - sum * exp(logPrefix))
        }
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        var i = 1.0
        while i < 10_000 {
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
            i += 1
        }
        return exp(logPrefix) * h
    }

    /// P(χ²_k ≥ x) = Q(k/2, x/2), the chi-square distribution's survival function.
    public static func chiSquareSurvival(_ x: Double, degreesOfFreedom k: Double) -> Double {
        guard x > 0 else { return 1 }
        return regularizedGammaQ(k / 2, x / 2)
    }
}
