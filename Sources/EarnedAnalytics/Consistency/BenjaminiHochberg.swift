import Foundation

/// The Benjamini–Hochberg step-up procedure controlling the false-discovery rate (Benjamini &
/// Hochberg 1995, "Controlling the false discovery rate: a practical and powerful approach to
/// multiple testing", *J. R. Statist. Soc. B* 57(1), 289–300).
public enum BenjaminiHochberg {
    /// BH-adjusted p-values ("q-values") in input order: with p₍₁₎ ≤ … ≤ p₍ₘ₎,
    /// q₍ᵢ₎ = min over j ≥ i of min(1, m·p₍ⱼ₎ / j), so q is monotone in p and capped at 1; rejecting
    /// every hypothesis with q ≤ α is the 1995 step-up rule at level α. A NaN p-value counts as 1.
    public static func adjust(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        guard m > 0 else { return [] }
        let p = pValues.map { $0.isNaN ? 1 : min(max($0, 0), 1) }
        // Ties keep input order so equal p-values get equal q-values either way.
        let order = p.indices.sorted { p[$0] != p[$1] ? p[$0] < p[$1] : $0 < $1 }
        var adjusted = [Double](repeating: 1, count: m)
        var running = 1.0
        for rank in stride(from: m, through: 1, by: -1) {
            let i = order[rank - 1]
            running = min(running, Double(m) * p[i] / Double(rank))
            adjusted[i] = running
        }
        return adjusted
    }

    /// Which hypotheses the step-up rule rejects at false-discovery rate `rate`, in input order.
    public static func rejections(_ pValues: [Double], rate: Double) -> [Bool] {
        adjust(pValues).map { $0 <= rate }
    }
}
