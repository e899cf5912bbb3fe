import Foundation
import Testing

@testable import EarnedDomain

@Suite("Contact queue")
struct ContactQueueTests {
    typealias F = ClockFixture
    let now = ClockFixture.utc("2026-03-10T12:00:00Z")

    func ago(_ hours: Double) -> Date { now.addingTimeInterval(-hours * F.hour) }

    @Test("breached first, most overdue leading; then by business time left; then oldest; resolved left out")
    func order() throws {
        // Around the clock, so business time is real time. E-mail: 4 h to reply, call: 1 h.
        let overdueTwoHours = F.contact(.email, received: ago(6))
        let overdueHalfHour = F.contact(.email, received: ago(4.5))
        let threeHoursLeft = F.contact(.email, received: ago(1))
        let oneHourLeftOlder = F.contact(.email, received: ago(3))
        let oneHourLeftNewer = F.contact(.call, received: now)
        var resolved = F.contact(.email, received: ago(10))
        try resolved.resolve(at: ago(1))
        // Answered: only the 24-hour resolution target runs, with 22 h left.
        var answered = F.contact(.email, received: ago(2))
        try answered.respond(at: ago(1.5))
        let contacts = [
            answered, threeHoursLeft, resolved, oneHourLeftNewer, overdueHalfHour, oneHourLeftOlder, overdueTwoHours,
        ]
        let clock = ReplyClock(calendar: F.always)
        let items = contacts.map { (contact: $0, status: clock.status(of: $0, now: now)) }

        let ordered = ContactQueue.ordered(items)

        #expect(
            ordered.map(\.contact.id) == [
                overdueTwoHours.id, overdueHalfHour.id, oneHourLeftOlder.id, oneHourLeftNewer.id, threeHoursLeft.id,
                answered.id,
            ])
        #expect(ordered[0].status.firstResponse.state == .breached)
        #expect(ordered[0].status.firstResponse.businessSecondsLeft == -2 * F.hour)
        #expect(ordered.last?.status.mostUrgent?.businessSecondsLeft == 22 * F.hour)
    }

    @Test("contacts received at the same time with the same time left keep a stable order")
    func ties() {
        let a = F.contact(received: ago(1), id: ContactID(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9))))
        let b = F.contact(received: ago(1), id: ContactID(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8))))
        let clock = ReplyClock(calendar: F.always)
        let forward = ContactQueue.ordered([a, b].map { ($0, clock.status(of: $0, now: now)) })
        let backward = ContactQueue.ordered([b, a].map { ($0, clock.status(of: $0, now: now)) })
        #expect(forward.map(\.contact.id) == [b.id, a.id])
        #expect(backward.map(\.contact.id) == [b.id, a.id])
    }
}
