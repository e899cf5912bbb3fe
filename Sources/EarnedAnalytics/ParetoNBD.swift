import Foundation

/// The Pareto/NBD model of repeat buying (Schmittlein, Morrison & Colombo 1987), in the
/// formulation of Fader, Hardie & Lee (2005), "A note on deriving the Pareto/NBD model and
/// related expressions".
///
/// While active, a customer buys at Poisson rate λ ~ Gamma(r, α) and stays active for an
/// exponentially distributed lifetime with rate μ ~ Gamma(s, β), unobserved. Unlike BG/NBD, a
/// customer can drop out at any moment, not only right after a purchase. Time is in the unit of
/// the histories; α and β carry it.
public struct ParetoNBD: Sendable, Hashable, Codable {
    /// Shape r of the gamma distribution of purchase rates.
    public var r: Double
    /// Scale α of the gamma distribution of purchase rates.
    public var alpha: Double
    /// Shape s of the gamma distribution of dropout rates.
    public var s: Double
    /// Scale β of the gamma distribution of dropout rates.
    public var beta: Double

    /// Creates a model from its four parameters (all must be positive).
    public init(r: Double, alpha: Double, s: Double, beta: Double) {
        self.r = r
        self.alpha = alpha
        self.s = s
        self.beta = beta
    }

    /// Parameters in the order r, α, s, β.
    public var parameters: [Double] { [r, alpha, s, beta] }

    /// Individual log-likelihood ln L(r, α, s, β | x, t_x, T) — Fader, Hardie & Lee (2005 note),
    /// eq. (19) — with the hypergeometric terms in logs (`ParetoNBDTerms`).
    public func logLikelihood(frequency x: Int, recency tx: Double, age t: Double) -> Double {
        ParetoNBDTerms.evaluate(x: Double(x), tx: tx, t: t, r: r, alpha: alpha, s: s, beta: beta, gradient: false)
            .logLikelihood
    }

    /// Total log-likelihood over all customers.
    public func logLikelihood(_ histories: CustomerHistories) -> Double {
        var total = 0.0
        for i in 0..<histories.rowCount {
            total +=
                histories.rowWeight[i]
                * logLikelihood(
                    frequency: histories.rowFrequency[i], recency: histories.rowRecency[i], age: histories.rowAge[i])
        }
        return total
    }

    /// P(alive | x, t_x, T) — Fader, Hardie & Lee (2005 note), eq. (18):
    /// 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A₀).
    public func probabilityAlive(frequency x: Int, recency tx: Double, age t: Double) -> Double {
        ParetoNBDTerms.probabilityAlive(x: Double(x), tx: tx, t: t, r: r, alpha: alpha, s: s, beta: beta)
    }

    /// Expected purchases in (0, t] of a customer just acquired —
    /// E[X(t)] = rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)] (Schmittlein et al. 1987; FHL 2005 note, eq. 21).
    public func expectedPurchases(in t: Double) -> Double {
        ParetoNBDTerms.expectationIfAlive(in: t, x: 0, age: 0, r: r, alpha: alpha, s: s, beta: beta)
    }

    /// The bracket of eq. (22): expected purchases in (T, T + t] of a customer known to be alive
    /// at T; depends on x and T only.
    public func expectationIfAlive(in t: Double, x: Int, age: Double) -> Double {
        ParetoNBDTerms.expectationIfAlive(in: t, x: Double(x), age: age, r: r, alpha: alpha, s: s, beta: beta)
    }
}

/// The per-customer quantities of the Pareto/NBD with individual α and β (which is how the
/// covariate model of Fader & Hardie 2007 enters), shared by `ParetoNBD` and its regression.
///
/// With q = r + x and ρ = q + s, eq. (19) of the FHL (2005) note reads
/// L = Γ(q) α^r β^s / Γ(r) · [(α+T)^(−q) (β+T)^(−s) + (s/ρ) A₀], A₀ = F(t_x) − F(T), where
/// F(t) = ρ ∫_t^∞ (α+τ)^(−q) (β+τ)^(−s−1) dτ. The note writes F with ₂F₁(ρ, ·; ρ+1; z); Euler's
/// transformation (A&S 15.3.3) turns it into a series of positive terms only:
/// - α ≥ β: F(t) = (α+t)^(−q) (β+t)^(−s) G(q; z), z = (α−β)/(α+t);
/// - α < β: F(t) = (α+t)^(1−q) (β+t)^(−s−1) G(s+1; z), z = (β−α)/(β+t);
///
/// with G(b; z) = ₂F₁(1, b; ρ+1; z) = Σₙ (b)ₙ/(ρ+1)ₙ zⁿ, whose term ratio stays below z.
enum ParetoNBDTerms {
    struct Value {
        var logLikelihood: Double
        /// ∂ ln L / ∂(r, α, s, β), when asked.
        var gradient: (r: Double, alpha: Double, s: Double, beta: Double)
    }

    /// ln F(t) and its derivatives with respect to (r, α, s, β).
    struct LogF {
        var value: Double
        var dr: Double
        var dalpha: Double
        var ds: Double
        var dbeta: Double
    }

    /// ln F(t) (see above), with its gradient when asked; nil when the series does not converge.
    @inline(__always)
    static func logF(
        at t: Double, q: Double, rho: Double, alpha: Double, s: Double, beta: Double, gradient: Bool
    ) -> LogF? {
        let logAlphaT = log(alpha + t)
        let logBetaT = log(beta + t)
        let alphaFirst = alpha >= beta
        let b = alphaFirst ? q : s + 1
        let c = rho + 1
        let z = alphaFirst ? (alpha - beta) / (alpha + t) : (beta - alpha) / (beta + t)
        guard let g = series(b: b, c: c, z: z, gradient: gradient) else { return nil }
        let logG = log(g.value)
        var out: LogF
        if alphaFirst {
            out = LogF(
                value: -q * logAlphaT - s * logBetaT + logG, dr: -logAlphaT, dalpha: -q / (alpha + t), ds: -logBetaT,
                dbeta: -s / (beta + t))
        } else {
            out = LogF(
                value: (1 - q) * logAlphaT - (s + 1) * logBetaT + logG, dr: -logAlphaT, dalpha: (1 - q) / (alpha + t),
                ds: -logBetaT, dbeta: -(s + 1) / (beta + t))
        }
        guard gradient else { return out }
        // d ln G = (G_b db + G_c dc + G_z dz) / G, with c = r + s + x + 1.
        let inv = 1 / g.value
        let gb = g.db * inv
        let gc = g.dc * inv
        let gz = g.dz * inv
        out.dr += gc + (alphaFirst ? gb : 0)
        out.ds += gc + (alphaFirst ? 0 : gb)
        if alphaFirst {
            out.dalpha += gz * (beta + t) / ((alpha + t) * (alpha + t))
            out.dbeta += gz * -1 / (alpha + t)
        } else {
            out.dalpha += gz * -1 / (beta + t)
            out.dbeta += gz * (alpha + t) / ((beta + t) * (beta + t))
        }
        return out
    }

    struct Series {
        var value: Double
        var db = 0.0
        var dc = 0.0
        var dz = 0.0
    }

    /// G = Σₙ (b)ₙ/(c)ₙ zⁿ for 0 ≤ z < 1 and b < c, with its partial derivatives in b, c and z
    /// (term by term: ∂ ln tₙ/∂b = Σ_{k<n} 1/(b+k), ∂ ln tₙ/∂c = −Σ_{k<n} 1/(c+k),
    /// ∂tₙ/∂z = n tₙ / z). The terms' ratio rises towards z, so the tail after a term t is below
    /// t z/(1 − z).
    @inline(__always)
    static func series(b: Double, c: Double, z: Double, gradient: Bool) -> Series? {
        guard z > 0 else { return Series(value: 1, db: 0, dc: 0, dz: gradient ? b / c : 0) }
        guard z < 1 else { return nil }
        var term = 1.0
        var out = Series(value: 1)
        var sumB = 0.0
        var sumC = 0.0
        let tailFactor = z / (1 - z)
        var n = 0.0
        while n < 5_000_000 {
            if gradient {
                sumB += 1 / (b + n)
                sumC += 1 / (c + n)
            }
            term *= (b + n) / (c + n) * z
            n += 1
            out.value += term
            if gradient {
                out.db += term * sumB
                out.dc -= term * sumC
                out.dz += term * n
            }
            if term * tailFactor <= 1e-17 * out.value {
                if gradient { out.dz /= z }
                return out
            }
        }
        return nil
    }

    /// ln L and its gradient in (r, α, s, β) for one customer (eq. 19 of the FHL 2005 note).
    static func evaluate(
        x: Double, tx: Double, t: Double, r: Double, alpha: Double, s: Double, beta: Double, gradient: Bool
    ) -> Value {
        let invalid = Value(logLikelihood: -.infinity, gradient: (.nan, .nan, .nan, .nan))
        guard r > 0, alpha > 0, s > 0, beta > 0, r.isFinite, alpha.isFinite, s.isFinite, beta.isFinite else {
            return invalid
        }
        let q = r + x
        let rho = q + s
        let logAlpha = log(alpha)
        let logBeta = log(beta)
        let common = SpecialFunctions.logGamma(q) - SpecialFunctions.logGamma(r) + r * logAlpha + s * logBeta
        let logAlphaT = log(alpha + t)
        let logBetaT = log(beta + t)
        let a1 = -q * logAlphaT - s * logBetaT
        var dCommon = (r: 0.0, alpha: 0.0, s: 0.0, beta: 0.0)
        if gradient {
            dCommon = (
                SpecialFunctions.digamma(q) - SpecialFunctions.digamma(r) + logAlpha, r / alpha, logBeta, s / beta
            )
        }
        let dA1 = (r: -logAlphaT, alpha: -q / (alpha + t), s: -logBetaT, beta: -s / (beta + t))
        guard t > tx else {
            // The last purchase at T: A₀ = 0.
            return Value(
                logLikelihood: common + a1,
                gradient: (dCommon.r + dA1.r, dCommon.alpha + dA1.alpha, dCommon.s + dA1.s, dCommon.beta + dA1.beta))
        }
        guard let ftx = logF(at: tx, q: q, rho: rho, alpha: alpha, s: s, beta: beta, gradient: gradient),
            let ft = logF(at: t, q: q, rho: rho, alpha: alpha, s: s, beta: beta, gradient: gradient)
        else { return invalid }
        // ln A₀ = ln F(t_x) + ln(1 − w), w = F(T)/F(t_x).
        let w = exp(ft.value - ftx.value)
        guard w < 1 else { return Value(logLikelihood: common + a1, gradient: invalid.gradient) }
        let logA0 = ftx.value + log1p(-w)
        let bTerm = log(s) - log(rho) + logA0
        let m = max(a1, bTerm)
        let e1 = exp(a1 - m)
        let e2 = exp(bTerm - m)
        let ll = common + m + log(e1 + e2)
        guard gradient else { return Value(logLikelihood: ll, gradient: (0, 0, 0, 0)) }
        let w1 = e1 / (e1 + e2)
        let w2 = 1 - w1
        let k = 1 / (1 - w)
        // d ln A₀ = (d ln F(t_x) − w d ln F(T)) / (1 − w).
        let dA0 = (
            r: (ftx.dr - w * ft.dr) * k, alpha: (ftx.dalpha - w * ft.dalpha) * k, s: (ftx.ds - w * ft.ds) * k,
            beta: (ftx.dbeta - w * ft.dbeta) * k
        )
        let dB = (r: -1 / rho + dA0.r, alpha: dA0.alpha, s: 1 / s - 1 / rho + dA0.s, beta: dA0.beta)
        return Value(
            logLikelihood: ll,
            gradient: (
                dCommon.r + w1 * dA1.r + w2 * dB.r, dCommon.alpha + w1 * dA1.alpha + w2 * dB.alpha,
                dCommon.s + w1 * dA1.s + w2 * dB.s, dCommon.beta + w1 * dA1.beta + w2 * dB.beta
            ))
    }

    /// P(alive | x, t_x, T) for individual α and β (FHL 2005 note, eq. 18), formed from the odds
    /// in logs so that extreme histories give 0 rather than NaN.
    static func probabilityAlive(x: Double, tx: Double, t: Double, r: Double, alpha: Double, s: Double, beta: Double)
        -> Double
    {
        guard t > tx else { return 1 }
        let q = r + x
        let rho = q + s
        guard let ftx = logF(at: tx, q: q, rho: rho, alpha: alpha, s: s, beta: beta, gradient: false),
            let ft = logF(at: t, q: q, rho: rho, alpha: alpha, s: s, beta: beta, gradient: false)
        else { return .nan }
        let w = exp(ft.value - ftx.value)
        guard w < 1 else { return 1 }
        let logA0 = ftx.value + log1p(-w)
        let logOdds = log(s) - log(rho) + q * log(alpha + t) + s * log(beta + t) + logA0
        return 1 / (1 + exp(logOdds))
    }

    /// ln(P/(1 − P)) of P(alive) = −[ln(s/ρ) + q ln(α+T) + s ln(β+T) + ln A₀] and its gradient
    /// in (r, α, s, β); +∞ when the last purchase is at T (A₀ = 0).
    static func aliveLogOdds(x: Double, tx: Double, t: Double, r: Double, alpha: Double, s: Double, beta: Double)
        -> (value: Double, gradient: SIMD4<Double>)
    {
        guard t > tx else { return (.infinity, .zero) }
        let q = r + x
        let rho = q + s
        guard let ftx = logF(at: tx, q: q, rho: rho, alpha: alpha, s: s, beta: beta, gradient: true),
            let ft = logF(at: t, q: q, rho: rho, alpha: alpha, s: s, beta: beta, gradient: true)
        else { return (.nan, SIMD4(repeating: .nan)) }
        let w = exp(ft.value - ftx.value)
        guard w < 1 else { return (.infinity, .zero) }
        let k = 1 / (1 - w)
        let logA0 = ftx.value + log1p(-w)
        let value = -(log(s) - log(rho) + q * log(alpha + t) + s * log(beta + t) + logA0)
        let gradient = SIMD4(
            -(-1 / rho + log(alpha + t) + (ftx.dr - w * ft.dr) * k),
            -(q / (alpha + t) + (ftx.dalpha - w * ft.dalpha) * k),
            -(1 / s - 1 / rho + log(beta + t) + (ftx.ds - w * ft.ds) * k),
            -(s / (beta + t) + (ftx.dbeta - w * ft.dbeta) * k))
        return (value, gradient)
    }

    /// (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)], the limit ln(1 + t/(β+T)) at s = 1.
    static func expectationIfAlive(
        in t: Double, x: Double, age: Double, r: Double, alpha: Double, s: Double, beta: Double
    ) -> Double {
        guard t > 0 else { return 0 }
        let logRatio = log1p(t / (beta + age))  // ln((β+T+t)/(β+T))
        let sm1 = s - 1
        let bracket: Double
        if abs(sm1 * logRatio) < 1e-8 {
            bracket = logRatio * (1 - 0.5 * sm1 * logRatio)
        } else {
            bracket = -expm1(-sm1 * logRatio) / sm1
        }
        return (r + x) * (beta + age) / (alpha + age) * bracket
    }
}
