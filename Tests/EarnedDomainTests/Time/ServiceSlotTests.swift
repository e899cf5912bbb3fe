import EarnedDomain
import Foundation
import Testing

struct ServiceSlotTests {
    /// A Berlin shop open 09:00–13:00 and 14:00–20:00 on weekdays, Saturday 10:00–16:00, closed
    /// on Sunday; morning and evening shifts; an inventory day and a yearly holiday.
    static let location = Location(
        name: "Berlin", timeZone: "Europe/Berlin",
        hours: WeeklyHours(
            days: Array(
                repeating: [DayPeriod(start: 9 * 60, end: 13 * 60), DayPeriod(start: 14 * 60, end: 20 * 60)],
                count: 5) + [[DayPeriod(start: 10 * 60, end: 16 * 60)], []]),
        specialDays: [
            SpecialDay(
                date: LocalDate(year: 2026, month: 3, day: 31), kind: .inventory, label: "Inventory",
                periods: [DayPeriod(start: 9 * 60, end: 15 * 60)]),
            SpecialDay(date: LocalDate(year: nil, month: 5, day: 1), kind: .holiday, label: "May Day", periods: []),
        ],
        shifts: [
            Shift(name: "Morning", start: 9 * 60, end: 14 * 60), Shift(name: "Evening", start: 14 * 60, end: 20 * 60),
        ],
        createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))

    static func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test(arguments: [
        // Monday 2026-03-30, summer time (UTC+2): 09:30 local is the first hour, in the morning shift.
        (
            "2026-03-30T07:30:00Z", 1, 9, "Morning" as String?, ServiceSlot.DayPart.firstHour, 630 as Int?,
            nil as SpecialDay.Kind?
        ),
        // 19:00 local: the last hour before the 20:00 closing, evening shift.
        ("2026-03-30T17:00:00Z", 1, 19, "Evening", .lastHour, 60, nil),
        // 19:59 local still the last hour; 20:00 is closed.
        ("2026-03-30T17:59:00Z", 1, 19, "Evening", .lastHour, 1, nil),
        ("2026-03-30T18:00:00Z", 1, 20, nil, .closed, 0, nil),
        // The lunch break 13:30 counts as the middle of the day (between first and last hour).
        ("2026-03-30T11:30:00Z", 1, 13, "Morning", .middle, 390, nil),
        // Inventory day closes at 15:00: 14:30 is its last hour.
        ("2026-03-31T12:30:00Z", 2, 14, "Evening", .lastHour, 30, .inventory),
        // Sunday: closed all day.
        ("2026-04-05T10:00:00Z", 7, 12, "Morning", .closed, nil, nil),
        // 1 May every year: a holiday, closed.
        ("2027-05-01T08:00:00Z", 6, 10, "Morning", .closed, nil, .holiday),
        // Winter time (UTC+1): 08:30 UTC is 09:30 local.
        ("2026-12-07T08:30:00Z", 1, 9, "Morning", .firstHour, 630, nil),
    ])
    func slots(
        at text: String, weekday: Int, hour: Int, shift: String?, part: ServiceSlot.DayPart, beforeClosing: Int?,
        special: SpecialDay.Kind?
    ) {
        let slot = ServiceSlotter(location: Self.location).slot(of: Self.instant(text))
        #expect(slot.weekday == weekday)
        #expect(slot.hour == hour)
        #expect(slot.shiftName == shift)
        #expect(slot.dayPart == part)
        #expect(slot.minutesBeforeClosing == beforeClosing)
        #expect(slot.specialDay == special)
    }
}
