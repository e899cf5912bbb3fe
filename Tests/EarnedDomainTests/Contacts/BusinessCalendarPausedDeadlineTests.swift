import Foundation
import Testing

@testable import EarnedDomain

@Suite("Business-time deadlines with pauses")
struct BusinessCalendarPausedDeadlineTests {
    typealias F = ClockFixture
    let calendar = ClockFixture.moscow
    // Tuesday 2026-03-10, 10:00 in Moscow.
    let start = ClockFixture.utc("2026-03-10T07:00:00Z")

    @Test(
        "without pauses it agrees with adding(_:to:)",
        arguments: [0, 1, 1800, 28_800, 32_400, 108_000] as [TimeInterval])
    func noPauses(_ seconds: TimeInterval) {
        #expect(calendar.adding(seconds, to: start, excluding: []) == calendar.adding(seconds, to: start))
    }

    @Test("a pause in open time moves the deadline by the open time it covers")
    func pauseInOpenTime() {
        // 11:00–12:30 waiting: 4 business hours from 10:00 end at 15:30 instead of 14:00.
        let pause = DateInterval(start: F.utc("2026-03-10T08:00:00Z"), end: F.utc("2026-03-10T09:30:00Z"))
        #expect(calendar.adding(4 * F.hour, to: start, excluding: [pause]) == F.utc("2026-03-10T12:30:00Z"))
    }

    @Test("a pause over the night only takes the open hours it covers")
    func pauseOverNight() {
        // Waiting from Tuesday 17:00 to Wednesday 10:00: 1 h on Tuesday and 1 h on Wednesday.
        let pause = DateInterval(start: F.utc("2026-03-10T14:00:00Z"), end: F.utc("2026-03-11T07:00:00Z"))
        // 8 h from Tuesday 10:00: 7 h to 17:00, then 1 h from Wednesday 10:00 → 11:00.
        #expect(calendar.adding(8 * F.hour, to: start, excluding: [pause]) == F.utc("2026-03-11T08:00:00Z"))
        // Without the pause: 8 h to 18:00 on Tuesday, then 1 h from 09:00 → 10:00.
        #expect(calendar.adding(9 * F.hour, to: start) == F.utc("2026-03-11T07:00:00Z"))
    }

    @Test("pauses before the start, in closed hours or overlapping one another count once or not at all")
    func awkwardPauses() {
        let pauses = [
            DateInterval(start: F.utc("2026-03-09T07:00:00Z"), end: F.utc("2026-03-10T07:30:00Z")),  // until 10:30
            DateInterval(start: F.utc("2026-03-10T07:15:00Z"), end: F.utc("2026-03-10T08:00:00Z")),  // until 11:00
            DateInterval(start: F.utc("2026-03-10T16:00:00Z"), end: F.utc("2026-03-10T20:00:00Z")),  // at night
        ]
        // The clock runs from 11:00: 2 h later is 13:00.
        #expect(calendar.adding(2 * F.hour, to: start, excluding: pauses) == F.utc("2026-03-10T10:00:00Z"))
    }

    @Test("a budget that runs out where a pause begins lands at the pause's start")
    func endsAtPauseStart() {
        let pause = DateInterval(start: F.utc("2026-03-10T08:00:00Z"), end: F.utc("2026-03-10T09:00:00Z"))
        #expect(calendar.adding(F.hour, to: start, excluding: [pause]) == pause.start)
    }

    @Test("a pause of several weeks is skipped, not walked through")
    func longPause() {
        let pause = DateInterval(start: F.utc("2026-03-10T08:00:00Z"), end: F.utc("2027-06-01T06:00:00Z"))
        // 1 h before the pause, then Tuesday 2027-06-01 from 09:00 Moscow: 1 h more → 10:00.
        #expect(calendar.adding(2 * F.hour, to: start, excluding: [pause]) == F.utc("2027-06-01T07:00:00Z"))
    }

    @Test("edge amounts: nothing, not finite, a calendar that never opens")
    func edges() {
        let pause = DateInterval(start: start, end: start.addingTimeInterval(F.hour))
        #expect(calendar.adding(0, to: start, excluding: [pause]) == start)
        #expect(calendar.adding(-5, to: start, excluding: [pause]) == start)
        #expect(calendar.adding(.infinity, to: start, excluding: [pause]) == nil)
        let never = F.calendar("UTC", periods: [], closed: [])
        #expect(never.adding(60, to: start, excluding: [pause]) == nil)
    }

    @Test(
        "the deadline uses exactly the budget and is the earliest such instant",
        arguments: ["Europe/Berlin", "America/New_York", "Europe/Moscow"])
    func property(_ zone: String) {
        var random = SplitMix(seed: 20_260_310)
        let calendar = F.calendar(zone, periods: ["08:00-12:00", "13:00-20:00"], closed: [7])
        let base = F.utc("2026-03-01T00:00:00Z")
        for _ in 0..<300 {
            let start = base.addingTimeInterval(Double(random.next(below: 300 * 86_400)))
            var pauses: [DateInterval] = []
            for _ in 0..<random.next(below: 4) {
                let begin = start.addingTimeInterval(Double(random.next(below: 10 * 86_400)) - 86_400)
                pauses.append(DateInterval(start: begin, duration: Double(random.next(below: 3 * 86_400))))
            }
            let budget = Double(1 + random.next(below: 40 * 3600))
            guard let due = calendar.adding(budget, to: start, excluding: pauses) else {
                Issue.record("no deadline for \(start) \(budget)")
                continue
            }
            let used = calendar.businessSeconds(from: start, to: due, excluding: pauses)
            #expect(abs(used - budget) < 1e-6, "\(start) + \(budget) → \(due) used \(used)")
            let before = calendar.businessSeconds(from: start, to: due.addingTimeInterval(-1), excluding: pauses)
            #expect(before < budget, "\(start) + \(budget) → \(due) is not the earliest")
        }
    }
}

/// A small seeded generator (SplitMix64) so the sweep is the same on every run.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
