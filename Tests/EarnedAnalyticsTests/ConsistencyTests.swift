import EarnedAnalytics
import EarnedDomain
import Foundation
import Testing

@Suite struct ConsistencyTests {
    /// A binomial draw: how many of `trials` Bernoulli(p) trials succeed.
    static func binomial(trials: Int, probability p: Double, using rng: inout SeededGenerator) -> Int {
        var successes = 0
        for _ in 0..<trials where RandomVariates.uniform(using: &rng) < p { successes += 1 }
        return successes
    }

    /// Late-delivery samples: slot i has `trials` orders, each late with probability `rates[i]`.
    static func lateSamples(rates: [Double], trials: Int, using rng: inout SeededGenerator) -> [SlotSample] {
        rates.indices.map { i in
            SlotSample(
                key: "slot\(i)", successes: binomial(trials: trials, probability: rates[i], using: &rng), trials: trials
            )
        }
    }

    static let late = ServiceMeasure.proportion(higherIsBetter: false)

    @Test func slotsDrawnFromOneRateLookConsistentAndRarelyFlag() throws {
        // 200 seeds × 8 slots × 2,000 orders, all late with probability 6 %. Every null is true, so
        // the chance of any BH discovery is at most the FDR of 5 % (Benjamini & Hochberg 1995); only
        // "worse" discoveries flag, so about half of that. Binomial standard error over 200 seeds at
        // 5 %: √(0.05 · 0.95 / 200) = 1.5 %; the bound 9 % is 2.6 standard errors above nominal.
        let seeds = 200
        var seedsWithFlags = 0
        var lowestIndex = 1.0
        var exactlyOne = 0
        for seed in 0..<seeds {
            var rng = SeededGenerator(seed: UInt64(10_000 + seed))
            let samples = Self.lateSamples(rates: Array(repeating: 0.06, count: 8), trials: 2000, using: &rng)
            let analysis = try ConsistencyAnalysis(
                dimension: "shift", samples: samples, measure: Self.late, bootstrapDraws: 0, using: &rng)
            let index = try #require(analysis.index)
            lowestIndex = min(lowestIndex, index.value)
            if index.value == 1 { exactlyOne += 1 }
            let screen = try ConsistencyScreen(analyses: [analysis])
            if !screen.flagged.isEmpty { seedsWithFlags += 1 }
        }
        let share = Double(seedsWithFlags) / Double(seeds)
        #expect(share <= 0.09, "share of null seeds with a flag: \(share)")
        #expect(lowestIndex >= 0.95, "lowest index under the null: \(lowestIndex)")
        // τ² is truncated at 0 whenever Q ≤ k − 1, which under the null happens about half the time.
        #expect(exactlyOne >= seeds / 4, "seeds with index exactly 1: \(exactlyOne)")
    }

    @Test func aSlotWithDoubledLatenessIsFlaggedNamedWeakestAndItsGapCovered() throws {
        // Six slots of 2,000 orders; slot2 is late 12 % of the time, the others 6 %. Its true gap to
        // the rest (five 6 % slots pooled) is 0.06; its z is about 0.06 / 0.0062 ≈ 9.7, so it should
        // be flagged every time, and the 95 % Newcombe interval should cover 0.06 in about 95 % of
        // seeds (200 seeds: standard error 1.5 %, bound 90 % is 3.3 standard errors below).
        let seeds = 200
        var covered = 0
        var onlyItFlagged = 0
        for seed in 0..<seeds {
            var rng = SeededGenerator(seed: UInt64(20_000 + seed))
            let samples = Self.lateSamples(rates: [0.06, 0.06, 0.12, 0.06, 0.06, 0.06], trials: 2000, using: &rng)
            let analysis = try ConsistencyAnalysis(
                dimension: "shift", samples: samples, measure: Self.late, bootstrapDraws: 0, using: &rng)
            let screen = try ConsistencyScreen(analyses: [analysis])
            #expect(screen.flagged.contains { $0.slotKey == "slot2" })
            #expect(analysis.weakestSlots.first?.key == "slot2")
            if screen.flagged.map(\.slotKey) == ["slot2"] { onlyItFlagged += 1 }
            let gap = try #require(analysis.slots[2].comparison?.difference)
            if gap.contains(0.06) { covered += 1 }
            // μ = 0.07, unshrunk D = 0.05/6 + 5 · 0.01/6 = 0.0167, Dmax = 0.1302: 1 − D/Dmax ≈ 0.87.
            // DerSimonian–Laird sees one outlier among six, so it shrinks slot2 by about a quarter and
            // the index lands near 0.88 (0.84–0.935 over these seeds), below every null seed's (≥ 0.957).
            let index = try #require(analysis.index)
            #expect(index.value > 0.80 && index.value < 0.95, "index \(index.value)")
        }
        #expect(Double(covered) / Double(seeds) >= 0.90, "coverage \(covered)/\(seeds)")
        #expect(onlyItFlagged >= seeds * 9 / 10, "seeds where only slot2 was flagged: \(onlyItFlagged)")
    }

    @Test func indexMatchesAHandComputationOnThreeSlots() throws {
        // Late shares 30/300 = 0.10, 30/300 = 0.10, 60/300 = 0.20.
        // sᵢ² = p(1 − p)/n = 0.0003, 0.0003, 0.000533…; wᵢ = 1/sᵢ² = 3333.3, 3333.3, 1875; Σw = 8541.7.
        // x̄_w = (2 · 3333.3 · 0.1 + 1875 · 0.2)/8541.7 = 0.121951;
        // Q = 2 · 3333.3 · 0.021951² + 1875 · 0.078049² = 14.6341; C = Σw − Σw²/Σw = 5528.46;
        // τ² = (Q − 2)/C = 0.0022853. μ = 120/900 = 0.133333.
        // θ̂ = μ + τ²/(τ² + s²)(x̄ − μ): 0.103868, 0.103868, 0.187386.
        // D = (|−0.029465| · 2 + 0.054052)/3 = 0.037661; Dmax = 2 · 0.133333 · 0.866667 = 0.231111.
        // index = 1 − 0.037661/0.231111 = 0.837044.
        var rng = SeededGenerator(seed: 1)
        let samples = [
            SlotSample(key: "morning", successes: 30, trials: 300),
            SlotSample(key: "midday", successes: 30, trials: 300),
            SlotSample(key: "evening", successes: 60, trials: 300),
        ]
        let analysis = try ConsistencyAnalysis(samples: samples, measure: Self.late, using: &rng)
        let index = try #require(analysis.index)
        #expect(abs(index.betweenSlotVariance - 0.002285294) < 1e-9)
        #expect(abs(index.overallMean - 0.1333333333) < 1e-9)
        #expect(abs(index.shrunkMeans[0] - 0.10386803) < 1e-7)
        #expect(abs(index.shrunkMeans[2] - 0.18738551) < 1e-7)
        #expect(abs(index.maximumDeviation - 0.2311111111) < 1e-9)
        #expect(abs(index.value - 0.83704407) < 1e-7)
        #expect(analysis.slots[2].shrunkMean == index.shrunkMeans[2])
        // The bootstrap interval (400 draws, the median as pivot) holds the estimate, inside 0…1.
        let interval = try #require(index.interval)
        #expect(interval.estimate == index.value)
        #expect(0 <= interval.lower && interval.lower < index.value && index.value < interval.upper)
        #expect(interval.upper <= 1)
        #expect(analysis.weakestSlots.map(\.key) == ["evening"])
    }

    @Test func equalMeansGiveExactlyOne() throws {
        var rng = SeededGenerator(seed: 2)
        let proportions = [
            SlotSample(key: "a", successes: 30, trials: 300), SlotSample(key: "b", successes: 60, trials: 600),
            SlotSample(key: "c", successes: 15, trials: 150),
        ]
        let p = try ConsistencyAnalysis(samples: proportions, measure: Self.late, using: &rng)
        #expect(p.index?.value == 1)
        #expect(p.index?.betweenSlotVariance == 0)
        let scores: [Double] = Array(repeating: [3, 4, 5, 5, 4], count: 10).flatMap { $0 }
        let csat = try ConsistencyAnalysis(
            samples: [
                SlotSample(key: "a", values: scores), SlotSample(key: "b", values: scores + scores),
                SlotSample(key: "c", values: scores),
            ],
            measure: .csat, using: &rng)
        #expect(csat.index?.value == 1)
        #expect(csat.index?.interval?.upper == 1)
    }

    @Test func slotsSplitIntoBestAndWorstGiveZero() throws {
        var rng = SeededGenerator(seed: 3)
        let proportions = [
            SlotSample(key: "good", successes: 500, trials: 500), SlotSample(key: "bad", successes: 0, trials: 500),
            SlotSample(key: "good2", successes: 1000, trials: 1000),
        ]
        let p = try ConsistencyAnalysis(
            samples: proportions, measure: .proportion(higherIsBetter: true), using: &rng)
        let pIndex = try #require(p.index)
        #expect(pIndex.value < 0.001, "split proportions: \(pIndex.value)")
        let csat = try ConsistencyAnalysis(
            samples: [
                SlotSample(key: "fives", values: Array(repeating: 5, count: 40)),
                SlotSample(key: "ones", values: Array(repeating: 1, count: 60)),
            ],
            measure: .csat, using: &rng)
        // No spread within slots: the whole difference is real, nothing is shrunk.
        #expect(abs(try #require(csat.index).value) < 1e-12)
    }

    @Test(arguments: 0..<40)
    func indexStaysWithinZeroAndOne(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(30_000 + seed))
        let k = 2 + Int(RandomVariates.uniform(using: &rng) * 8)
        let rates = (0..<k).map { _ in
            [0, 1, RandomVariates.uniform(using: &rng)][Int(RandomVariates.uniform(using: &rng) * 3)]
        }
        let trials = 30 + Int(RandomVariates.uniform(using: &rng) * 300)
        let samples = Self.lateSamples(rates: rates, trials: trials, using: &rng)
        let analysis = try ConsistencyAnalysis(samples: samples, measure: Self.late, bootstrapDraws: 50, using: &rng)
        let index = try #require(analysis.index)
        #expect(index.value >= 0 && index.value <= 1)
        let interval = try #require(index.interval)
        #expect(interval.lower >= 0 && interval.upper <= 1 && interval.lower <= interval.upper)
    }

    /// The defect the demo showed: an index outside its own interval. On many simulated
    /// businesses, with slots that differ and slots that do not, the estimate lies inside.
    @Test(arguments: 0..<200)
    func estimateLiesInsideItsInterval(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(50_000 + seed))
        // Up to 150 slots, as weekday × hour gives: the more slots, the further the draws fell
        // below the estimate.
        let k = 2 + Int(RandomVariates.uniform(using: &rng) * 150)
        let base = 0.05 + RandomVariates.uniform(using: &rng) * 0.5
        let spread = RandomVariates.uniform(using: &rng) * 0.2
        let rates = (0..<k).map { _ in min(0.99, max(0.01, base + spread * (RandomVariates.uniform(using: &rng) - 0.5)))
        }
        let trials = 30 + Int(RandomVariates.uniform(using: &rng) * 2000)
        let samples = Self.lateSamples(rates: rates, trials: trials, using: &rng)
        let analysis = try ConsistencyAnalysis(samples: samples, measure: Self.late, bootstrapDraws: 200, using: &rng)
        let index = try #require(analysis.index)
        let interval = try #require(index.interval)
        #expect(
            interval.lower <= index.value && index.value <= interval.upper,
            "index \(index.value) outside \(interval.lower)–\(interval.upper)")
    }

    @Test func smallSlotsAreNotEnoughDataAndNeverFlagged() throws {
        var rng = SeededGenerator(seed: 4)
        let samples = [
            SlotSample(key: "big1", successes: 60, trials: 1000),
            SlotSample(key: "big2", successes: 62, trials: 1000),
            SlotSample(key: "tiny", successes: 15, trials: 20),  // 75 % late, but only 20 orders
        ]
        let analysis = try ConsistencyAnalysis(samples: samples, measure: Self.late, using: &rng)
        let tiny = analysis.slots[2]
        #expect(!tiny.hasEnoughData)
        #expect(tiny.comparison == nil)
        #expect(!tiny.isWorse)
        #expect(tiny.shrunkMean == nil)
        #expect(tiny.mean?.estimate == 0.75)
        #expect(analysis.keysWithoutEnoughData == ["tiny"])
        #expect(analysis.index?.keys == ["big1", "big2"])
        #expect(!analysis.weakestSlots.contains { $0.key == "tiny" })
        let screen = try ConsistencyScreen(analyses: [analysis])
        #expect(!screen.entries.contains { $0.slotKey == "tiny" })
        // The tiny slot still counts in the overall mean and in the others' "rest".
        #expect(analysis.totalCount == 2020)
        #expect(abs(analysis.overall.estimate - 137.0 / 2020) < 1e-12)
        // With one slot left at the minimum, there is no index.
        let lonely = try ConsistencyAnalysis(
            samples: [samples[0], samples[2]], measure: Self.late, using: &rng)
        #expect(lonely.index == nil)
        #expect(lonely.slots.allSatisfy { !$0.hasEnoughData })
    }

    @Test func theScreenAdjustsAcrossDimensionsTogether() throws {
        var rng = SeededGenerator(seed: 5)
        // Alone, the evening slot's p = 0.0143 gives q = 3 · 0.0143 = 0.043 ≤ 0.05: flagged.
        let shifts = try ConsistencyAnalysis(
            dimension: "shift",
            samples: [
                SlotSample(key: "evening", successes: 78, trials: 1000),
                SlotSample(key: "morning", successes: 55, trials: 1000),
                SlotSample(key: "day", successes: 55, trials: 1000),
            ],
            measure: Self.late, using: &rng)
        let evening = try #require(shifts.slots[0].comparison)
        #expect(abs(evening.pValue - 0.0142743) < 1e-6)
        let alone = try ConsistencyScreen(analyses: [shifts])
        #expect(alone.flagged.map(\.slotKey) == ["evening"])
        // With 20 more tests (20 identical people), m = 23 and q = 23 · 0.0143 = 0.33: not flagged.
        let people = try ConsistencyAnalysis(
            dimension: "person",
            samples: (0..<20).map { SlotSample(key: "person\($0)", successes: 60, trials: 1000) },
            measure: Self.late, using: &rng)
        let together = try ConsistencyScreen(analyses: [shifts, people])
        #expect(together.entries.count == 23)
        #expect(together.flagged.isEmpty)
        let q = BenjaminiHochberg.adjust(together.entries.map(\.pValue))
        #expect(together.entries.map(\.qValue) == q)
        #expect(abs(together.entries[0].qValue - 0.3283079) < 1e-6)
        #expect(together.entries[20].dimension == "person" && together.entries[20].analysisIndex == 1)
    }

    @Test func significantlyBetterSlotsAreNotFlagged() throws {
        var rng = SeededGenerator(seed: 6)
        let analysis = try ConsistencyAnalysis(
            samples: [
                SlotSample(key: "star", successes: 10, trials: 1000),
                SlotSample(key: "a", successes: 60, trials: 1000),
                SlotSample(key: "b", successes: 60, trials: 1000),
            ],
            measure: Self.late, using: &rng)
        let star = analysis.slots[0]
        #expect(try #require(star.comparison).pValue < 1e-6)
        #expect(!star.isWorse)
        let screen = try ConsistencyScreen(analyses: [analysis])
        #expect(!screen.flagged.contains { $0.slotKey == "star" })
        // The other two are worse than a rest that includes the star, and flagged.
        #expect(Set(screen.flagged.map(\.slotKey)) == ["a", "b"])
    }

    @Test func directionFollowsHigherIsBetter() throws {
        var rng = SeededGenerator(seed: 7)
        let low = (0..<40).map { Double(3 + $0 % 2) }  // mean 3.5
        let high = (0..<40).map { Double(4 + $0 % 2) }  // mean 4.5
        let samples = [SlotSample(key: "low", values: low), SlotSample(key: "high", values: high)]
        let csat = try ConsistencyAnalysis(samples: samples, measure: .csat, using: &rng)
        #expect(csat.weakestSlots.map(\.key) == ["low"])
        let minutes = try ConsistencyAnalysis(
            samples: samples, measure: .continuous(range: 0...60, higherIsBetter: false), using: &rng)
        #expect(minutes.weakestSlots.map(\.key) == ["high"])
        #expect(csat.slots[0].comparison?.method == .welch)
    }

    @Test func invalidInputIsRejected() {
        var rng = SeededGenerator(seed: 8)
        let ok = SlotSample(key: "a", successes: 5, trials: 50)
        #expect(throws: ConsistencyError.duplicateKey("a")) {
            try ConsistencyAnalysis(samples: [ok, ok], measure: Self.late, using: &rng)
        }
        #expect(throws: ConsistencyError.self) {
            try ConsistencyAnalysis(samples: [SlotSample(key: "x", values: [0.5, 1])], measure: Self.late, using: &rng)
        }
        #expect(throws: ConsistencyError.self) {
            try ConsistencyAnalysis(samples: [SlotSample(key: "x", values: [7, 9])], measure: .csat, using: &rng)
        }
        #expect(throws: ConsistencyError.self) {
            try ConsistencyAnalysis(samples: [ok], measure: Self.late, confidence: 1, using: &rng)
        }
        #expect(throws: ConsistencyError.self) {
            try ConsistencyAnalysis(samples: [ok], measure: Self.late, minimumCount: 1, using: &rng)
        }
    }
}
