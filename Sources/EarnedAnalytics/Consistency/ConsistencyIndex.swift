import Foundation

/// How alike a service measure is across the slots of one dimension, on 0…1 (1 = the same
/// everywhere), after discounting what sampling noise alone would produce.
///
/// Each slot mean x̄ᵢ is shrunk toward the overall mean μ = Σ nᵢx̄ᵢ / N by empirical Bayes,
/// θ̂ᵢ = μ + τ²/(τ² + sᵢ²) · (x̄ᵢ − μ), with the between-slot variance τ² of DerSimonian & Laird
/// (1986), "Meta-analysis in clinical trials", *Controlled Clinical Trials* 7, 177–188
/// (the normal–normal shrinkage of Morris 1983, "Parametric empirical Bayes inference", *JASA*
/// 78, 47–55). Then index = 1 − Σ wᵢ|θ̂ᵢ − μ| / Dmax with wᵢ = nᵢ/N and
/// Dmax = 2(μ − lo)(hi − μ)/(hi − lo), the largest weighted mean absolute deviation that means with
/// overall mean μ can have on [lo, hi] (all weight at the two ends). τ² = 0 — differences no
/// larger than noise — gives exactly 1; slots split into all-best and all-worst give 0.
public struct ConsistencyIndex: Hashable, Codable, Sendable {
    /// The index, in 0…1.
    public var value: Double
    /// A percentile interval from a parametric bootstrap; nil when not computed.
    public var interval: IntervalEstimate?
    /// The overall mean μ of the slots in the index, weighted by count.
    public var overallMean: Double
    /// The DerSimonian–Laird between-slot variance τ² (0 when the slots differ no more than noise).
    public var betweenSlotVariance: Double
    /// Σ wᵢ|θ̂ᵢ − μ|, the weighted mean absolute deviation of the shrunk means.
    public var weightedDeviation: Double
    /// Dmax = 2(μ − lo)(hi − μ)/(hi − lo).
    public var maximumDeviation: Double
    /// The keys of the slots in the index, in input order.
    public var keys: [String]
    /// The shrunk slot means θ̂ᵢ, in the order of `keys`.
    public var shrunkMeans: [Double]

    /// The index of slots with means x̄ᵢ, sampling variances sᵢ² of those means and counts nᵢ on the
    /// range lo…hi; nil for fewer than two slots, mismatched lengths, a non-positive count or
    /// variance that is negative or not finite, an empty range, or an overall mean outside it.
    public init?(
        keys: [String], means: [Double], samplingVariances: [Double], counts: [Int], lowerBound: Double,
        upperBound: Double
    ) {
        guard keys.count == means.count,
            let parts = Self.components(
                means: means, samplingVariances: samplingVariances, counts: counts, lowerBound: lowerBound,
                upperBound: upperBound)
        else { return nil }
        self.keys = keys
        value = parts.value
        interval = nil
        overallMean = parts.mean
        betweenSlotVariance = parts.tau2
        weightedDeviation = parts.deviation
        maximumDeviation = parts.maximumDeviation
        shrunkMeans = parts.shrunk
    }

    /// Everything the index is computed from; see the type's documentation for the formulas.
    static func components(
        means: [Double], samplingVariances: [Double], counts: [Int], lowerBound lo: Double, upperBound hi: Double
    ) -> (value: Double, mean: Double, tau2: Double, deviation: Double, maximumDeviation: Double, shrunk: [Double])? {
        let k = means.count
        guard k >= 2, samplingVariances.count == k, counts.count == k, lo < hi,
            counts.allSatisfy({ $0 > 0 }), means.allSatisfy(\.isFinite),
            samplingVariances.allSatisfy({ $0 >= 0 && $0.isFinite })
        else { return nil }
        let total = Double(counts.reduce(0, +))
        var mu = 0.0
        for i in 0..<k { mu += Double(counts[i]) * means[i] }
        mu /= total
        // Rounding can put the mean of means on the range's edge a hair outside it.
        guard mu >= lo - 1e-12 * (hi - lo), mu <= hi + 1e-12 * (hi - lo) else { return nil }
        mu = min(max(mu, lo), hi)
        let tau2 = derSimonianLaird(means: means, samplingVariances: samplingVariances)
        var shrunk = [Double](repeating: mu, count: k)
        var deviation = 0.0
        for i in 0..<k {
            let s2 = samplingVariances[i]
            let factor = tau2 > 0 ? tau2 / (tau2 + s2) : 0
            shrunk[i] = mu + factor * (means[i] - mu)
            deviation += Double(counts[i]) / total * abs(shrunk[i] - mu)
        }
        let maximumDeviation = 2 * (mu - lo) * (hi - mu) / (hi - lo)
        // A mean on the edge of the range leaves no room to differ: every slot is at that edge.
        let value = maximumDeviation > 0 ? min(1, max(0, 1 - deviation / maximumDeviation)) : 1
        return (value, mu, tau2, deviation, maximumDeviation, shrunk)
    }

    /// The DerSimonian & Laird (1986) method-of-moments between-slot variance,
    /// τ² = max(0, (Q − (k − 1)) / (Σwᵢ − Σwᵢ²/Σwᵢ)), wᵢ = 1/sᵢ², Q = Σwᵢ(x̄ᵢ − x̄_w)²
    /// (*Controlled Clinical Trials* 7, 177–188). When every sᵢ² is 0 there is no noise to
    /// discount and τ² is the plain sample variance of the means.
    public static func derSimonianLaird(means: [Double], samplingVariances: [Double]) -> Double {
        let k = means.count
        guard k >= 2 else { return 0 }
        if samplingVariances.allSatisfy({ $0 == 0 }) {
            let m = means.reduce(0, +) / Double(k)
            return means.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(k - 1)
        }
        // A zero variance among positive ones would get infinite weight; ConsistencyAnalysis
        // never passes one, so floor it at the smallest positive variance.
        let floor = samplingVariances.filter { $0 > 0 }.min() ?? 1
        let weights = samplingVariances.map { 1 / max($0, floor) }
        let sumW = weights.reduce(0, +)
        let sumW2 = weights.reduce(0) { $0 + $1 * $1 }
        var weightedMean = 0.0
        for i in 0..<k { weightedMean += weights[i] * means[i] }
        weightedMean /= sumW
        var q = 0.0
        for i in 0..<k { q += weights[i] * (means[i] - weightedMean) * (means[i] - weightedMean) }
        let c = sumW - sumW2 / sumW
        guard c > 0 else { return 0 }
        return max(0, (q - Double(k - 1)) / c)
    }

    /// The sampling variance sᵢ² of each sample's mean. Proportions: p̃(1 − p̃)/n with p̃ = x/n, or
    /// p̃ = (x + ½)/(n + 1) when x is 0 or n (the "add ½ only to zero cells" rule of
    /// Viechtbauer 2010, "Conducting meta-analyses in R with the metafor package", *J. Stat.
    /// Software* 36(3), `escalc`). Means: s²/n, with the pooled within-slot variance
    /// Σ(nᵢ − 1)sᵢ² / Σ(nᵢ − 1) standing in for a slot whose observations are all equal.
    public static func samplingVariances(of samples: [SlotSample], kind: ServiceMeasure.Kind) -> [Double] {
        switch kind {
        case .proportion:
            return samples.map { sample in
                let n = Double(sample.count)
                let x = sample.sum.rounded()
                let p = (x == 0 || x == n) ? (x + 0.5) / (n + 1) : x / n
                return p * (1 - p) / n
            }
        case .continuous:
            var pooledNumerator = 0.0
            var pooledDenominator = 0.0
            for sample in samples where sample.count >= 2 {
                pooledNumerator += Double(sample.count - 1) * sample.variance
                pooledDenominator += Double(sample.count - 1)
            }
            let pooled = pooledDenominator > 0 ? pooledNumerator / pooledDenominator : 0
            return samples.map { sample in
                let v = sample.count >= 2 ? sample.variance : 0
                return (v > 0 ? v : pooled) / Double(sample.count)
            }
        }
    }

    /// An interval for the index by a parametric bootstrap: each draw takes every slot mean from
    /// N(x̄ᵢ, sᵢ²), clamps it to lo…hi and recomputes the index with the same sᵢ² and nᵢ (Efron &
    /// Tibshirani, *An Introduction to the Bootstrap*, 1993, §6.5). Drawing around the observed
    /// means adds their sampling noise a second time, so the draws sit below the estimate (the
    /// demo's weekday × hour index 0.93 had a percentile interval 0.86–0.91). The interval is
    /// therefore the basic bootstrap with the draws' median as the pivot (Davison & Hinkley,
    /// *Bootstrap Methods and their Application*, 1997, §5.2): the estimate θ̂, less the draws'
    /// spread above their median m, to θ̂ plus their spread below it, [θ̂ − (q₁₋α/₂ − m),
    /// θ̂ + (m − q_α/₂)], clamped to 0…1. It always holds the estimate. The estimate is the
    /// index of the observed means; nil when that index is undefined or draws < 1.
    public static func bootstrapInterval(
        means: [Double], samplingVariances: [Double], counts: [Int], lowerBound lo: Double, upperBound hi: Double,
        confidence: Double, draws: Int, using rng: inout some RandomNumberGenerator
    ) -> IntervalEstimate? {
        guard draws >= 1, confidence > 0, confidence < 1,
            let point = components(
                means: means, samplingVariances: samplingVariances, counts: counts, lowerBound: lo, upperBound: hi)
        else { return nil }
        let sds = samplingVariances.map { $0.squareRoot() }
        var values: [Double] = []
        values.reserveCapacity(draws)
        var drawn = means
        for _ in 0..<draws {
            for i in 0..<means.count {
                let x = RandomVariates.normal(mean: means[i], standardDeviation: sds[i], using: &rng)
                drawn[i] = min(max(x, lo), hi)
            }
            if let parts = components(
                means: drawn, samplingVariances: samplingVariances, counts: counts, lowerBound: lo, upperBound: hi)
            {
                values.append(parts.value)
            }
        }
        guard !values.isEmpty else { return nil }
        values.sort()
        let alpha = (1 - confidence) / 2
        let median = quantile(sorted: values, 0.5)
        let below = median - quantile(sorted: values, alpha)
        let above = quantile(sorted: values, 1 - alpha) - median
        return IntervalEstimate(
            estimate: point.value, lower: min(1, max(0, point.value - above)),
            upper: min(1, max(0, point.value + below)))
    }

    /// The p-quantile of sorted values by linear interpolation (Hyndman & Fan 1996, type 7).
    static func quantile(sorted values: [Double], _ p: Double) -> Double {
        let h = Double(values.count - 1) * p
        let low = Int(h.rounded(.down))
        let high = min(low + 1, values.count - 1)
        return values[low] + (h - Double(low)) * (values[high] - values[low])
    }
}
