import EarnedDomain
import Foundation
import Testing

// Named with its module: this test target has a SplitMix64 `SeededGenerator` of its own
// (Surveys/SurveyFixture.swift), which would otherwise hide the library's.
@Suite struct SeededGeneratorTests {
    @Test func xoshiroMatchesTheReferenceOutputs() {
        // Outputs of the reference C implementation from the state {1, 2, 3, 4}.
        var rng = EarnedDomain.SeededGenerator(state: (1, 2, 3, 4))
        let expected: [UInt64] = [
            11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
            607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
            10_595_114_339_597_558_777, 2_904_607_092_377_533_576,
        ]
        #expect((0..<10).map { _ in rng.next() } == expected)
    }

    @Test func sameSeedRepeatsAndOtherSeedsDiffer() {
        var a = EarnedDomain.SeededGenerator(seed: 42)
        var b = EarnedDomain.SeededGenerator(seed: 42)
        var c = EarnedDomain.SeededGenerator(seed: 43)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
        var jumped = EarnedDomain.SeededGenerator(seed: 42)
        jumped.jump()
        #expect(first != (0..<5).map { _ in jumped.next() })
    }
}
