import Foundation

@testable import EarnedDomain

/// Instants, calendars and error helpers shared by the case and contact tests.
enum ClockFixture {
    static let minute: TimeInterval = 60
    static let hour: TimeInterval = 3600

    static func utc(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    /// A calendar open `periods` on every ISO weekday but `closed` (6, 7: the weekend).
    static func calendar(
        _ zone: String, periods: [String] = ["09:00-18:00"], closed: Set<Int> = [6, 7],
        specialDays: [SpecialDay] = []
    ) -> BusinessCalendar {
        BusinessCalendar(
            timeZone: TimeZone(identifier: zone)!,
            hours: .uniform(periods.map { DayPeriod(text: $0)! }, closed: closed),
            specialDays: specialDays)
    }

    /// Moscow (UTC+3 all year, no daylight saving), Monday to Friday 09:00–18:00.
    static let moscow = calendar("Europe/Moscow")

    /// Open around the clock, every day, in UTC: business time is real time.
    static let always = calendar("UTC", periods: ["00:00-24:00"], closed: [])

    static let location = LocationID(UUID(uuid: (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)))

    static func contact(
        _ channel: InboundContact.Channel = .email, priority: Priority = .normal, received: Date,
        id: ContactID = ContactID()
    ) -> InboundContact {
        InboundContact(
            id: id, channel: channel, priority: priority, locationID: location, receivedAt: received,
            subject: "Where is my order?", createdAt: received, updatedAt: received)
    }

    /// The domain error `body` throws, nil when it succeeds (or throws something else, which a
    /// typed-throws API cannot).
    static func error(_ body: () throws -> Void) -> DomainError? {
        do {
            try body()
            return nil
        } catch {
            return error as? DomainError
        }
    }
}

extension DomainError {
    /// The refused fields' names, for `.invalid`; nil for every other error.
    var refusedFields: Set<String>? {
        if case .invalid(let errors) = self { return Set(errors.map(\.field)) }
        return nil
    }

    var isConflict: Bool {
        if case .conflict = self { return true }
        return false
    }
}
