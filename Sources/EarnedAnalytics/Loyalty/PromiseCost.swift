import Foundation

/// What a broken or late promise (or a late reply) costs in later purchasing, estimated from the
/// business's own data (PRODUCT capability L, thesis T10) by coarsened exact matching — Iacus,
/// King & Porro (2012), "Causal inference without balance checking: coarsened exact matching",
/// Political Analysis 20(1), 1–24.
///
/// Units are customers at an anchor (e.g. their first promise in the window): exposed when it was
/// broken or late, controls when it was kept on time. `PromiseCostCoarsening` cuts earlier
/// purchasing (prior purchases, prior spend, recency) into strata; strata without both groups are
/// discarded. The average effect on the exposed (ATT) is the difference of means within each
/// stratum weighted by its share of the matched exposed, w_s = n_E,s / N_E (the CEM weights of
/// §3 of the paper): ATT = Σ_s w_s (ȳ_E,s − ȳ_C,s).
///
/// Interval: the stratified (Neyman) variance with the weights held fixed, as for a stratified
/// randomised experiment — Imbens & Rubin (2015), *Causal Inference for Statistics, Social, and
/// Biomedical Sciences*, ch. 9: V = Σ_s w_s² (s²_E,s / n_E,s + s²_C,s / n_C,s), normal
/// quantiles. A group with a single unit in a stratum borrows that group's pooled within-stratum
/// variance. The relative effect (ATT over the matched control mean) gets its interval from the
/// delta method on log(ȳ_E / ȳ_C) (Casella & Berger 2002, *Statistical Inference*, §5.5.4), so
/// it never falls below −100 %. No random numbers are drawn, so no generator is needed.
///
/// "Not enough data" below `minimumExposed` matched exposed or `minimumControls` matched
/// controls (30 each by default): fewer give intervals too wide to act on and make the normal
/// approximation doubtful.
public struct PromiseCost: Hashable, Codable, Sendable {
    /// H: the days after the anchor that the outcomes cover (reported with the estimate).
    public var horizonDays: Int
    /// How earlier purchasing is cut into strata.
    public var coarsening: PromiseCostCoarsening
    /// Fewest matched exposed units for an estimate.
    public var minimumExposed: Int
    /// Fewest matched control units for an estimate.
    public var minimumControls: Int
    /// Two-sided confidence level of the intervals, in (0, 1).
    public var confidence: Double

    /// An estimator for outcomes over `horizonDays` days after the anchor.
    public init(
        horizonDays: Int, coarsening: PromiseCostCoarsening = .standard, minimumExposed: Int = 30,
        minimumControls: Int = 30, confidence: Double = 0.95
    ) {
        self.horizonDays = horizonDays
        self.coarsening = coarsening
        self.minimumExposed = minimumExposed
        self.minimumControls = minimumControls
        self.confidence = confidence
    }

    /// The ATT on purchases and on spend of `units`, or "not enough data".
    public func estimate(_ units: [PromiseCostUnit]) -> PromiseCostResult {
        precondition(confidence > 0 && confidence < 1, "confidence must be in (0, 1)")
        var cells: [PromiseCostCoarsening.Stratum: (exposed: [Int], controls: [Int])] = [:]
        for (index, stratum) in coarsening.strata(units).enumerated() {
            if units[index].isExposed {
                cells[stratum, default: ([], [])].exposed.append(index)
            } else {
                cells[stratum, default: ([], [])].controls.append(index)
            }
        }
        let matched = cells.keys.sorted()
            .compactMap { key -> Cell? in
                guard let cell = cells[key], !cell.exposed.isEmpty, !cell.controls.isEmpty else { return nil }
                return Cell(exposed: cell.exposed, controls: cell.controls)
            }
        let exposed = units.count { $0.isExposed }
        let controls = units.count - exposed
        let matchedExposed = matched.reduce(0) { $0 + $1.exposed.count }
        let matchedControls = matched.reduce(0) { $0 + $1.controls.count }
        guard matchedExposed >= max(1, minimumExposed), matchedControls >= max(1, minimumControls) else {
            return .notEnoughData(
                .init(
                    matchedExposed: matchedExposed, matchedControls: matchedControls, exposed: exposed,
                    controls: controls, minimumExposed: minimumExposed, minimumControls: minimumControls))
        }
        let z = SpecialFunctions.normalQuantile((1 + confidence) / 2)
        let purchases = effect(units, matched, z: z) { Double($0.purchasesAfter) }
        let spend = effect(units, matched, z: z) { $0.spendAfter }
        return .estimated(
            PromiseCostEstimate(
                horizonDays: horizonDays, confidence: confidence, purchases: purchases, spend: spend,
                matchedExposed: matchedExposed, matchedControls: matchedControls,
                discardedExposed: exposed - matchedExposed, discardedControls: controls - matchedControls,
                matchedStrata: matched.count))
    }

    /// The indices of a matched stratum's exposed and control units.
    struct Cell {
        var exposed: [Int]
        var controls: [Int]
    }

    /// Count, mean and sum of squared deviations of one group in one stratum.
    struct Moments {
        var count: Int
        var mean: Double
        var squares: Double

        init(_ values: [Double]) {
            let mean = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
            count = values.count
            self.mean = mean
            squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        }

        /// The sample variance, or `fallback` for a single value.
        func variance(fallback: Double) -> Double { count > 1 ? squares / Double(count - 1) : fallback }
    }

    /// The ATT of one outcome over the matched strata, with the naive difference over all units.
    func effect(
        _ units: [PromiseCostUnit], _ cells: [Cell], z: Double, outcome: (PromiseCostUnit) -> Double
    ) -> EffectOnExposed {
        let exposedMoments = cells.map { Moments($0.exposed.map { outcome(units[$0]) }) }
        let controlMoments = cells.map { Moments($0.controls.map { outcome(units[$0]) }) }
        let pooledExposed = Self.pooledVariance(exposedMoments)
        let pooledControls = Self.pooledVariance(controlMoments)
        let totalExposed = Double(exposedMoments.reduce(0) { $0 + $1.count })

        var exposedMean = 0.0
        var controlMean = 0.0
        var exposedVariance = 0.0
        var controlVariance = 0.0
        for (e, c) in zip(exposedMoments, controlMoments) {
            let w = Double(e.count) / totalExposed
            exposedMean += w * e.mean
            controlMean += w * c.mean
            exposedVariance += w * w * e.variance(fallback: pooledExposed) / Double(e.count)
            controlVariance += w * w * c.variance(fallback: pooledControls) / Double(c.count)
        }
        let standardError = (exposedVariance + controlVariance).squareRoot()
        let difference = exposedMean - controlMean

        var relativeLower: Double?
        var relativeUpper: Double?
        if exposedMean > 0, controlMean > 0 {
            let logRatio = log(exposedMean / controlMean)
            let logError =
                (exposedVariance / (exposedMean * exposedMean) + controlVariance / (controlMean * controlMean))
                .squareRoot()
            relativeLower = exp(logRatio - z * logError) - 1
            relativeUpper = exp(logRatio + z * logError) - 1
        }

        let naiveExposed = Moments(units.filter(\.isExposed).map(outcome))
        let naiveControls = Moments(units.filter { !$0.isExposed }.map(outcome))
        let naiveError =
            (naiveExposed.variance(fallback: 0) / Double(max(1, naiveExposed.count))
            + naiveControls.variance(fallback: 0) / Double(max(1, naiveControls.count))).squareRoot()
        let naiveDifference = naiveExposed.mean - naiveControls.mean

        return EffectOnExposed(
            exposedMean: exposedMean, matchedControlMean: controlMean, standardError: standardError,
            lower: difference - z * standardError, upper: difference + z * standardError,
            relativeLower: relativeLower, relativeUpper: relativeUpper, naiveExposedMean: naiveExposed.mean,
            naiveControlMean: naiveControls.mean, naiveLower: naiveDifference - z * naiveError,
            naiveUpper: naiveDifference + z * naiveError)
    }

    /// The pooled within-stratum variance Σ (n_s − 1) s²_s / Σ (n_s − 1) of one group; when no
    /// stratum has two units, the variance of the stratum means around their mean (0 for one).
    static func pooledVariance(_ moments: [Moments]) -> Double {
        let degrees = moments.reduce(0) { $0 + max(0, $1.count - 1) }
        if degrees > 0 { return moments.reduce(0) { $0 + $1.squares } / Double(degrees) }
        return Moments(moments.map(\.mean)).variance(fallback: 0)
    }
}
