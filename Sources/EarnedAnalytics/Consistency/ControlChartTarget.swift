import Foundation

/// The in-control level a chart watches for departures from, and the standardisation of each
/// period against it (Montgomery, *Introduction to Statistical Quality Control*, 8th ed., 2019,
/// §6.2 and §7.2): for means z = (x̄ − μ₀)/(σ/√n); for proportions z = (p − p₀)/√(p₀(1 − p₀)/n).
/// In control z ~ N(0, 1) approximately whatever each period's n, so EWMA and CUSUM run on z.
public struct ControlChartTarget: Hashable, Codable, Sendable {
    /// Means or proportions.
    public enum Kind: String, Hashable, Codable, Sendable {
        /// Each point is the mean of n observations with standard deviation σ.
        case mean
        /// Each point is the share of n 0/1 observations.
        case proportion
    }

    /// Means or proportions.
    public var kind: Kind
    /// The target μ₀ (or p₀).
    public var centre: Double
    /// The standard deviation σ of one observation (for a proportion √(p₀(1 − p₀))).
    public var sigma: Double

    /// A known target mean μ₀ and per-observation standard deviation σ > 0.
    public static func mean(target: Double, sigma: Double) throws -> ControlChartTarget {
        guard target.isFinite, sigma > 0, sigma.isFinite else {
            throw ConsistencyError.invalidParameter("a mean target needs a finite μ₀ and σ > 0")
        }
        return ControlChartTarget(kind: .mean, centre: target, sigma: sigma)
    }

    /// A known target proportion p₀ strictly between 0 and 1.
    public static func proportion(target: Double) throws -> ControlChartTarget {
        guard target > 0, target < 1 else {
            throw ConsistencyError.invalidParameter("a proportion target must be strictly between 0 and 1")
        }
        return ControlChartTarget(kind: .proportion, centre: target, sigma: (target * (1 - target)).squareRoot())
    }

    /// The target estimated from the baseline window `baseline` (indices into `points`), as in
    /// Phase I of Montgomery (8th ed., §6.3 and §7.2). Proportions: p₀ = Σnᵢpᵢ / Σnᵢ. Means:
    /// μ₀ = Σnᵢx̄ᵢ / Σnᵢ, and σ the pooled within-period deviation √(Σ(nᵢ − 1)sᵢ² / Σ(nᵢ − 1)) when
    /// every baseline point carries its standard deviation and n ≥ 2 (Montgomery §6.3); otherwise
    /// from the spread of the period means, σ̂² = Σnᵢ(x̄ᵢ − μ₀)² / (m − 1), since Var(x̄ᵢ) = σ²/nᵢ
    /// (with nᵢ = 1 this is the ordinary sample variance of individual values).
    public static func estimated(
        _ kind: Kind, from points: [ControlChartPoint], baseline: Range<Int>
    ) throws -> ControlChartTarget {
        guard baseline.lowerBound >= 0, baseline.upperBound <= points.count, baseline.count >= 2 else {
            throw ConsistencyError.invalidParameter("the baseline must name at least two points of the series")
        }
        let window = Array(points[baseline])
        guard window.allSatisfy({ $0.count >= 1 && $0.value.isFinite }) else {
            throw ConsistencyError.insufficientData("every baseline point needs n ≥ 1 and a finite value")
        }
        let total = Double(window.reduce(0) { $0 + $1.count })
        let centre = window.reduce(0) { $0 + Double($1.count) * $1.value } / total
        switch kind {
        case .proportion:
            return try proportion(target: centre)
        case .mean:
            let sigma: Double
            if window.allSatisfy({ $0.count >= 2 && $0.standardDeviation != nil }) {
                let numerator = window.reduce(0) { sum, point in
                    let s = point.standardDeviation!
                    return sum + Double(point.count - 1) * s * s
                }
                let denominator = window.reduce(0) { $0 + Double($1.count - 1) }
                sigma = (numerator / denominator).squareRoot()
            } else {
                let spread = window.reduce(0) { $0 + Double($1.count) * ($1.value - centre) * ($1.value - centre) }
                sigma = (spread / Double(window.count - 1)).squareRoot()
            }
            guard sigma > 0 else {
                throw ConsistencyError.insufficientData("the baseline shows no variation to estimate σ from")
            }
            return try mean(target: centre, sigma: sigma)
        }
    }

    /// The standard error of a period mean with n observations, σ/√n (√(p₀(1 − p₀)/n)).
    public func standardError(count: Int) -> Double { sigma / Double(count).squareRoot() }

    /// The standardised value z = (x̄ − μ₀)/(σ/√n) of one point.
    public func standardize(_ point: ControlChartPoint) throws -> Double {
        guard point.count >= 1, point.value.isFinite else {
            throw ConsistencyError.invalidParameter("period \(point.period) needs n ≥ 1 and a finite value")
        }
        return (point.value - centre) / standardError(count: point.count)
    }

    /// The standardised values of all points, in order.
    public func standardize(_ points: [ControlChartPoint]) throws -> [Double] {
        try points.map { try standardize($0) }
    }
}
