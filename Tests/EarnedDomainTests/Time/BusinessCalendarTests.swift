import Foundation
import Testing

@testable import EarnedDomain

/// Worked examples: daylight-saving days, holidays, shortened days, midnight, pauses.
struct BusinessCalendarTests {
    static let hour: TimeInterval = 3600

    static func utc(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    static func period(_ text: String) -> DayPeriod {
        DayPeriod(text: text)!
    }

    /// Closed every day but `date`, which is open for `periods`.
    static func oneDay(_ zone: String, _ date: String, _ periods: [String]) -> BusinessCalendar {
        let special = SpecialDay(
            date: LocalDate(iso: date)!, kind: .other, label: "Only day", periods: periods.map(period))
        return BusinessCalendar(
            timeZone: TimeZone(identifier: zone)!, hours: .uniform([], closed: Set(1...7)), specialDays: [special])
    }

    struct DSTCase: Sendable, CustomTestStringConvertible {
        var zone: String
        var date: String
        var period: String
        var opens: String
        var closes: String
        var testDescription: String { "\(zone) \(date) \(period)" }
    }

    static let dstCases = [
        DSTCase(
            zone: "Europe/Berlin", date: "2026-03-29", period: "09:00-18:00",
            opens: "2026-03-29T07:00:00Z", closes: "2026-03-29T16:00:00Z"),
        DSTCase(
            zone: "Europe/Berlin", date: "2026-10-25", period: "09:00-18:00",
            opens: "2026-10-25T08:00:00Z", closes: "2026-10-25T17:00:00Z"),
        DSTCase(
            zone: "America/New_York", date: "2026-03-08", period: "09:00-18:00",
            opens: "2026-03-08T13:00:00Z", closes: "2026-03-08T22:00:00Z"),
        DSTCase(
            zone: "America/New_York", date: "2026-11-01", period: "09:00-18:00",
            opens: "2026-11-01T14:00:00Z", closes: "2026-11-01T23:00:00Z"),
        // 01:00 CET to 04:00 CEST: two real hours.
        DSTCase(
            zone: "Europe/Berlin", date: "2026-03-29", period: "01:00-04:00",
            opens: "2026-03-29T00:00:00Z", closes: "2026-03-29T02:00:00Z"),
        // 01:00 CEST to 04:00 CET: four real hours.
        DSTCase(
            zone: "Europe/Berlin", date: "2026-10-25", period: "01:00-04:00",
            opens: "2026-10-24T23:00:00Z", closes: "2026-10-25T03:00:00Z"),
        // 02:30 does not exist: the period starts at the first valid instant, 03:00 CEST.
        DSTCase(
            zone: "Europe/Berlin", date: "2026-03-29", period: "02:30-04:00",
            opens: "2026-03-29T01:00:00Z", closes: "2026-03-29T02:00:00Z"),
        // 02:30 occurs twice: the first occurrence (CEST) opens, 03:30 CET closes.
        DSTCase(
            zone: "Europe/Berlin", date: "2026-10-25", period: "02:30-03:30",
            opens: "2026-10-25T00:30:00Z", closes: "2026-10-25T02:30:00Z"),
        DSTCase(
            zone: "America/New_York", date: "2026-03-08", period: "02:15-03:15",
            opens: "2026-03-08T07:00:00Z", closes: "2026-03-08T07:15:00Z"),
        DSTCase(
            zone: "America/New_York", date: "2026-11-01", period: "01:30-02:30",
            opens: "2026-11-01T05:30:00Z", closes: "2026-11-01T07:30:00Z"),
        // Lord Howe Island moves its clocks by 30 minutes: 02:00 → 02:30 on 2026-10-04.
        DSTCase(
            zone: "Australia/Lord_Howe", date: "2026-10-04", period: "01:00-04:00",
            opens: "2026-10-03T14:30:00Z", closes: "2026-10-03T17:00:00Z"),
    ]

    @Test(arguments: dstCases)
    func periodsOnDaylightSavingDaysLastTheRealElapsedTime(_ c: DSTCase) {
        let calendar = Self.oneDay(c.zone, c.date, [c.period])
        let opens = Self.utc(c.opens)
        let closes = Self.utc(c.closes)
        let from = opens.addingTimeInterval(-3 * 86_400)
        let to = closes.addingTimeInterval(3 * 86_400)

        let intervals = calendar.openIntervals(from: from, to: to)
        let seconds = calendar.businessSeconds(from: from, to: to)

        #expect(intervals == [DateInterval(start: opens, end: closes)])
        #expect(seconds == closes.timeIntervalSince(opens))
        #expect(calendar.isOpen(at: opens))
        #expect(!calendar.isOpen(at: closes))
        #expect(!calendar.isOpen(at: opens.addingTimeInterval(-1)))
        #expect(calendar.nextOpening(after: from) == opens)
        #expect(calendar.openUntil(opens) == closes)
        #expect(calendar.adding(seconds, to: from) == closes)
    }

    @Test func nineToSixIsNineHoursOnEveryChangeDay() {
        let days = [
            ("Europe/Berlin", "2026-03-29"), ("Europe/Berlin", "2026-10-25"),
            ("America/New_York", "2026-03-08"), ("America/New_York", "2026-11-01"),
        ]
        for (zone, date) in days {
            let calendar = BusinessCalendar(
                timeZone: TimeZone(identifier: zone)!, hours: .uniform([Self.period("09:00-18:00")]), specialDays: [])
            let noon = Self.utc(date + "T12:00:00Z")

            // Noon UTC ± 12 h holds the whole local opening day and nothing of its neighbours.
            let from = noon.addingTimeInterval(-12 * Self.hour)
            let to = noon.addingTimeInterval(12 * Self.hour)

            let seconds = calendar.businessSeconds(from: from, to: to)
            let day = calendar.openIntervals(from: from, to: to)

            #expect(seconds == 9 * Self.hour, "\(zone) \(date)")
            #expect(day.map(\.duration) == [9 * Self.hour], "\(zone) \(date)")
        }
    }

    @Test func holidaysCountZeroAndShortenedDaysCountTheirOwnPeriods() {
        let christmas = SpecialDay(
            date: LocalDate(iso: "2026-12-25")!, kind: .holiday, label: "Christmas",
            periods: [Self.period("09:00-18:00")])
        let eve = SpecialDay(
            date: LocalDate(iso: "2026-12-24")!, kind: .shortened, label: "Eve", periods: [Self.period("09:00-14:00")])
        let closedDay = SpecialDay(date: LocalDate(iso: "2026-12-28")!, kind: .other, label: "Move", periods: [])
        let calendar = BusinessCalendar(
            timeZone: TimeZone(identifier: "Europe/Berlin")!, hours: .uniform([Self.period("09:00-18:00")]),
            specialDays: [christmas, eve, closedDay])

        let christmasDay = calendar.businessSeconds(
            from: Self.utc("2026-12-24T23:00:00Z"), to: Self.utc("2026-12-25T23:00:00Z"))
        let eveDay = calendar.businessSeconds(
            from: Self.utc("2026-12-23T23:00:00Z"), to: Self.utc("2026-12-24T23:00:00Z"))
        let move = calendar.businessSeconds(
            from: Self.utc("2026-12-27T23:00:00Z"), to: Self.utc("2026-12-28T23:00:00Z"))
        let week = calendar.businessSeconds(
            from: Self.utc("2026-12-21T23:00:00Z"), to: Self.utc("2026-12-28T23:00:00Z"))

        #expect(christmasDay == 0)
        #expect(eveDay == 5 * Self.hour)
        #expect(move == 0)
        // Local Tue 22 to Mon 28: Tue and Wed 9 h, Thu 5 h, Fri closed, Sat and Sun 9 h, Mon closed.
        #expect(week == (2 * 9 + 5 + 2 * 9) * Self.hour)
        #expect(calendar.periods(on: LocalDate(iso: "2026-12-24")!) == [Self.period("09:00-14:00")])
        #expect(calendar.periods(on: LocalDate(iso: "2026-12-25")!).isEmpty)
        #expect(!calendar.isOpen(at: Self.utc("2026-12-25T10:00:00Z")))
        #expect(calendar.nextOpening(after: Self.utc("2026-12-24T14:00:00Z")) == Self.utc("2026-12-26T08:00:00Z"))
    }

    @Test func aYearlessSpecialDayRecursEveryYearAndADatedOneWins() {
        let everyNewYear = SpecialDay(date: LocalDate(iso: "--01-01")!, kind: .holiday, label: "New Year", periods: [])
        let openIn2027 = SpecialDay(
            date: LocalDate(iso: "2027-01-01")!, kind: .shortened, label: "Short", periods: [Self.period("12:00-14:00")]
        )
        let calendar = BusinessCalendar(
            timeZone: .gmt, hours: .uniform([Self.period("09:00-18:00")]), specialDays: [everyNewYear, openIn2027])

        #expect(calendar.periods(on: LocalDate(iso: "2026-01-01")!).isEmpty)
        #expect(calendar.periods(on: LocalDate(iso: "2028-01-01")!).isEmpty)
        #expect(calendar.periods(on: LocalDate(iso: "2027-01-01")!) == [Self.period("12:00-14:00")])
        #expect(calendar.periods(on: LocalDate(iso: "2026-01-02")!) == [Self.period("09:00-18:00")])
    }

    @Test func aPeriodToMidnightAndOneFromMidnightAreOneStretch() {
        let late = [Self.period("18:00-24:00")]
        let early = [Self.period("00:00-02:00"), Self.period("10:00-12:00")]
        let hours = WeeklyHours(days: [late, early, [], [], [], [], []])
        let calendar = BusinessCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!, hours: hours, specialDays: [])
        // Monday 2026-06-01 18:00 CEST is 16:00Z.
        let monday = Self.utc("2026-06-01T12:00:00Z")
        let midnight = Self.utc("2026-06-01T22:00:00Z")

        let intervals = calendar.openIntervals(from: monday, to: monday.addingTimeInterval(86_400))

        #expect(
            intervals == [
                DateInterval(start: Self.utc("2026-06-01T16:00:00Z"), end: Self.utc("2026-06-02T00:00:00Z")),
                DateInterval(start: Self.utc("2026-06-02T08:00:00Z"), end: Self.utc("2026-06-02T10:00:00Z")),
            ])
        #expect(calendar.isOpen(at: midnight))
        #expect(calendar.isOpen(at: midnight.addingTimeInterval(-1)))
        #expect(
            calendar.businessSeconds(from: midnight.addingTimeInterval(-3600), to: midnight.addingTimeInterval(3600))
                == 2 * Self.hour)
        #expect(calendar.openUntil(Self.utc("2026-06-01T20:00:00Z")) == Self.utc("2026-06-02T00:00:00Z"))
        #expect(calendar.nextOpening(after: Self.utc("2026-06-01T20:00:00Z")) == Self.utc("2026-06-02T08:00:00Z"))
        #expect(
            calendar.adding(3 * Self.hour, to: Self.utc("2026-06-01T21:00:00Z")) == Self.utc("2026-06-02T00:00:00Z"))
    }

    @Test func addingEndsAtClosingTimeAndSkipsClosedDays() {
        let calendar = BusinessCalendar(
            timeZone: TimeZone(identifier: "America/New_York")!,
            hours: .uniform([Self.period("09:00-12:00"), Self.period("13:00-17:00")], closed: [6, 7]),
            specialDays: [])
        // Friday 2026-06-05 16:00 EDT (20:00Z): one hour left today, the rest from Monday.
        let friday = Self.utc("2026-06-05T20:00:00Z")

        #expect(calendar.adding(Self.hour, to: friday) == Self.utc("2026-06-05T21:00:00Z"))
        #expect(calendar.adding(Self.hour + 1, to: friday) == Self.utc("2026-06-08T13:00:01Z"))
        #expect(calendar.adding(4 * Self.hour, to: friday) == Self.utc("2026-06-08T16:00:00Z"))
        #expect(calendar.adding(4 * Self.hour + 60, to: friday) == Self.utc("2026-06-08T17:01:00Z"))
        #expect(calendar.adding(0, to: friday) == friday)
        #expect(calendar.adding(.infinity, to: friday) == nil)
    }

    @Test func aCalendarWithoutOpenTimeNeverReachesATarget() {
        let closed = BusinessCalendar(timeZone: .gmt, hours: .uniform([], closed: Set(1...7)), specialDays: [])
        let start = Self.utc("2026-06-05T20:00:00Z")

        #expect(closed.adding(1, to: start) == nil)
        #expect(closed.nextOpening(after: start) == nil)
        #expect(closed.businessSeconds(from: start, to: start.addingTimeInterval(86_400 * 30)) == 0)
        #expect(closed.openIntervals(from: start, to: start.addingTimeInterval(86_400 * 30)).isEmpty)
    }

    @Test func aLongClosureShorterThanTheSearchLimitIsCrossed() {
        let closure = (0..<300).map { offset in
            let (month, day) = WallClock.monthAndDay(20_454 + offset)
            let year = 2026
            return SpecialDay(
                date: LocalDate(year: year, month: month, day: day), kind: .holiday, label: "Works", periods: [])
        }
        let calendar = BusinessCalendar(
            timeZone: .gmt, hours: .uniform([Self.period("09:00-10:00")]), specialDays: closure)

        let due = calendar.adding(2 * Self.hour, to: Self.utc("2025-12-31T09:30:00Z"))

        // Half an hour on 31 December 2025, closed 1 January to 27 October 2026, an hour on 28 October.
        #expect(due == Self.utc("2026-10-29T09:30:00Z"))
    }

    @Test func pausesAreSubtractedOnceAndNeverMakeTheFigureNegative() {
        let calendar = BusinessCalendar(
            timeZone: .gmt, hours: .uniform([Self.period("09:00-17:00")]), specialDays: [])
        let from = Self.utc("2026-06-01T08:00:00Z")
        let to = Self.utc("2026-06-02T18:00:00Z")
        let waiting = DateInterval(start: Self.utc("2026-06-01T16:00:00Z"), end: Self.utc("2026-06-02T10:00:00Z"))
        let overlapping = DateInterval(start: Self.utc("2026-06-02T09:30:00Z"), end: Self.utc("2026-06-02T11:00:00Z"))
        let overnight = DateInterval(start: Self.utc("2026-06-01T20:00:00Z"), end: Self.utc("2026-06-02T06:00:00Z"))
        let everything = DateInterval(start: Self.utc("2026-05-01T00:00:00Z"), end: Self.utc("2026-07-01T00:00:00Z"))

        #expect(calendar.businessSeconds(from: from, to: to, excluding: []) == 16 * Self.hour)
        #expect(calendar.businessSeconds(from: from, to: to, excluding: [waiting]) == 14 * Self.hour)
        #expect(calendar.businessSeconds(from: from, to: to, excluding: [waiting, overlapping]) == 13 * Self.hour)
        #expect(
            calendar.businessSeconds(from: from, to: to, excluding: [overlapping, waiting, waiting]) == 13 * Self.hour)
        #expect(calendar.businessSeconds(from: from, to: to, excluding: [overnight]) == 16 * Self.hour)
        #expect(calendar.businessSeconds(from: from, to: to, excluding: [everything, waiting]) == 0)
        #expect(calendar.businessSeconds(from: to, to: from, excluding: [waiting]) == 0)
    }

    @Test func aLocationsCalendarUsesItsZoneHoursAndSpecialDays() {
        let holiday = SpecialDay(date: LocalDate(iso: "2026-05-01")!, kind: .holiday, label: "Labour Day", periods: [])
        let location = Location(
            name: "Mitte", timeZone: "Europe/Berlin", hours: .uniform([Self.period("10:00-20:00")]),
            specialDays: [holiday], createdAt: Self.utc("2026-01-01T00:00:00Z"),
            updatedAt: Self.utc("2026-01-01T00:00:00Z"))

        let calendar = BusinessCalendar(location: location)

        #expect(calendar.timeZone.identifier == "Europe/Berlin")
        #expect(calendar.isOpen(at: Self.utc("2026-04-30T08:00:00Z")))
        #expect(!calendar.isOpen(at: Self.utc("2026-04-30T07:59:59Z")))
        #expect(!calendar.isOpen(at: Self.utc("2026-05-01T12:00:00Z")))
    }

    @Test func anUnknownTimeZoneIdentifierReadsAsUTC() {
        let location = Location(
            name: "Nowhere", timeZone: "Mars/Olympus_Mons", hours: .uniform([Self.period("10:00-20:00")]),
            createdAt: Self.utc("2026-01-01T00:00:00Z"), updatedAt: Self.utc("2026-01-01T00:00:00Z"))

        let calendar = BusinessCalendar(location: location)

        #expect(calendar.timeZone == .gmt)
        #expect(calendar.isOpen(at: Self.utc("2026-04-30T10:00:00Z")))
        #expect(!calendar.isOpen(at: Self.utc("2026-04-30T09:59:59Z")))
    }
}
