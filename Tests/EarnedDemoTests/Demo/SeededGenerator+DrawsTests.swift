import EarnedDomain
import Foundation
import Testing

@testable import EarnedDemo

@Suite("SeededGenerator draws")
struct SeededGeneratorDrawsTests {
    @Test func sameSeedGivesSameSequenceAndOtherSeedsDiffer() {
        var a = SeededGenerator(seed: 7)
        var b = SeededGenerator(seed: 7)
        var c = SeededGenerator(seed: 8)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        #expect(first != (0..<100).map { _ in c.next() })
        #expect(Set(first).count == 100)
    }

    @Test func streamsOfOneSeedAreIndependent() {
        var zero = SeededGenerator(seed: 1, stream: 0)
        var one = SeededGenerator(seed: 1, stream: 1)
        #expect((0..<10).map { _ in zero.next() } != (0..<10).map { _ in one.next() })
    }

    @Test func uniformAndIntegersStayInRange() {
        var random = SeededGenerator(seed: 3)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 {
            let u = random.uniform()
            #expect(u >= 0 && u < 1)
            counts[random.int(0..<6)] += 1
        }
        // Each face within 5 % of 10,000.
        #expect(counts.allSatisfy { abs($0 - 10_000) < 500 })
        #expect((0..<1_000).allSatisfy { _ in (3...5).contains(random.int(3...5)) })
    }

    @Test(arguments: [(0.5, 2.0), (0.9, 0.05), (3.74, 1 / 15.44), (6.25, 4.0)])
    func gammaHasItsMeanAndVariance(shape: Double, scale: Double) {
        var random = SeededGenerator(seed: 11)
        let draws = (0..<80_000).map { _ in random.gamma(shape: shape, scale: scale) }
        let (mean, variance) = Self.moments(draws)
        #expect(draws.allSatisfy { $0 > 0 })
        #expect(abs(mean / (shape * scale) - 1) < 0.03)
        #expect(abs(variance / (shape * scale * scale) - 1) < 0.08)
    }

    @Test func betaNormalExponentialAndPoissonHaveTheirMeans() {
        var random = SeededGenerator(seed: 5)
        let beta = Self.moments((0..<50_000).map { _ in random.beta(0.5, 5) })
        #expect(abs(beta.mean - 0.5 / 5.5) < 0.005)
        let normal = Self.moments((0..<50_000).map { _ in random.normal(mean: 10, standardDeviation: 2) })
        #expect(abs(normal.mean - 10) < 0.05)
        #expect(abs(normal.variance.squareRoot() - 2) < 0.05)
        let exponential = Self.moments((0..<50_000).map { _ in random.exponential(rate: 4) })
        #expect(abs(exponential.mean - 0.25) < 0.005)
        for mean in [0.7, 4.0, 45.0] {
            let poisson = Self.moments((0..<50_000).map { _ in Double(random.poisson(mean: mean)) })
            #expect(abs(poisson.mean / mean - 1) < 0.03)
            #expect(abs(poisson.variance / mean - 1) < 0.06)
        }
    }

    @Test func uuidsCarryVersionFourAndTheRFCVariant() {
        var random = SeededGenerator(seed: 9)
        let ids = (0..<1_000).map { _ in random.uuid() }
        #expect(Set(ids).count == 1_000)
        for id in ids {
            let text = id.uuidString
            #expect(Array(text)[14] == "4")
            #expect("89AB".contains(Array(text)[19]))
        }
        var again = SeededGenerator(seed: 9)
        #expect(again.uuid() == ids[0])
    }

    static func moments(_ values: [Double]) -> (mean: Double, variance: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (mean, variance)
    }
}
