import Foundation
import Testing

@testable import EarnedDomain

@Suite("Reply clock")
struct ReplyClockTests {
    typealias F = ClockFixture

    struct Crossing: Sendable, CustomTestStringConvertible {
        var name: String
        var calendar: BusinessCalendar
        var channel: InboundContact.Channel
        var received: String
        var firstResponseDue: String
        var testDescription: String { name }
    }

    static let crossings = [
        // Tuesday 17:30 Moscow, a call (1 h): 30 min on Tuesday, 30 min from Wednesday 09:00.
        Crossing(
            name: "a night", calendar: F.moscow, channel: .call, received: "2026-03-10T14:30:00Z",
            firstResponseDue: "2026-03-11T06:30:00Z"),
        // Friday 16:00 Moscow, an e-mail (4 h): 2 h on Friday, 2 h from Monday 09:00.
        Crossing(
            name: "a weekend", calendar: F.moscow, channel: .email, received: "2026-03-13T13:00:00Z",
            firstResponseDue: "2026-03-16T08:00:00Z"),
        // The same with Monday a holiday: the last 2 h fall on Tuesday.
        Crossing(
            name: "a weekend and a holiday",
            calendar: F.calendar(
                "Europe/Moscow",
                specialDays: [
                    SpecialDay(
                        date: LocalDate(year: 2026, month: 3, day: 16), kind: .holiday, label: "Holiday", periods: [])
                ]),
            channel: .email, received: "2026-03-13T13:00:00Z", firstResponseDue: "2026-03-17T08:00:00Z"),
        // A shortened day (09:00–14:00) counts only its own hours: Friday 13:00 + 4 h → 1 h, then Monday 12:00.
        Crossing(
            name: "a shortened day",
            calendar: F.calendar(
                "Europe/Moscow",
                specialDays: [
                    SpecialDay(
                        date: LocalDate(year: 2026, month: 3, day: 13), kind: .shortened, label: "Short",
                        periods: [DayPeriod(text: "09:00-14:00")!])
                ]),
            channel: .email, received: "2026-03-13T10:00:00Z", firstResponseDue: "2026-03-16T09:00:00Z"),
        // Open every day 09–18. Saturday 17:00 CET, 4 h: 1 h, then Sunday 09:00 CEST (07:00Z) + 3 h.
        Crossing(
            name: "Berlin, clocks forward", calendar: F.calendar("Europe/Berlin", closed: []), channel: .email,
            received: "2026-03-28T16:00:00Z", firstResponseDue: "2026-03-29T10:00:00Z"),
        // Saturday 17:00 CEST, 4 h: 1 h, then Sunday 09:00 CET (08:00Z) + 3 h.
        Crossing(
            name: "Berlin, clocks back", calendar: F.calendar("Europe/Berlin", closed: []), channel: .email,
            received: "2026-10-24T15:00:00Z", firstResponseDue: "2026-10-25T11:00:00Z"),
        // Saturday 17:00 EST, 4 h: 1 h, then Sunday 09:00 EDT (13:00Z) + 3 h.
        Crossing(
            name: "New York, clocks forward", calendar: F.calendar("America/New_York", closed: []), channel: .email,
            received: "2026-03-07T22:00:00Z", firstResponseDue: "2026-03-08T16:00:00Z"),
        // Saturday 17:00 EDT, 4 h: 1 h, then Sunday 09:00 EST (14:00Z) + 3 h.
        Crossing(
            name: "New York, clocks back", calendar: F.calendar("America/New_York", closed: []), channel: .email,
            received: "2026-10-31T21:00:00Z", firstResponseDue: "2026-11-01T17:00:00Z"),
    ]

    @Test("first-response targets cross closed time and daylight-saving changes", arguments: crossings)
    func crossing(_ c: Crossing) {
        let contact = F.contact(c.channel, received: F.utc(c.received))
        let result = ReplyClock(calendar: c.calendar).status(of: contact, now: F.utc(c.received))
        #expect(result.firstResponse.dueAt == F.utc(c.firstResponseDue))
        #expect(result.firstResponse.state == .onTrack)
    }

    @Test("open all night over the spring-forward change, a 4-hour budget is 4 real hours")
    func allNightAcrossSpringForward() {
        let calendar = F.calendar("Europe/Berlin", periods: ["00:00-24:00"], closed: [])
        let contact = F.contact(.chat, received: F.utc("2026-03-29T00:30:00Z"))
        let result = ReplyClock(calendar: calendar).status(of: contact, now: F.utc("2026-03-29T02:30:00Z"))
        #expect(result.resolution.dueAt == F.utc("2026-03-29T04:30:00Z"))
        #expect(result.resolution.businessSecondsUsed == 2 * F.hour)
        // The first response (10 min) is long overdue: 1 h 50 min.
        #expect(result.firstResponse.state == .breached)
        #expect(result.firstResponse.businessSecondsLeft == -110 * F.minute)
    }

    @Test("time waiting on the customer does not count against the targets")
    func pauseExcluded() throws {
        // Tuesday 10:00 Moscow, an e-mail; waiting 11:00–13:00; answered 15:30.
        var contact = F.contact(.email, received: F.utc("2026-03-10T07:00:00Z"))
        try contact.startWaiting(at: F.utc("2026-03-10T08:00:00Z"))
        try contact.endWaiting(at: F.utc("2026-03-10T10:00:00Z"))
        try contact.respond(at: F.utc("2026-03-10T12:30:00Z"))
        let clock = ReplyClock(calendar: F.moscow)
        let result = clock.status(of: contact, now: F.utc("2026-03-10T13:00:00Z"))
        #expect(result.firstResponse.businessSecondsUsed == 3.5 * F.hour)
        #expect(result.firstResponse.state == .met)
        #expect(result.firstResponse.businessSecondsLeft == nil)
        #expect(result.firstResponse.dueAt == F.utc("2026-03-10T13:00:00Z"))
        // The same reply without the wait took 5.5 business hours: missed.
        contact.waiting = []
        let unpaused = clock.status(of: contact, now: F.utc("2026-03-10T13:00:00Z"))
        #expect(unpaused.firstResponse.state == .missed)
        #expect(unpaused.firstResponse.dueAt == F.utc("2026-03-10T11:00:00Z"))
    }

    @Test("while waiting the clock stands still and the due time moves with it")
    func runningPause() throws {
        var contact = F.contact(.email, received: F.utc("2026-03-10T07:00:00Z"))
        try contact.startWaiting(at: F.utc("2026-03-10T08:00:00Z"))
        let clock = ReplyClock(calendar: F.moscow)
        let at12 = clock.status(of: contact, now: F.utc("2026-03-10T09:00:00Z"))
        let at15 = clock.status(of: contact, now: F.utc("2026-03-10T12:00:00Z"))
        #expect(at12.firstResponse.isPaused)
        #expect(at12.firstResponse.businessSecondsUsed == F.hour)
        #expect(at15.firstResponse.businessSecondsUsed == F.hour)
        // If the customer answered now, 3 business hours would be left.
        #expect(at15.firstResponse.dueAt == F.utc("2026-03-10T15:00:00Z"))
        #expect(at15.firstResponse.state == .onTrack)
    }

    @Test(
        "the state warns before the breach",
        arguments: [
            ("2026-03-10T07:00:00Z", TargetStatus.State.onTrack, 3 * 3600.0),
            ("2026-03-10T08:59:59Z", .onTrack, 3600.0 + 1),
            ("2026-03-10T09:00:00Z", .dueSoon, 3600.0),
            ("2026-03-10T09:59:00Z", .dueSoon, 60.0),
            ("2026-03-10T10:00:00Z", .dueSoon, 0.0),
            ("2026-03-10T10:01:00Z", .breached, -60.0),
        ])
    func warning(_ now: String, _ state: TargetStatus.State, _ left: TimeInterval) {
        // Tuesday 09:00 Moscow, an e-mail: due 13:00, warning from 12:00 (a quarter of 4 h).
        let contact = F.contact(.email, received: F.utc("2026-03-10T06:00:00Z"))
        let status = ReplyClock(calendar: F.moscow).status(of: contact, now: F.utc(now)).firstResponse
        #expect(status.warnAt == F.utc("2026-03-10T09:00:00Z"))
        #expect(status.dueAt == F.utc("2026-03-10T10:00:00Z"))
        #expect(status.state == state)
        #expect(status.businessSecondsLeft == left)
    }

    @Test("a budget that ends at closing time is breached only when the location opens again")
    func dueAtClosing() throws {
        // Tuesday 17:00 Moscow, a call: 1 h, due at 18:00 closing.
        var contact = F.contact(.call, received: F.utc("2026-03-10T14:00:00Z"))
        let clock = ReplyClock(calendar: F.moscow)
        #expect(clock.status(of: contact, now: F.utc("2026-03-10T17:00:00Z")).firstResponse.state == .dueSoon)
        #expect(clock.status(of: contact, now: F.utc("2026-03-11T06:01:00Z")).firstResponse.state == .breached)
        // A reply in the evening still meets it: no business time went by.
        try contact.respond(at: F.utc("2026-03-10T17:00:00Z"))
        #expect(clock.status(of: contact, now: F.utc("2026-03-11T06:01:00Z")).firstResponse.state == .met)
    }

    @Test("priority scales the targets; resolution is tracked on its own")
    func priorityAndResolution() throws {
        var contact = F.contact(.email, priority: .urgent, received: F.utc("2026-03-10T06:00:00Z"))
        let clock = ReplyClock(calendar: F.moscow)
        let fresh = clock.status(of: contact, now: F.utc("2026-03-10T06:00:00Z"))
        #expect(fresh.firstResponse.target == F.hour)
        #expect(fresh.resolution.target == 6 * F.hour)
        #expect(fresh.resolution.dueAt == F.utc("2026-03-10T12:00:00Z"))
        try contact.respond(at: F.utc("2026-03-10T06:30:00Z"))
        try contact.resolve(at: F.utc("2026-03-10T13:00:00Z"))
        let done = clock.status(of: contact, now: F.utc("2026-03-10T14:00:00Z"))
        #expect(done.firstResponse.state == .met)
        #expect(done.resolution.state == .missed)
        #expect(done.resolution.businessSecondsUsed == 7 * F.hour)
        #expect(done.mostUrgent == nil)
    }
}
