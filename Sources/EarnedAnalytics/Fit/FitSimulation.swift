import Foundation

/// Simulated customers for benchmarks and round-trip tests of `earned fit`: a cohort drawn by
/// `CustomerSimulator` from BG/NBD (Fader, Hardie & Lee 2005) and Gamma-Gamma (Fader & Hardie
/// 2013) parameters, with ages T uniform over a range, summarised as `FitData` in weeks.
public struct FitSimulation: Sendable, Hashable {
    /// The published CDNOW BG/NBD estimates, per week: r = 0.243, α = 4.414, a = 0.793, b = 2.426
    /// (Fader, Hardie & Lee 2005, §5).
    public static let cdnowPurchases = BGNBD(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
    /// The published CDNOW Gamma-Gamma estimates: p = 6.25, q = 3.74, γ = 15.44 (Fader & Hardie
    /// 2013).
    public static let cdnowSpend = GammaGamma(p: 6.25, q: 3.74, gamma: 15.44)
    /// Ages of the CDNOW cohort in weeks: first purchases in the first quarter of 1997 and
    /// calibration ending 1997-09-30 give T between about 26 and 39 weeks.
    public static let cdnowAges: ClosedRange<Double> = 26...39

    /// Purchase-process parameters (per week).
    public var purchases: BGNBD
    /// Spend parameters.
    public var spend: GammaGamma
    /// Range of the ages T, in weeks; ages are uniform over it.
    public var ages: ClosedRange<Double>
    /// Grid that purchase times and ages are floored to (1/7: whole days), same-grid purchases
    /// merged; `nil` for continuous time.
    public var resolution: Double?

    /// A simulation of CDNOW-like customers by default: the published parameters, ages 26–39
    /// weeks, times in whole days.
    public init(
        purchases: BGNBD = Self.cdnowPurchases, spend: GammaGamma = Self.cdnowSpend,
        ages: ClosedRange<Double> = Self.cdnowAges, resolution: Double? = 1.0 / 7
    ) {
        self.purchases = purchases
        self.spend = spend
        self.ages = ages
        self.resolution = resolution
    }

    /// Draws `count` customers with `rng` (e.g. `SeededGenerator(seed:)`), numbered 1…count.
    public func simulate(count: Int, using rng: inout some RandomNumberGenerator) -> FitData {
        let cohort = CustomerSimulator(purchases: purchases, spend: spend)
            .simulate(count: count, ages: ages, resolution: resolution, using: &rng)
        return FitData(
            kind: .summary, records: count, customerIDs: nil, frequency: cohort.frequency, recency: cohort.recency,
            age: cohort.age, averageSpend: cohort.averageSpend, calibrationEnd: nil, timeUnit: .weeks)
    }
}
