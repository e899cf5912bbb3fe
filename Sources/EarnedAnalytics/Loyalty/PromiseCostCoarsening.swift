import Foundation

/// The coarsening of coarsened exact matching — Iacus, King & Porro (2012), "Causal inference
/// without balance checking: coarsened exact matching", Political Analysis 20(1), 1–24, §2:
/// each unit's earlier purchasing is cut into bins, and units sharing every bin form a stratum.
///
/// Bins: prior purchases by `purchaseBinStarts` (0, 1, 2, 3–4, 5–8, 9+ by default); prior spend
/// zero (or less) in a bin of its own and positive spend in `spendQuantileBins` bins cut at the
/// quantiles of the positive prior spend of all units (tertiles by default; quantiles by linear
/// interpolation, Hyndman & Fan 1996, type 7); days since the previous purchase "none" in a bin
/// of its own and otherwise cut at `recencyCuts` (≤ 30, 31–90, 91–180, 181–365, over 365 days).
public struct PromiseCostCoarsening: Hashable, Codable, Sendable {
    /// The lowest prior purchase count of each purchase bin, ascending, starting at 0.
    public var purchaseBinStarts: [Int]
    /// Quantile bins of positive prior spend (1 keeps all positive spend together).
    public var spendQuantileBins: Int
    /// Upper ends (inclusive) of the recency bins, in days, ascending; beyond the last is a bin.
    public var recencyCuts: [Double]

    /// The default bins of Earned: purchases 0, 1, 2, 3–4, 5–8, 9+; spend tertiles; recency
    /// ≤ 30, ≤ 90, ≤ 180, ≤ 365, over 365 days, none.
    public static let standard = PromiseCostCoarsening()

    /// A coarsening with the given bins.
    public init(
        purchaseBinStarts: [Int] = [0, 1, 2, 3, 5, 9], spendQuantileBins: Int = 3,
        recencyCuts: [Double] = [30, 90, 180, 365]
    ) {
        self.purchaseBinStarts = purchaseBinStarts
        self.spendQuantileBins = spendQuantileBins
        self.recencyCuts = recencyCuts
    }

    /// The stratum of every unit, in input order: equal values share every bin.
    public func strata(_ units: [PromiseCostUnit]) -> [Stratum] {
        let spendCuts = spendCutPoints(units.map(\.priorSpend))
        return units.map { unit in
            Stratum(
                purchaseBin: purchaseBinStarts.lastIndex { $0 <= unit.priorPurchases } ?? 0,
                spendBin: unit.priorSpend > 0 ? 1 + spendCuts.count { unit.priorSpend > $0 } : 0,
                recencyBin: unit.daysSincePreviousPurchase.map { days in 1 + recencyCuts.count { days > $0 } } ?? 0)
        }
    }

    /// The inner quantile cut points of the positive values (type 7 of Hyndman & Fan 1996,
    /// "Sample quantiles in statistical packages", The American Statistician 50(4), 361–365).
    func spendCutPoints(_ spend: [Double]) -> [Double] {
        let positive = spend.filter { $0 > 0 }.sorted()
        guard spendQuantileBins > 1, !positive.isEmpty else { return [] }
        return (1..<spendQuantileBins).map { j in
            let h = Double(positive.count - 1) * Double(j) / Double(spendQuantileBins)
            let low = Int(h.rounded(.down))
            let high = min(low + 1, positive.count - 1)
            return positive[low] + (h - Double(low)) * (positive[high] - positive[low])
        }
    }

    /// One cell of the coarsened space: a bin of each variable.
    public struct Stratum: Hashable, Comparable, Codable, Sendable {
        /// Index into `purchaseBinStarts`.
        public var purchaseBin: Int
        /// 0 for no spend, then 1… for the quantile bins.
        public var spendBin: Int
        /// 0 for no previous purchase, then 1… for the recency bins.
        public var recencyBin: Int

        /// A stratum from its bins.
        public init(purchaseBin: Int, spendBin: Int, recencyBin: Int) {
            self.purchaseBin = purchaseBin
            self.spendBin = spendBin
            self.recencyBin = recencyBin
        }

        /// Lexicographic order, for a deterministic order of summation.
        public static func < (lhs: Stratum, rhs: Stratum) -> Bool {
            (lhs.purchaseBin, lhs.spendBin, lhs.recencyBin) < (rhs.purchaseBin, rhs.spendBin, rhs.recencyBin)
        }
    }
}
