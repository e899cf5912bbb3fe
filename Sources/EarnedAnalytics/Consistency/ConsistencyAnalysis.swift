import Foundation

/// One dimension's consistency: a service measure compared across slots that partition the
/// observations (shift × location; first hour, middle, last hour; inventory day or not; one slot per
/// person). Gives the overall mean, each slot's mean and its comparison with the rest of the
/// dimension, the consistency index with a bootstrap interval, and the weakest slots.
///
/// Intervals: Wilson (1927) for proportions, Student's t for means; slot versus rest by
/// Newcombe's (1998) hybrid score interval and the pooled two-proportion z-test, or by Welch's
/// (1947) t with Satterthwaite's degrees of freedom (see `SlotComparison`). The index follows
/// DerSimonian & Laird (1986) and empirical Bayes shrinkage (see `ConsistencyIndex`).
public struct ConsistencyAnalysis: Hashable, Codable, Sendable {
    /// The dimension's name, e.g. "shift × location", carried into flags.
    public var dimension: String
    /// The measure analysed.
    public var measure: ServiceMeasure
    /// The two-sided confidence level of every interval.
    public var confidence: Double
    /// The fewest observations a slot (and the rest of its dimension) needs to be tested and to
    /// enter the index.
    public var minimumCount: Int
    /// Every observation pooled: its count and mean with interval (Wilson for proportions; for means
    /// the t interval treating all observations as one independent sample).
    public var overall: IntervalEstimate
    /// Total number of observations.
    public var totalCount: Int
    /// One result per input sample, in input order.
    public var slots: [SlotResult]
    /// The consistency index of the slots with enough data; nil when fewer than two have it.
    public var index: ConsistencyIndex?

    /// Analyses the samples of one dimension.
    ///
    /// - Parameters:
    ///   - dimension: a name for the dimension, carried into `ConsistencyScreen` flags.
    ///   - samples: one per slot, with distinct keys; for a proportion each built from 0/1 values.
    ///   - measure: proportion or continuous, its range and direction.
    ///   - confidence: two-sided level of every interval, in (0, 1).
    ///   - minimumCount: the fewest observations for a slot to be tested and enter the index (≥ 2).
    ///   - bootstrapDraws: parametric bootstrap draws for the index interval; 0 for none.
    ///   - rng: the generator for the bootstrap.
    /// - Throws: `ConsistencyError` for invalid parameters, duplicate keys, a proportion's sample
    ///   that is not 0/1, or a slot mean outside the measure's range.
    public init(
        dimension: String = "", samples: [SlotSample], measure: ServiceMeasure, confidence: Double = 0.95,
        minimumCount: Int = 30, bootstrapDraws: Int = 400, using rng: inout some RandomNumberGenerator
    ) throws {
        try Self.validate(
            samples: samples, measure: measure, confidence: confidence, minimumCount: minimumCount,
            bootstrapDraws: bootstrapDraws)
        self.dimension = dimension
        self.measure = measure
        self.confidence = confidence
        self.minimumCount = minimumCount
        let all = SlotSample.pooled(samples, key: "all")
        totalCount = all.count
        overall = Self.meanInterval(all, measure: measure, confidence: confidence)!

        let included = samples.indices.filter { samples[$0].count >= minimumCount }
        var shrunk: [Int: Double] = [:]
        if included.count >= 2 {
            let chosen = included.map { samples[$0] }
            let means = chosen.map(\.mean)
            let variances = ConsistencyIndex.samplingVariances(of: chosen, kind: measure.kind)
            let counts = chosen.map(\.count)
            index = ConsistencyIndex(
                keys: chosen.map(\.key), means: means, samplingVariances: variances, counts: counts,
                lowerBound: measure.lowerBound, upperBound: measure.upperBound)
            if bootstrapDraws > 0 {
                index?.interval = ConsistencyIndex.bootstrapInterval(
                    means: means, samplingVariances: variances, counts: counts, lowerBound: measure.lowerBound,
                    upperBound: measure.upperBound, confidence: confidence, draws: bootstrapDraws, using: &rng)
            }
            if let index {
                for (position, i) in included.enumerated() { shrunk[i] = index.shrunkMeans[position] }
            }
        } else {
            index = nil
        }

        slots = samples.indices.map { i in
            let sample = samples[i]
            let rest = SlotSample.pooled(samples.indices.filter { $0 != i }.map { samples[$0] }, key: "rest")
            let enough = sample.count >= minimumCount && rest.count >= minimumCount
            var comparison: SlotComparison?
            if enough {
                switch measure.kind {
                case .proportion:
                    comparison = .proportions(
                        successes: sample.successes, trials: sample.count, versus: rest.successes, trials: rest.count,
                        confidence: confidence)
                case .continuous:
                    comparison = .means(sample, versus: rest, confidence: confidence)
                }
            }
            return SlotResult(
                key: sample.key, count: sample.count,
                mean: Self.meanInterval(sample, measure: measure, confidence: confidence),
                hasEnoughData: comparison != nil, comparison: comparison,
                isWorse: comparison.map { measure.isWorse(difference: $0.difference.estimate) } ?? false,
                shrunkMean: shrunk[i])
        }
    }

    /// The slots worse than the rest of the dimension, largest gap first (ties by key). Whether a
    /// gap is more than noise is for `ConsistencyScreen` to say.
    public var weakestSlots: [SlotResult] {
        slots.filter(\.isWorse).sorted { a, b in
            let ga = abs(a.gap ?? 0)
            let gb = abs(b.gap ?? 0)
            return ga != gb ? ga > gb : a.key < b.key
        }
    }

    /// The keys of the slots reported as "not enough data".
    public var keysWithoutEnoughData: [String] { slots.filter { !$0.hasEnoughData }.map(\.key) }

    /// A sample's mean with its interval: Wilson (1927) for a proportion; for a mean
    /// x̄ ± t_{n−1, (1+c)/2} s/√n (Student 1908), clamped to the measure's range, and the whole
    /// range when n = 1. Nil when n = 0.
    static func meanInterval(_ sample: SlotSample, measure: ServiceMeasure, confidence: Double) -> IntervalEstimate? {
        guard sample.count > 0 else { return nil }
        switch measure.kind {
        case .proportion:
            let wilson = WilsonInterval(successes: sample.successes, trials: sample.count, confidence: confidence)!
            return IntervalEstimate(estimate: wilson.estimate, lower: wilson.lower, upper: wilson.upper)
        case .continuous:
            let mean = sample.mean
            guard sample.count >= 2 else {
                return IntervalEstimate(estimate: mean, lower: measure.lowerBound, upper: measure.upperBound)
            }
            let t = StudentT.quantile((1 + confidence) / 2, degreesOfFreedom: Double(sample.count - 1))
            let half = t * (sample.variance / Double(sample.count)).squareRoot()
            return IntervalEstimate(
                estimate: mean, lower: max(measure.lowerBound, mean - half), upper: min(measure.upperBound, mean + half)
            )
        }
    }

    static func validate(
        samples: [SlotSample], measure: ServiceMeasure, confidence: Double, minimumCount: Int, bootstrapDraws: Int
    ) throws {
        guard confidence > 0, confidence < 1 else {
            throw ConsistencyError.invalidParameter("confidence must be in (0, 1), got \(confidence)")
        }
        guard minimumCount >= 2 else {
            throw ConsistencyError.invalidParameter("minimum count must be at least 2, got \(minimumCount)")
        }
        guard bootstrapDraws >= 0 else {
            throw ConsistencyError.invalidParameter("bootstrap draws must not be negative")
        }
        guard measure.lowerBound.isFinite, measure.upperBound.isFinite, measure.lowerBound < measure.upperBound else {
            throw ConsistencyError.invalidParameter("the measure's range must be finite and non-empty")
        }
        if measure.kind == .proportion, measure.lowerBound != 0 || measure.upperBound != 1 {
            throw ConsistencyError.invalidParameter("a proportion's range is 0…1")
        }
        guard samples.contains(where: { $0.count > 0 }) else {
            throw ConsistencyError.insufficientData("no observations in any slot")
        }
        var seen: Set<String> = []
        let tolerance = 1e-9 * (measure.upperBound - measure.lowerBound)
        for sample in samples {
            guard seen.insert(sample.key).inserted else { throw ConsistencyError.duplicateKey(sample.key) }
            guard sample.count >= 0, sample.sum.isFinite, sample.sumOfSquares.isFinite else {
                throw ConsistencyError.invalidSample(key: sample.key, reason: "negative count or non-finite sums")
            }
            guard sample.count > 0 else { continue }
            if measure.kind == .proportion, !sample.isBinary {
                throw ConsistencyError.invalidSample(key: sample.key, reason: "a proportion needs 0/1 observations")
            }
            guard sample.mean >= measure.lowerBound - tolerance, sample.mean <= measure.upperBound + tolerance else {
                throw ConsistencyError.invalidSample(key: sample.key, reason: "mean outside the measure's range")
            }
        }
    }
}
