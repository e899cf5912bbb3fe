import EarnedAnalytics
import EarnedDomain
import Foundation
import Testing

@Suite struct ConsistencyMultipleTestingTests {
    // Benjamini & Hochberg (1995), worked example: fifteen p-values from a clinical trial. At q = 0.05 the
    // step-up rule rejects the four smallest (the largest i with p₍ᵢ₎ ≤ 0.05 · i/15 is i = 4).
    static let paperPValues = [
        0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528,
        0.7590, 1.000,
    ]
    // By hand, 15 p₍ᵢ₎/i then the running minimum from the largest:
    // 0.0015, 0.003, 0.0095, 0.035625, 0.0603, min(0.0695, 0.063857) = 0.063857, 0.063857, 0.0645,
    // 0.0765, 0.486, 0.581182, 0.714875, 0.753231, 0.813214, 1.
    static let handAdjusted = [
        0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0638571, 0.0638571, 0.0645, 0.0765, 0.486, 0.5811818, 0.714875,
        0.7532308, 0.8132143, 1,
    ]

    @Test func matchesTheHandWorkedPaperExample() {
        let q = BenjaminiHochberg.adjust(Self.paperPValues)
        for (got, want) in zip(q, Self.handAdjusted) { #expect(abs(got - want) < 1e-6) }
        #expect(BenjaminiHochberg.rejections(Self.paperPValues, rate: 0.05) == (0..<15).map { $0 < 4 })
    }

    @Test func returnsInputOrderMonotoneAndCapped() {
        var rng = SeededGenerator(seed: 9)
        let order = Array(0..<15).shuffled(using: &rng)
        let shuffled = order.map { Self.paperPValues[$0] }
        let q = BenjaminiHochberg.adjust(shuffled)
        for (position, original) in order.enumerated() {
            #expect(abs(q[position] - Self.handAdjusted[original]) < 1e-6)
        }
        let random = (0..<200).map { _ in pow(RandomVariates.uniform(using: &rng), 3) }
        let adjusted = BenjaminiHochberg.adjust(random)
        for i in random.indices {
            // q ≥ p up to the rounding of m · p / m.
            #expect(adjusted[i] >= random[i] * (1 - 1e-15) && adjusted[i] <= 1)
            for j in random.indices where random[j] < random[i] { #expect(adjusted[j] <= adjusted[i]) }
        }
        #expect(BenjaminiHochberg.adjust([0.9, 0.8]) == [0.9, 0.9])
        #expect(BenjaminiHochberg.adjust([]) == [])
    }
}
