import EarnedAnalytics
import Foundation
import Testing

@Suite struct WilsonIntervalTests {
    static let z95 = 1.959963984540054

    @Test(arguments: [
        (0, 10, 0.0, 0.2775328),
        (1, 10, 0.0178762, 0.4041500),
        (81, 263, 0.2552885, 0.3662096),
        (999, 1000, 0.9943574, 0.9998235),
    ])
    func matchesReferenceValuesToSevenDecimals(successes: Int, trials: Int, lower: Double, upper: Double) throws {
        let interval = try #require(WilsonInterval(successes: successes, trials: trials, z: Self.z95))
        #expect(abs(interval.lower - lower) < 5e-8)
        #expect(abs(interval.upper - upper) < 5e-8)
    }

    @Test func confidenceLevelGivesTheSameIntervalAsItsZ() throws {
        let byLevel = try #require(WilsonInterval(successes: 81, trials: 263, confidence: 0.95))
        let byZ = try #require(WilsonInterval(successes: 81, trials: 263, z: Self.z95))
        #expect(abs(byLevel.z - Self.z95) < 1e-14)
        #expect(abs(byLevel.lower - byZ.lower) < 1e-14)
        #expect(abs(byLevel.upper - byZ.upper) < 1e-14)
    }

    @Test func boundsAreExactAtTheEdgesAndContainTheEstimate() throws {
        let none = try #require(WilsonInterval(successes: 0, trials: 7))
        let all = try #require(WilsonInterval(successes: 7, trials: 7))
        #expect(none.lower == 0)
        #expect(all.upper == 1)
        let some = try #require(WilsonInterval(successes: 3, trials: 7, confidence: 0.99))
        #expect(some.lower < some.estimate && some.estimate < some.upper)
        let narrower = try #require(WilsonInterval(successes: 3, trials: 7, confidence: 0.8))
        #expect(narrower.upper - narrower.lower < some.upper - some.lower)
    }

    @Test func rejectsImpossibleCounts() {
        #expect(WilsonInterval(successes: 1, trials: 0) == nil)
        #expect(WilsonInterval(successes: 11, trials: 10) == nil)
        #expect(WilsonInterval(successes: -1, trials: 10) == nil)
        #expect(WilsonInterval(successes: 1, trials: 10, confidence: 1) == nil)
    }
}
