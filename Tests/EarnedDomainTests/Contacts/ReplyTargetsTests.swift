import Foundation
import Testing

@testable import EarnedDomain

@Suite("Reply targets")
struct ReplyTargetsTests {
    typealias F = ClockFixture

    /// Channel, first-response minutes, resolution minutes.
    static let defaultTable: [(InboundContact.Channel, Double, Double)] = [
        (.call, 60, 480), (.email, 240, 1440), (.chat, 10, 240), (.messenger, 30, 480), (.review, 480, 2880),
        (.visit, 15, 480),
    ]

    @Test("normal-priority defaults per channel", arguments: defaultTable)
    func defaults(_ channel: InboundContact.Channel, _ firstMinutes: Double, _ resolutionMinutes: Double) {
        let target = ReplyTargets.standard.target(for: channel, priority: .normal)
        #expect(target == ServiceTarget(firstResponse: firstMinutes * 60, resolution: resolutionMinutes * 60))
    }

    @Test(
        "priority factors scale the channel's targets",
        arguments: [(.urgent, 1, 6), (.high, 2, 12), (.normal, 4, 24), (.low, 8, 48)] as [(Priority, Double, Double)])
    func factors(_ priority: Priority, _ firstHours: Double, _ resolutionHours: Double) {
        let target = ReplyTargets.standard.target(for: .email, priority: priority)
        #expect(target == ServiceTarget(firstResponse: firstHours * F.hour, resolution: resolutionHours * F.hour))
    }

    @Test("an explicit override wins for its pair only, and setting it again replaces it")
    func overrides() {
        var targets = ReplyTargets()
        targets.setOverride(ServiceTarget(firstResponse: 600, resolution: 3600), for: .call, priority: .urgent)
        targets.setOverride(ServiceTarget(firstResponse: 300, resolution: 1800), for: .call, priority: .urgent)
        #expect(targets.overrides.count == 1)
        #expect(targets.target(for: .call, priority: .urgent) == ServiceTarget(firstResponse: 300, resolution: 1800))
        #expect(
            targets.target(for: .call, priority: .high) == ServiceTarget(firstResponse: 1800, resolution: 4 * F.hour))
        #expect(targets.target(for: .email, priority: .urgent).firstResponse == F.hour)
    }

    @Test(
        "the warning starts with a quarter of the target left, at least 15 minutes, at most the whole target",
        arguments: [(14_400, 3600), (172_800, 43_200), (1800, 900), (600, 600), (0, 0)]
            as [(TimeInterval, TimeInterval)])
    func warningLead(_ target: TimeInterval, _ lead: TimeInterval) {
        #expect(ReplyTargets.standard.warningLead(for: target) == lead)
    }

    @Test("a partial configuration decodes with the defaults filling the gaps")
    func partialJSON() throws {
        let json = Data(
            """
            {"base": {"email": {"first_response": 7200, "resolution": 36000}},
             "priority_factors": {"urgent": 0.5},
             "overrides": [{"channel": "chat", "priority": "low",
                            "target": {"first_response": 60, "resolution": 120}}]}
            """.utf8)
        let targets = try JSONDecoder().decode(ReplyTargets.self, from: json)
        #expect(targets.target(for: .email, priority: .normal) == ServiceTarget(firstResponse: 7200, resolution: 36000))
        #expect(targets.target(for: .email, priority: .urgent).firstResponse == 3600)
        #expect(targets.target(for: .email, priority: .high).firstResponse == 3600)
        #expect(targets.target(for: .call, priority: .normal) == ReplyTargets.defaultBase[.call])
        #expect(targets.target(for: .chat, priority: .low) == ServiceTarget(firstResponse: 60, resolution: 120))
        #expect(targets.warning == .standard)
        #expect(try JSONDecoder().decode(ReplyTargets.self, from: Data("{}".utf8)) == .standard)
        let roundTrip = try JSONDecoder().decode(ReplyTargets.self, from: JSONEncoder().encode(targets))
        #expect(roundTrip == targets)
    }

    @Test("nonsense targets are refused field by field")
    func problems() {
        var targets = ReplyTargets()
        targets.base[.chat] = ServiceTarget(firstResponse: 0, resolution: 60)
        targets.base[.email] = ServiceTarget(firstResponse: 7200, resolution: 3600)
        targets.priorityFactors[.low] = -1
        targets.warning.fraction = 2
        let error = F.error { try targets.validate() }
        #expect(
            error?.refusedFields == [
                "base.chat.first_response", "base.email.resolution", "priority_factors.low", "warning.fraction",
            ])
        #expect(F.error { try ReplyTargets.standard.validate() } == nil)
    }
}
