import Foundation

/// The beta-geometric/negative-binomial distribution (BG/NBD) model of repeat buying of
/// Fader, Hardie & Lee (2005), "Counting your customers the easy way: an alternative to the
/// Pareto/NBD model", Marketing Science 24(2), 275–284.
///
/// While active, a customer buys at Poisson rate λ ~ Gamma(r, α); after each repeat purchase
/// the customer drops out with probability p ~ Beta(a, b). Time is in the unit the histories
/// use (days or weeks); α carries that unit.
public struct BGNBD: Sendable, Hashable, Codable {
    /// Shape r of the gamma distribution of purchase rates.
    public var r: Double
    /// Scale α of the gamma distribution of purchase rates (in the time unit of the data).
    public var alpha: Double
    /// First shape a of the beta distribution of dropout probabilities.
    public var a: Double
    /// Second shape b of the beta distribution of dropout probabilities.
    public var b: Double

    /// Creates a model from its four parameters (all must be positive).
    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
    }

    /// Parameters in the order r, α, a, b.
    public var parameters: [Double] { [r, alpha, a, b] }

    // MARK: - One customer

    /// Individual log-likelihood ln L(r, α, a, b | x, t_x, T) — Fader, Hardie & Lee (2005),
    /// eq. (6) — evaluated with log-sum-exp, so extreme histories stay finite.
    public func logLikelihood(frequency x: Int, recency tx: Double, age t: Double) -> Double {
        let xd = Double(x)
        let common =
            SpecialFunctions.logGamma(r + xd) - SpecialFunctions.logGamma(r) + r * log(alpha)
            + SpecialFunctions.logBeta(a, b + xd) - SpecialFunctions.logBeta(a, b)
        let aliveTerm = -(r + xd) * log(alpha + t)
        guard x > 0 else { return common + aliveTerm }
        let dropTerm = log(a) - log(b + xd - 1) - (r + xd) * log(alpha + tx)
        return common + SpecialFunctions.logSumExp(aliveTerm, dropTerm)
    }

    /// Probability that a customer with history (x, t_x, T) is still active at T — Fader, Hardie
    /// & Lee (2008), "Computing P(alive) using the BG/NBD model":
    /// 1 / (1 + δ_{x>0} · a/(b + x − 1) · ((α + T)/(α + t_x))^(r+x)), with the odds formed in logs so
    /// that extreme histories give a value that underflows towards 0 instead of NaN.
    @inline(__always)
    public func probabilityAlive(frequency x: Int, recency tx: Double, age t: Double) -> Double {
        guard x > 0 else { return 1 }
        let xd = Double(x)
        return Self.alive(logDropOdds: log(a) - log(b + xd - 1), rPlusX: r + xd, recency: tx, age: t, alpha: alpha)
    }

    /// Expected number of purchases in (0, t] for a customer just acquired at time 0 —
    /// Fader, Hardie & Lee (2005), eq. (7):
    /// E[X(t)] = (a + b − 1)/(a − 1) · [1 − (α/(α + t))^r ₂F₁(r, b; a + b − 1; t/(α + t))].
    public func expectedPurchases(in t: Double) -> Double {
        expectationIfAlive(in: t, x: 0, age: 0)
    }

    /// Expected number of purchases in (T, T + t] for a customer with history (x, t_x, T) —
    /// Fader, Hardie & Lee (2005), eq. (10):
    /// E[Y(t) | x, t_x, T] = (a + b + x − 1)/(a − 1) · [1 − ((α + T)/(α + T + t))^(r+x)
    /// ₂F₁(r + x, b + x; a + b + x − 1; t/(α + T + t))] / [1 + δ_{x>0} a/(b + x − 1)
    /// ((α + T)/(α + t_x))^(r+x)]. The ₂F₁ is evaluated after Euler's transformation (A&S 15.3.3),
    /// which turns the bracket into a series without cancellation that stays finite as a → 1.
    public func conditionalExpectedPurchases(
        in t: Double, frequency x: Int, recency tx: Double, age: Double
    ) -> Double {
        conditionalExpectation(in: t, x: x, tx: tx, age: age)
    }

    /// Probability that a customer just acquired makes exactly n repeat purchases in (0, t] —
    /// Fader, Hardie & Lee (2005), eq. (8).
    public func probabilityOfPurchases(_ n: Int, in t: Double) -> Double {
        let nd = Double(n)
        let logFirst =
            SpecialFunctions.logBeta(a, b + nd) - SpecialFunctions.logBeta(a, b) + SpecialFunctions.logGamma(r + nd)
            - SpecialFunctions.logGamma(r) - SpecialFunctions.logGamma(nd + 1) + r * log(alpha / (alpha + t))
            + nd * log(t / (alpha + t))
        var total = exp(logFirst)
        guard n > 0 else { return total }
        // δ_{n>0} B(a+1, b+n−1)/B(a,b) [1 − (α/(α+t))^r Σ_{j=0}^{n−1} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j]
        let logWeight = SpecialFunctions.logBeta(a + 1, b + nd - 1) - SpecialFunctions.logBeta(a, b)
        var partial = 0.0
        var logTerm = r * log(alpha / (alpha + t))
        for j in 0..<n {
            let jd = Double(j)
            if j > 0 { logTerm += log((r + jd - 1) / jd) + log(t / (alpha + t)) }
            partial += exp(logTerm)
        }
        total += exp(logWeight) * max(0, 1 - partial)
        return total
    }

    // MARK: - Many customers

    /// Total log-likelihood Σ ln L over all customers (Fader, Hardie & Lee 2005, eq. 6).
    public func logLikelihood(_ histories: CustomerHistories) -> Double {
        BGNBDLikelihood(histories).evaluate(self, gradient: false).logLikelihood
    }

    // MARK: - Internals

    /// P(alive) of every unique row, in parallel for many rows (the odds' constant formed once
    /// per distinct x).
    public func rowProbabilityAlive(_ histories: CustomerHistories) -> [Double] {
        let (a, b, r, alpha) = (self.a, self.b, self.r, self.alpha)
        let logDropOdds = histories.distinctFrequencies.map { $0 > 0 ? log(a) - log(b + Double($0) - 1) : 0 }
        var out = [Double](repeating: 0, count: histories.rowCount)
        Parallel.fillRanges(&out) { range, output in
            histories.rowFrequency.withUnsafeBufferPointer { frequency in
                histories.rowFrequencyIndex.withUnsafeBufferPointer { frequencyIndex in
                    histories.rowRecency.withUnsafeBufferPointer { recency in
                        histories.rowAge.withUnsafeBufferPointer { age in
                            for i in range {
                                let x = frequency[i]
                                output[i] =
                                    x == 0
                                    ? 1
                                    : Self.alive(
                                        logDropOdds: logDropOdds[Int(frequencyIndex[i])], rPlusX: r + Double(x),
                                        recency: recency[i], age: age[i], alpha: alpha)
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// 1 / (1 + exp(ln(a/(b+x−1)) + (r+x) ln((α+T)/(α+t_x)))); exp overflowing to +∞ gives 0.
    @inline(__always)
    static func alive(logDropOdds: Double, rPlusX: Double, recency tx: Double, age t: Double, alpha: Double)
        -> Double
    {
        1 / (1 + exp(logDropOdds + rPlusX * log1p((t - tx) / (alpha + tx))))
    }

    /// Eq. (10) as P(alive | x, t_x, T) × `expectationIfAlive(t, x, T)`.
    @inline(__always)
    func conditionalExpectation(in t: Double, x: Int, tx: Double, age: Double) -> Double {
        guard t > 0 else { return 0 }
        let alive = probabilityAlive(frequency: x, recency: tx, age: age)
        guard alive > 0 else { return 0 }
        return expectationIfAlive(in: t, x: x, age: age) * alive
    }

    /// Expected purchases in (T, T + t] of a customer known to be alive at T: the numerator of
    /// eq. (10), which depends on x and T only. With z = t/(α+T+t) and C = a+b+x−1, Euler's
    /// transformation ₂F₁(A, B; C; z) = (1 − z)^(C−A−B) ₂F₁(C − A, C − B; C; z) gives
    /// ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; C; z) = (1 − z)^(a−1) ₂F₁(a+b−1−r, a−1; C; z)
    /// = (1 − z)^(a−1) [1 + (a − 1) S], S = Σ_{n≥1} (a+b−1−r)_n (a)_{n−1} / ((C)_n n!) zⁿ, so the
    /// numerator is C · [(1 − (1 − z)^(a−1))/(a − 1) − (1 − z)^(a−1) S].
    @inline(__always)
    public func expectationIfAlive(in t: Double, x: Int, age: Double) -> Double {
        guard t > 0 else { return 0 }
        let c = a + b + Double(x) - 1
        let logOneMinusZ = -log1p(t / (alpha + age))
        let z = t / (alpha + age + t)
        let am1 = a - 1
        let first: Double  // (1 − (1 − z)^(a−1)) / (a − 1)
        if abs(am1 * logOneMinusZ) < 1e-8 {
            first = -logOneMinusZ * (1 + 0.5 * am1 * logOneMinusZ)
        } else {
            first = -expm1(am1 * logOneMinusZ) / am1
        }
        let s = Self.transformedSeries(aPrime: a + b - 1 - r, a: a, c: c, z: z)
        return max(0, c * (first - exp(am1 * logOneMinusZ) * s))
    }

    /// Σ_{n≥1} (A′)_n (a)_{n−1} / ((C)_n n!) zⁿ, summed until the geometric tail bound is below
    /// double precision.
    @inline(__always)
    static func transformedSeries(aPrime: Double, a: Double, c: Double, z: Double) -> Double {
        var term = aPrime * z / c
        var sum = term
        var n = 1.0
        while n < 50_000_000 {
            let ratio = (aPrime + n) * (a + n - 1) / ((c + n) * (n + 1)) * z
            term *= ratio
            sum += term
            n += 1
            if term == 0 { break }
            let q = max(abs(ratio), z)
            if q < 1, abs(term) * q <= 1e-16 * (1 - q) * abs(sum) { break }
        }
        return sum
    }
}
