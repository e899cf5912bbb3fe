import Foundation

/// The Gamma-Gamma sample log-likelihood and its analytic gradient (Fader & Hardie 2013), with
/// the log-gamma and digamma terms computed once per distinct x.
struct GammaGammaLikelihood {
    let distinctFrequencies: [Int]
    let frequencyIndex: [Int32]
    let weightPerFrequency: [Double]
    let x: [Double]
    let spend: [Double]
    /// Σ (px − 1) ln z̄ + px ln x splits into p Σ x(ln z̄ + ln x) − Σ ln z̄.
    let sumXLogSpendX: Double
    let sumLogSpend: Double
    let sumX: Double

    var count: Int { x.count }
    var meanSpend: Double { spend.reduce(0, +) / Double(max(1, spend.count)) }

    init(frequency: [Int], averageSpend: [Double]) throws {
        guard frequency.count == averageSpend.count else { throw AnalyticsError.mismatchedLengths }
        var x: [Double] = []
        var spend: [Double] = []
        var index: [Int32] = []
        var position: [Int: Int32] = [:]
        var distinct: [Int] = []
        var weights: [Double] = []
        for i in 0..<frequency.count {
            let f = frequency[i]
            let m = averageSpend[i]
            guard f >= 0 else { throw AnalyticsError.invalidHistory(index: i, reason: "negative frequency") }
            guard f > 0, m > 0, m.isFinite else { continue }
            let j: Int32
            if let p = position[f] {
                j = p
            } else {
                j = Int32(distinct.count)
                position[f] = j
                distinct.append(f)
                weights.append(0)
            }
            weights[Int(j)] += 1
            index.append(j)
            x.append(Double(f))
            spend.append(m)
        }
        self.x = x
        self.spend = spend
        frequencyIndex = index
        distinctFrequencies = distinct
        weightPerFrequency = weights
        var a = 0.0
        var b = 0.0
        for i in 0..<x.count {
            a += x[i] * (log(spend[i]) + log(x[i]))
            b += log(spend[i])
        }
        sumXLogSpendX = a
        sumLogSpend = b
        sumX = x.reduce(0, +)
    }

    /// Log-likelihood and, when asked, its gradient with respect to (p, q, γ).
    func evaluate(_ model: GammaGamma, gradient wantGradient: Bool) -> (logLikelihood: Double, gradient: [Double]) {
        let (p, q, gamma) = (model.p, model.q, model.gamma)
        guard p > 0, q > 0, gamma > 0, p.isFinite, q.isFinite, gamma.isFinite else {
            return (-.infinity, [.nan, .nan, .nan])
        }
        let n = Double(count)
        var total = n * (q * log(gamma) - SpecialFunctions.logGamma(q)) + p * sumXLogSpendX - sumLogSpend
        var dP = sumXLogSpendX
        var dQ = n * (log(gamma) - SpecialFunctions.digamma(q))
        var dGamma = n * q / gamma
        for j in 0..<distinctFrequencies.count {
            let xd = Double(distinctFrequencies[j])
            let px = p * xd
            let nj = weightPerFrequency[j]
            total += nj * (SpecialFunctions.logGamma(px + q) - SpecialFunctions.logGamma(px))
            if wantGradient {
                let psiPXQ = SpecialFunctions.digamma(px + q)
                dP += nj * xd * (psiPXQ - SpecialFunctions.digamma(px))
                dQ += nj * psiPXQ
            }
        }
        let (x, spend) = (self.x, self.spend)
        let partials = Parallel.mapChunks(count: count) { range in
            var sums = (total: 0.0, p: 0.0, q: 0.0, gamma: 0.0)
            x.withUnsafeBufferPointer { xs in
                spend.withUnsafeBufferPointer { ms in
                    for i in range {
                        let xd = xs[i]
                        let denominator = xd * ms[i] + gamma
                        let logDen = log(denominator)
                        let pxq = p * xd + q
                        sums.total -= pxq * logDen
                        if wantGradient {
                            sums.p -= xd * logDen
                            sums.q -= logDen
                            sums.gamma -= pxq / denominator
                        }
                    }
                }
            }
            return sums
        }
        for partial in partials {
            total += partial.total
            dP += partial.p
            dQ += partial.q
            dGamma += partial.gamma
        }
        return (total, wantGradient ? [dP, dQ, dGamma] : [])
    }
}
