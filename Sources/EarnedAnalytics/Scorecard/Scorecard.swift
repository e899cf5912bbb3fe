import EarnedDomain
import Foundation

/// The ten-step scorecard (PRODUCT.md N) of one scope for one period, computed from the
/// records behind each step (`ScorecardObservation`).
///
/// - Shares use the Wilson (1927) score interval; a change against the previous period uses
///   Newcombe's (1998) hybrid score interval for a difference of two proportions.
/// - `buildTrust` is the consistency index of the on-time records across their slots
///   (`ConsistencyAnalysis`), with its bootstrap interval.
/// - Medians and the 90th percentile carry distribution-free intervals from order statistics
///   (Conover, *Practical Nonparametric Statistics*, 3rd ed., 1999, §3.2).
/// - Below `minimumSample` records a figure is "not enough data" (no estimate), never a number.
public struct Scorecard: Sendable, Hashable, Codable {
    public var scope: ScorecardScope
    public var start: Date
    public var end: Date
    public var figures: [ScorecardFigure]

    public init(scope: ScorecardScope, start: Date, end: Date, figures: [ScorecardFigure]) {
        self.scope = scope
        self.start = start
        self.end = end
        self.figures = figures
    }

    /// The figure of a step.
    public func figure(_ step: ScorecardStep) -> ScorecardFigure? { figures.first { $0.step == step } }

    /// The fewest records a share needs before it is shown.
    public static let minimumSample = 30
    /// The fewest records a slot needs to count towards the consistency index.
    public static let minimumSlotSample = 30
    /// The prefix of the `buildTrust` details that name each counted slot.
    public static let slotDetailPrefix = "slot:"

    /// Builds the scorecard of `scope` for [start, end) from every observation (those of other
    /// scopes and times are left out here), with `trendPeriods` earlier periods of the same
    /// length. `department` tells a person's team.
    public static func build(
        scope: ScorecardScope, start: Date, end: Date, observations: [ScorecardObservation], trendPeriods: Int = 5,
        department: (StaffID) -> String? = { _ in nil }, seed: UInt64 = 1
    ) -> Scorecard {
        let length = end.timeIntervalSince(start)
        let earliest = start.addingTimeInterval(-length * Double(trendPeriods))
        var byStep: [ScorecardStep: [ScorecardObservation]] = [:]
        for o in observations where o.at >= earliest && o.at < end && scope.contains(o, department: department) {
            byStep[o.step, default: []].append(o)
        }
        let figures = ScorecardStep.allCases.map { step in
            figure(
                step, start: start, end: end, length: length, trendPeriods: trendPeriods,
                observations: byStep[step] ?? [], seed: seed)
        }
        return Scorecard(scope: scope, start: start, end: end, figures: figures)
    }

    static func figure(
        _ step: ScorecardStep, start: Date, end: Date, length: TimeInterval, trendPeriods: Int,
        observations: [ScorecardObservation], seed: UInt64
    ) -> ScorecardFigure {
        func within(_ from: Date, _ to: Date) -> [ScorecardObservation] {
            observations.filter { $0.at >= from && $0.at < to }
        }
        let current = within(start, end)
        let previous = within(start.addingTimeInterval(-length), start)
        let now = measure(step, current, seed: seed)
        let before = measure(step, previous, seed: seed)
        var trend: [ScorecardFigure.TrendPoint] = []
        for k in stride(from: trendPeriods, through: 1, by: -1) {
            let from = start.addingTimeInterval(-length * Double(k))
            let to = from.addingTimeInterval(length)
            let m = measure(step, within(from, to), seed: seed)
            trend.append(.init(start: from, end: to, value: m.estimate?.value, sampleSize: m.sampleSize))
        }
        var change: ScorecardFigure.Estimate?
        if let a = now.estimate, let b = before.estimate {
            if step.kind == .share {
                change = SlotComparison.proportions(
                    successes: now.successes, trials: now.sampleSize, versus: before.successes,
                    trials: before.sampleSize, confidence: 0.95
                ).map { .init(value: $0.difference.estimate, lower: $0.difference.lower, upper: $0.difference.upper) }
            } else {
                // Independent periods: the difference of two bootstrap-interval estimates, with
                // the half-widths combined in quadrature (a normal approximation).
                let half =
                    ((a.upper - a.lower) / 2 * (a.upper - a.lower) / 2
                    + (b.upper - b.lower) / 2 * (b.upper - b.lower) / 2).squareRoot()
                change = .init(
                    value: a.value - b.value, lower: a.value - b.value - half, upper: a.value - b.value + half)
            }
        }
        return ScorecardFigure(
            step: step, kind: step.kind, estimate: now.estimate, sampleSize: now.sampleSize,
            successes: now.successes, minimumSample: step.kind == .index ? minimumSlotSample : minimumSample,
            details: now.details, trend: trend, change: change)
    }

    struct Measure {
        var estimate: ScorecardFigure.Estimate?
        var sampleSize: Int
        var successes: Int
        var details: [String: Double]
    }

    static func measure(_ step: ScorecardStep, _ records: [ScorecardObservation], seed: UInt64) -> Measure {
        if step.kind == .index { return index(records, seed: seed) }
        let n = records.count
        let k = records.reduce(0) { $0 + ($1.success ? 1 : 0) }
        var estimate: ScorecardFigure.Estimate?
        if n >= minimumSample, let w = WilsonInterval(successes: k, trials: n) {
            estimate = .init(value: w.estimate, lower: w.lower, upper: w.upper)
        }
        var details: [String: Double] = [:]
        let values = records.compactMap(\.value)
        if values.count >= minimumSample {
            switch step {
            case .qualityService:
                if let mean = IntervalEstimate.mean(of: values) {
                    details["csat_mean"] = mean.estimate
                    details["csat_mean_lower"] = mean.lower
                    details["csat_mean_upper"] = mean.upper
                }
            case .solveProblems:
                add(QuantileInterval(values, q: 0.5), as: "fix_hours_median", scale: 1 / 3600, to: &details)
            case .answerFast:
                add(QuantileInterval(values, q: 0.5), as: "first_reply_median_seconds", scale: 1, to: &details)
                add(QuantileInterval(values, q: 0.9), as: "first_reply_p90_seconds", scale: 1, to: &details)
            default: break
            }
        }
        return Measure(estimate: estimate, sampleSize: n, successes: k, details: details)
    }

    static func add(_ q: QuantileInterval?, as name: String, scale: Double, to details: inout [String: Double]) {
        guard let q else { return }
        details[name] = q.value * scale
        details[name + "_lower"] = q.lower * scale
        details[name + "_upper"] = q.upper * scale
    }

    /// The consistency index of the records' success across their slots.
    static func index(_ records: [ScorecardObservation], seed: UInt64) -> Measure {
        var counts: [String: (successes: Int, trials: Int)] = [:]
        for r in records {
            guard let slot = r.slot else { continue }
            counts[slot, default: (0, 0)].trials += 1
            if r.success { counts[slot, default: (0, 0)].successes += 1 }
        }
        let samples = counts.keys.sorted().map { key in
            SlotSample(key: key, successes: counts[key]!.successes, trials: counts[key]!.trials)
        }
        let counted = samples.filter { $0.count >= minimumSlotSample }
        var details: [String: Double] = ["slots": Double(counted.count)]
        // Which slots the index counted ("slot:<key>" = records), so a list of its records can
        // hold exactly those.
        for sample in counted { details[Self.slotDetailPrefix + sample.key] = Double(sample.count) }
        var estimate: ScorecardFigure.Estimate?
        var rng = SeededGenerator(seed: seed)
        if let analysis = try? ConsistencyAnalysis(
            samples: samples, measure: .proportion(higherIsBetter: true), minimumCount: minimumSlotSample,
            using: &rng),
            let index = analysis.index, let interval = index.interval
        {
            estimate = .init(value: index.value, lower: interval.lower, upper: interval.upper)
            details["between_slot_variance"] = index.betweenSlotVariance
        }
        return Measure(
            estimate: estimate, sampleSize: counted.reduce(0) { $0 + $1.count },
            successes: counted.reduce(0) { $0 + $1.successes }, details: details)
    }
}

/// A quantile of a sample with its distribution-free confidence interval from order
/// statistics (Conover 1999, §3.2, the normal approximation to the binomial ranks).
public struct QuantileInterval: Sendable, Hashable {
    public var value: Double
    public var lower: Double
    public var upper: Double

    /// The `q`-quantile (linear interpolation between order statistics, Hyndman & Fan type 7)
    /// and a 95 % interval; nil for an empty sample.
    public init?(_ values: [Double], q: Double, z: Double = 1.959963984540054) {
        guard !values.isEmpty, q > 0, q < 1 else { return nil }
        let x = values.sorted()
        let n = x.count
        let h = Double(n - 1) * q
        let low = Int(h.rounded(.down))
        value = x[low] + (h - Double(low)) * (x[min(low + 1, n - 1)] - x[low])
        let spread = z * (Double(n) * q * (1 - q)).squareRoot()
        let r = max(1, Int((Double(n) * q - spread).rounded(.down)))
        let s = min(n, Int((Double(n) * q + spread).rounded(.up)) + 1)
        lower = x[r - 1]
        upper = x[s - 1]
    }
}
