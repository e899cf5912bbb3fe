import Foundation

/// The BG/NBD sample log-likelihood and its analytic gradient over compressed histories
/// (Fader, Hardie & Lee 2005, eq. 6). With B(a+1, b+x−1) = B(a, b+x)·a/(b+x−1) each customer's
/// term is c_x + ln(e^u + δ_{x>0} e^v), where
/// c_x = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b),
/// u = −(r+x) ln(α+T) and v = ln a − ln(b+x−1) − (r+x) ln(α+t_x).
/// Everything that depends only on x, T or t_x is computed once per distinct value.
struct BGNBDLikelihood {
    /// One unique (x, t_x, T) row: its weight and indexes into the distinct x, T and t_x values.
    struct Row {
        var weight: Double
        var frequency: Int32
        var age: Int32
        var recency: Int32
    }

    /// Per distinct x, recomputed for each parameter vector.
    struct FrequencyTerms {
        /// c_x = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b).
        var common = 0.0
        /// ln a − ln(b+x−1), or −∞ for x = 0 (no dropout term).
        var dropConstant = -Double.infinity
        var rPlusX = 0.0
    }

    /// Per distinct T or t_x: ln(α + t) and 1/(α + t).
    struct TimeTerms {
        var log: Double
        var inverse: Double
    }

    let histories: CustomerHistories
    let rows: [Row]
    /// Total weight (customers) per distinct x.
    let weightPerFrequency: [Double]
    let totalWeight: Double

    init(_ histories: CustomerHistories) {
        self.histories = histories
        var perX = [Double](repeating: 0, count: histories.distinctFrequencies.count)
        for i in 0..<histories.rowCount {
            perX[Int(histories.rowFrequencyIndex[i])] += histories.rowWeight[i]
        }
        weightPerFrequency = perX
        totalWeight = perX.reduce(0, +)
        rows = (0..<histories.rowCount).map { i in
            Row(
                weight: histories.rowWeight[i], frequency: histories.rowFrequencyIndex[i],
                age: histories.rowAgeIndex[i], recency: histories.rowRecencyIndex[i])
        }
    }

    /// Log-likelihood and, when asked, its gradient with respect to (r, α, a, b).
    func evaluate(_ model: BGNBD, gradient wantGradient: Bool) -> (logLikelihood: Double, gradient: [Double]) {
        let (r, alpha, a, b) = (model.r, model.alpha, model.a, model.b)
        let invalid = (logLikelihood: -Double.infinity, gradient: [Double](repeating: .nan, count: 4))
        guard r > 0, alpha > 0, a > 0, b > 0, r.isFinite, alpha.isFinite, a.isFinite, b.isFinite else {
            return invalid
        }
        let xs = histories.distinctFrequencies
        let nx = xs.count
        var terms = [FrequencyTerms](repeating: FrequencyTerms(), count: nx)
        let lgR = SpecialFunctions.logGamma(r)
        let lbAB = SpecialFunctions.logBeta(a, b)
        let logAlpha = log(alpha)
        let logA = log(a)
        for j in 0..<nx {
            let x = Double(xs[j])
            terms[j].rPlusX = r + x
            terms[j].common =
                SpecialFunctions.logGamma(r + x) - lgR + r * logAlpha + SpecialFunctions.logBeta(a, b + x) - lbAB
            if xs[j] > 0 { terms[j].dropConstant = logA - log(b + x - 1) }
        }
        let ages = histories.distinctAges.map { TimeTerms(log: log(alpha + $0), inverse: 1 / (alpha + $0)) }
        let recencies = histories.distinctRecencies.map { TimeTerms(log: log(alpha + $0), inverse: 1 / (alpha + $0)) }
        let rows = self.rows
        let partials = Parallel.mapChunks(count: rows.count) { [terms] range in
            Self.accumulate(
                rows[range], terms: terms, ages: ages, recencies: recencies, gradient: wantGradient)
        }
        var total = 0.0
        var sumR = 0.0
        var sumAlpha = 0.0
        var dropWeight = [Double](repeating: 0, count: nx)
        for partial in partials {
            total += partial.total
            sumR += partial.sumR
            sumAlpha += partial.sumAlpha
            if wantGradient {
                for j in 0..<nx { dropWeight[j] += partial.dropWeight[j] }
            }
        }
        guard wantGradient else { return (total, []) }
        let psiR = SpecialFunctions.digamma(r)
        let psiAB = SpecialFunctions.digamma(a + b)
        let psiB = SpecialFunctions.digamma(b)
        var dR = -sumR
        let dAlpha = totalWeight * r / alpha - sumAlpha
        var dA = 0.0
        var dB = 0.0
        for j in 0..<nx {
            let x = Double(xs[j])
            let nj = weightPerFrequency[j]
            let psiABX = SpecialFunctions.digamma(a + b + x)
            dR += nj * (SpecialFunctions.digamma(r + x) - psiR + logAlpha)
            dA += nj * (psiAB - psiABX) + dropWeight[j] / a
            dB += nj * (SpecialFunctions.digamma(b + x) - psiABX - psiB + psiAB)
            if xs[j] > 0 { dB -= dropWeight[j] / (b + x - 1) }
        }
        return (total, [dR, dAlpha, dA, dB])
    }

    struct Partial {
        var total = 0.0
        var sumR = 0.0
        var sumAlpha = 0.0
        var dropWeight: [Double]
    }

    /// Sums a range of rows: the log-likelihood and the row-dependent parts of the gradient.
    static func accumulate(
        _ rows: ArraySlice<Row>, terms: [FrequencyTerms], ages: [TimeTerms], recencies: [TimeTerms],
        gradient wantGradient: Bool
    ) -> Partial {
        var dropWeight = [Double](repeating: 0, count: terms.count)
        var total = 0.0
        var sumR = 0.0
        var sumAlpha = 0.0
        rows.withUnsafeBufferPointer { rows in
            terms.withUnsafeBufferPointer { terms in
                ages.withUnsafeBufferPointer { ages in
                    recencies.withUnsafeBufferPointer { recencies in
                        dropWeight.withUnsafeMutableBufferPointer { dropWeight in
                            for row in rows {
                                let j = Int(row.frequency)
                                let term = terms[j]
                                let age = ages[Int(row.age)]
                                let u = -term.rPlusX * age.log
                                if term.dropConstant == -.infinity {  // x = 0: no dropout term
                                    total += row.weight * (term.common + u)
                                    if wantGradient {
                                        sumR += row.weight * age.log
                                        sumAlpha += row.weight * term.rPlusX * age.inverse
                                    }
                                    continue
                                }
                                let recency = recencies[Int(row.recency)]
                                let v = term.dropConstant - term.rPlusX * recency.log
                                let e = exp(-abs(u - v))
                                total += row.weight * (term.common + max(u, v) + log1p(e))
                                if wantGradient {
                                    // Softmax weights of the two terms of the log-sum-exp.
                                    let big = 1 / (1 + e)
                                    let wu = u >= v ? big : 1 - big
                                    let wv = 1 - wu
                                    sumR += row.weight * (wu * age.log + wv * recency.log)
                                    sumAlpha += row.weight * term.rPlusX * (wu * age.inverse + wv * recency.inverse)
                                    dropWeight[j] += row.weight * wv
                                }
                            }
                        }
                    }
                }
            }
        }
        return Partial(total: total, sumR: sumR, sumAlpha: sumAlpha, dropWeight: dropWeight)
    }
}
