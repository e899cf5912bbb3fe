import Foundation
import Testing

@testable import EarnedDomain

@Suite("Case clock")
struct CaseClockTests {
    typealias C = CaseFixture
    typealias F = ClockFixture

    @Test("defaults: 4 business hours to respond, 48 to resolve, across weekends")
    func defaults() {
        // Friday 16:00 Moscow.
        let serviceCase = C.open(at: F.utc("2026-03-13T13:00:00Z"))
        let result = CaseClock(calendar: F.moscow).status(of: serviceCase, now: serviceCase.openedAt)
        // 2 h on Friday, 2 h on Monday from 09:00.
        #expect(result.firstResponse.dueAt == F.utc("2026-03-16T08:00:00Z"))
        // 2 h on Friday, 45 h the next week, 1 h on the Monday after.
        #expect(result.resolution.dueAt == F.utc("2026-03-23T07:00:00Z"))
        #expect(result.firstResponse.state == .onTrack)
    }

    @Test("waiting on the customer is left out of the case's business time")
    func pauseExcluded() throws {
        var waited = C.open()
        try waited.startWaiting(at: C.at(hours: 1))
        try waited.endWaiting(at: C.at(hours: 3))
        try waited.respond(at: C.at(hours: 5.5))
        var straight = C.open()
        try straight.respond(at: C.at(hours: 5.5))
        let clock = CaseClock(calendar: F.moscow)

        let withPause = clock.status(of: waited, now: C.at(hours: 6)).firstResponse
        let withoutPause = clock.status(of: straight, now: C.at(hours: 6)).firstResponse

        #expect(withPause.businessSecondsUsed == 3.5 * F.hour)
        #expect(withPause.state == .met)
        #expect(withPause.dueAt == C.at(hours: 6))
        #expect(withoutPause.businessSecondsUsed == 5.5 * F.hour)
        #expect(withoutPause.state == .missed)
    }

    @Test("a wait still running pauses the clock")
    func runningWait() throws {
        var serviceCase = C.open()
        try serviceCase.startWaiting(at: C.at(hours: 1))
        let status = CaseClock(calendar: F.moscow).status(of: serviceCase, now: C.at(hours: 8)).firstResponse
        #expect(status.isPaused)
        #expect(status.businessSecondsUsed == F.hour)
        #expect(status.state == .onTrack)
        // Were the customer to answer now (17:00), 3 h would be left: 1 h today, 2 h tomorrow.
        #expect(status.dueAt == F.utc("2026-03-11T08:00:00Z"))
    }

    @Test(
        "a per-priority override, warning before the breach",
        arguments: [(0.5, TargetStatus.State.onTrack), (50.0 / 60, .dueSoon), (1, .dueSoon), (1.5, .breached)])
    func priorityOverride(_ hours: Double, _ state: TargetStatus.State) {
        let targets = CaseTargets(byPriority: [.urgent: ServiceTarget(firstResponse: F.hour, resolution: 8 * F.hour)])
        let serviceCase = C.open(priority: .urgent)
        let status = CaseClock(calendar: F.moscow, targets: targets).status(of: serviceCase, now: C.at(hours: hours))
        #expect(status.firstResponse.dueAt == C.at(hours: 1))
        #expect(status.firstResponse.warnAt == C.at(hours: 0.75))
        #expect(status.firstResponse.state == state)
        #expect(status.resolution.target == 8 * F.hour)
    }

    @Test("a reopened case's resolution clock runs on from the opening")
    func reopened() throws {
        var serviceCase = C.open()
        try serviceCase.resolve(at: C.at(hours: 2))
        let clock = CaseClock(calendar: F.moscow)
        #expect(clock.status(of: serviceCase, now: C.at(hours: 3)).resolution.state == .met)
        try serviceCase.reopen(reason: "Still leaks", at: C.at(hours: 4))
        let status = clock.status(of: serviceCase, now: C.at(hours: 5)).resolution
        #expect(status.state == .onTrack)
        #expect(status.businessSecondsUsed == 5 * F.hour)
        #expect(status.businessSecondsLeft == 43 * F.hour)
        // The first response (the resolution at 11:00) stays met.
        #expect(clock.status(of: serviceCase, now: C.at(hours: 5)).firstResponse.state == .met)
    }

    @Test("case targets decode from a partial configuration")
    func partialJSON() throws {
        let json = Data(#"{"by_priority": {"urgent": {"first_response": 3600, "resolution": 28800}}}"#.utf8)
        let targets = try JSONDecoder().decode(CaseTargets.self, from: json)
        #expect(targets.target(for: .urgent) == ServiceTarget(firstResponse: 3600, resolution: 28800))
        #expect(targets.target(for: .low) == CaseTargets.defaultTarget)
        #expect(try JSONDecoder().decode(CaseTargets.self, from: JSONEncoder().encode(targets)) == targets)
        var broken = targets
        broken.standard.resolution = -1
        #expect(F.error { try broken.validate() }?.refusedFields == ["standard.resolution"])
    }
}
