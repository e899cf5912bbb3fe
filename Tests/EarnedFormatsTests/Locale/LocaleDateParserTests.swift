import Foundation
import Testing

@testable import EarnedFormats

@Suite struct LocaleDateParserTests {
    typealias Day = LocaleDateParser.CalendarDay

    static let moscow = TimeZone(identifier: "Europe/Moscow")!  // UTC+3 all year
    static let newYork = TimeZone(identifier: "America/New_York")!

    /// Expected instants as seconds since 1970 (computed independently with Python's datetime).
    @Test(
        arguments: [
            ("2024-03-15", 1_710_450_000.0),  // midnight in Moscow = 21:00Z the day before
            ("2024-03-15T10:20:00Z", 1_710_498_000),
            ("2024-03-15 10:20", 1_710_487_200),  // Moscow wall clock
            ("2024-03-15T10:20:00+05:00", 1_710_480_000),
            ("2024-03-15T10:20:00.250-0130", 1_710_503_400.25),
            ("2024-03-15 10:20:00 UTC", 1_710_498_000),
            ("2024-03-15T10:20+03", 1_710_487_200),
            ("15.03.2024", 1_710_450_000),
            ("15.03.2024 10:20", 1_710_487_200),
            ("15.03.2024, 10:20:30", 1_710_487_230),
            ("19970101", 852_066_000),  // 1997-01-01 00:00 Moscow (+3) = 1996-12-31 21:00Z
            ("3/15/2024 1:05 PM", 1_710_497_100),
            ("12/25/2024 12:00 AM", 1_735_074_000),
        ] as [(String, Double)])
    func parsesInstants(text: String, seconds: Double) throws {
        let parser = LocaleDateParser(timeZone: Self.moscow)

        #expect(try parser.date(from: text) == Date(timeIntervalSince1970: seconds))
    }

    @Test(
        arguments: [
            ("2024-03-15", Day(year: 2024, month: 3, day: 15)),
            ("2024/3/5", Day(year: 2024, month: 3, day: 5)),
            ("15.03.2024", Day(year: 2024, month: 3, day: 15)),
            ("5.3.2024", Day(year: 2024, month: 3, day: 5)),
            ("15.03.24", Day(year: 2024, month: 3, day: 15)),
            ("15.03.69", Day(year: 1969, month: 3, day: 15)),
            ("19970101", Day(year: 1997, month: 1, day: 1)),
            ("3/15/2024", Day(year: 2024, month: 3, day: 15)),
            ("15/3/2024", Day(year: 2024, month: 3, day: 15)),
            ("4/4/2024", Day(year: 2024, month: 4, day: 4)),
            ("15-03-2024", Day(year: 2024, month: 3, day: 15)),
            ("2024-02-29", Day(year: 2024, month: 2, day: 29)),
            ("2024-03-15T23:30:00-05:00", Day(year: 2024, month: 3, day: 15)),
        ] as [(String, Day?)])
    func parsesCalendarDays(text: String, expected: Day?) throws {
        let parser = LocaleDateParser(timeZone: Self.moscow)

        #expect(try parser.calendarDay(from: text) == expected)
    }

    @Test(arguments: [
        ("abc", LocaleDateParseError.notADate("abc")),
        ("", .empty),
        ("10:20", .notADate("10:20")),
        ("2024-03", .notADate("2024-03")),
        ("2024-03-15X", .notADate("2024-03-15X")),
        ("15.03.2024 10", .notADate("15.03.2024 10")),
        ("2024-03-15 10:20 +3", .notADate("2024-03-15 10:20 +3")),
        ("30.02.2024", .invalidDate("30.02.2024")),
        ("2023-02-29", .invalidDate("2023-02-29")),
        ("20241301", .invalidDate("20241301")),
        ("15.03.2024 25:00", .invalidDate("15.03.2024 25:00")),
        ("15.03.2024 13:00 PM", .invalidDate("15.03.2024 13:00 PM")),
        ("13/13/2024", .invalidDate("13/13/2024")),
        ("3/4/2024", .ambiguous("3/4/2024")),
    ])
    func rejectsBadInput(text: String, error: LocaleDateParseError) {
        let parser = LocaleDateParser(timeZone: Self.moscow)

        #expect(throws: error) { try parser.date(from: text) }
    }

    @Test func forcedSlashOrderResolvesAmbiguity() throws {
        let us = LocaleDateParser(timeZone: Self.moscow, slashOrder: .monthFirst)
        let european = LocaleDateParser(timeZone: Self.moscow, slashOrder: .dayFirst)

        #expect(try us.calendarDay(from: "3/4/2024") == Day(year: 2024, month: 3, day: 4))
        #expect(try european.calendarDay(from: "3/4/2024") == Day(year: 2024, month: 4, day: 3))
        #expect(throws: LocaleDateParseError.invalidDate("3/15/2024")) { try european.calendarDay(from: "3/15/2024") }
    }

    @Test func parseTellsDatesFromInstants() throws {
        let parser = LocaleDateParser(timeZone: Self.moscow)

        #expect(try parser.parse("15.03.2024") == .day(Day(year: 2024, month: 3, day: 15)!))
        #expect(try parser.parse("2024-03-15T10:20:00Z") == .instant(Date(timeIntervalSince1970: 1_710_498_000)))
    }

    @Test func wallClockTimesFollowDaylightSavingTime() throws {
        let parser = LocaleDateParser(timeZone: Self.newYork)

        #expect(try parser.date(from: "2024-07-01 12:00") == Date(timeIntervalSince1970: 1_719_849_600))  // EDT
        #expect(try parser.date(from: "2024-01-15 12:00") == Date(timeIntervalSince1970: 1_705_338_000))  // EST
        // 02:30 does not exist on 2024-03-10; it reads as 03:30 EDT.
        #expect(try parser.date(from: "2024-03-10 02:30") == Date(timeIntervalSince1970: 1_710_055_800))
        // 01:30 happens twice on 2024-11-03; the earlier (EDT) one is taken.
        #expect(try parser.date(from: "2024-11-03 01:30") == Date(timeIntervalSince1970: 1_730_611_800))
        // The same rule east of UTC: Berlin skips 02:00–03:00 on 2024-03-31.
        let berlin = LocaleDateParser(timeZone: TimeZone(identifier: "Europe/Berlin")!)
        #expect(try berlin.date(from: "31.03.2024 02:30") == Date(timeIntervalSince1970: 1_711_848_600))
    }

    @Test func calendarDayArithmetic() throws {
        let day = try #require(Day(year: 2000, month: 3, day: 1))

        #expect(day.daysSinceEpoch == 11_017)
        #expect(Day(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(Day(year: 1969, month: 12, day: 31)?.daysSinceEpoch == -1)
        #expect(day.description == "2000-03-01")
        #expect(day.startOfDay(in: TimeZone(identifier: "UTC")!) == Date(timeIntervalSince1970: 11_017 * 86_400))
        #expect(Day(year: 2023, month: 2, day: 29) == nil)
        #expect(Day(year: 1999, month: 12, day: 31)! < day)
    }
}
