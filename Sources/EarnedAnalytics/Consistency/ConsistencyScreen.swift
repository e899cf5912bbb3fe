import Foundation

/// The weak-slot screen across several analyses at once (several dimensions and measures): every
/// tested slot's p-value enters one Benjamini–Hochberg (1995) adjustment, and a slot is flagged
/// when its adjusted value is at most the false-discovery rate and it is worse than the rest.
/// Adjusting all tests together, not per dimension, keeps the expected share of false flags among
/// all flags at the chosen rate (Benjamini & Hochberg 1995, *J. R. Statist. Soc. B* 57(1),
/// 289–300, Theorem 1 for independent tests; Benjamini & Yekutieli 2001, *Ann. Statist.* 29(4),
/// 1165–1188, for positively dependent ones).
public struct ConsistencyScreen: Hashable, Codable, Sendable {
    /// One tested slot of one analysis.
    public struct Entry: Hashable, Codable, Sendable {
        /// The position of the analysis in the input.
        public var analysisIndex: Int
        /// The analysis's dimension name.
        public var dimension: String
        /// The slot's key.
        public var slotKey: String
        /// Slot mean minus rest mean, with its interval.
        public var gap: IntervalEstimate
        /// The slot's two-sided p-value.
        public var pValue: Double
        /// The Benjamini–Hochberg adjusted p-value over all tests of the screen.
        public var qValue: Double
        /// True when the slot is worse than the rest.
        public var isWorse: Bool
        /// True when q ≤ the false-discovery rate and the slot is worse than the rest.
        public var isFlagged: Bool

        /// An entry from its parts.
        public init(
            analysisIndex: Int, dimension: String, slotKey: String, gap: IntervalEstimate, pValue: Double,
            qValue: Double, isWorse: Bool, isFlagged: Bool
        ) {
            self.analysisIndex = analysisIndex
            self.dimension = dimension
            self.slotKey = slotKey
            self.gap = gap
            self.pValue = pValue
            self.qValue = qValue
            self.isWorse = isWorse
            self.isFlagged = isFlagged
        }
    }

    /// The false-discovery rate the screen was run at.
    public var falseDiscoveryRate: Double
    /// Every tested slot (slots with enough data) of every analysis, in input order.
    public var entries: [Entry]

    /// Screens the analyses at false-discovery rate `falseDiscoveryRate` (0 < rate < 1).
    public init(analyses: [ConsistencyAnalysis], falseDiscoveryRate: Double = 0.05) throws {
        guard falseDiscoveryRate > 0, falseDiscoveryRate < 1 else {
            throw ConsistencyError.invalidParameter("false-discovery rate must be in (0, 1)")
        }
        self.falseDiscoveryRate = falseDiscoveryRate
        var tested: [(analysis: Int, slot: SlotResult, comparison: SlotComparison)] = []
        for (a, analysis) in analyses.enumerated() {
            for slot in analysis.slots {
                if let comparison = slot.comparison { tested.append((a, slot, comparison)) }
            }
        }
        let q = BenjaminiHochberg.adjust(tested.map(\.comparison.pValue))
        entries = tested.indices.map { i in
            let (a, slot, comparison) = tested[i]
            return Entry(
                analysisIndex: a, dimension: analyses[a].dimension, slotKey: slot.key, gap: comparison.difference,
                pValue: comparison.pValue, qValue: q[i], isWorse: slot.isWorse,
                isFlagged: slot.isWorse && q[i] <= falseDiscoveryRate)
        }
    }

    /// The flagged slots, strongest evidence first (smallest q, then largest gap).
    public var flagged: [Entry] {
        entries.filter(\.isFlagged).sorted { a, b in
            a.qValue != b.qValue ? a.qValue < b.qValue : abs(a.gap.estimate) > abs(b.gap.estimate)
        }
    }
}
