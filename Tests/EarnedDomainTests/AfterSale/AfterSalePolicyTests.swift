import Foundation
import Testing

@testable import EarnedDomain

@Suite("After-sale policy and steps")
struct AfterSalePolicyTests {
    @Test("the default policy: a visit at handover, then days 1, 7 and 30")
    func defaults() throws {
        let policy = try AfterSalePolicy().validated()
        #expect(policy.handover == .visit)
        #expect(policy.offsetsDays == [1, 7, 30])
    }

    static let offsetCases: [([Int], [String])] = [
        ([], []),
        ([1, 2, 3, 4, 5, 6], []),
        ([365], []),
        ([1, 2, 3, 4, 5, 6, 7], ["offsets_days"]),
        ([0], ["offsets_days.0"]),
        ([1, 366], ["offsets_days.1"]),
        ([-3], ["offsets_days.0"]),
        ([1, 7, 7], ["offsets_days.2"]),
        ([7, 1], ["offsets_days"]),
        ([7, 7, 0], ["offsets_days.1", "offsets_days.2", "offsets_days"]),
    ]

    @Test("offsets: 1 to 365 days, each once, ascending, at most six", arguments: offsetCases)
    func offsets(_ offsets: [Int], _ expected: [String]) {
        let fields = PromiseFixture.invalidFields { _ = try AfterSalePolicy(offsetsDays: offsets).validated() }
        #expect(fields == (expected.isEmpty ? nil : expected))
    }

    @Test("a policy round-trips through JSON with its handover as a string")
    func codable() throws {
        let policy = AfterSalePolicy(handover: .call, offsetsDays: [3, 14])
        let data = try JSONEncoder().encode(policy)
        #expect(String(decoding: data, as: UTF8.self).contains(#""handover":"call""#))
        #expect(try JSONDecoder().decode(AfterSalePolicy.self, from: data) == policy)
    }

    @Test("step keys", arguments: [(FollowUpStep.handover, "handover"), (.day(1), "d1"), (.day(30), "d30")])
    func keys(_ step: FollowUpStep, _ key: String) throws {
        #expect(step.key == key)
        #expect(FollowUpStep(key: key) == step)
        #expect(String(decoding: try JSONEncoder().encode([step]), as: UTF8.self) == "[\"\(key)\"]")
        #expect(try JSONDecoder().decode([FollowUpStep].self, from: Data("[\"\(key)\"]".utf8)) == [step])
    }

    @Test("strings that are not step keys", arguments: ["", "d", "d0", "d-1", "d+7", "d07", "D7", "7", "handover "])
    func notKeys(_ key: String) {
        #expect(FollowUpStep(key: key) == nil)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([FollowUpStep].self, from: try JSONEncoder().encode([key]))
        }
    }

    @Test("steps sort handover first, then by days")
    func order() {
        #expect(
            [FollowUpStep.day(30), .handover, .day(1), .day(7)].sorted() == [.handover, .day(1), .day(7), .day(30)])
    }
}
