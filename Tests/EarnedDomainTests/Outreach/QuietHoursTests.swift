import Foundation
import Testing

@testable import EarnedDomain

@Suite("Quiet hours")
struct QuietHoursTests {
    let hours = QuietHours.standard
    typealias F = OutreachFixture

    @Test("the window opens at 10:00 and closes at 20:00 local time")
    func edges() {
        // Moscow is UTC+3 all year.
        #expect(hours.isQuiet(at: F.utc(2025, 6, 10, 6, 59, 59), in: F.moscow))
        #expect(!hours.isQuiet(at: F.utc(2025, 6, 10, 7), in: F.moscow))
        #expect(!hours.isQuiet(at: F.utc(2025, 6, 10, 16, 59, 59), in: F.moscow))
        #expect(hours.isQuiet(at: F.utc(2025, 6, 10, 17), in: F.moscow))
        #expect(hours.isQuiet(at: F.utc(2025, 6, 10, 23), in: F.moscow))
    }

    @Test("the same instant is night in one zone and day in another")
    func zones() {
        let instant = F.utc(2025, 6, 10, 5)
        #expect(!hours.isQuiet(at: instant, in: F.vladivostok))  // 15:00 there
        #expect(hours.isQuiet(at: instant, in: F.kaliningrad))  // 07:00 there
    }

    @Test("inside the window a time is kept as it is")
    func inside() {
        let instant = F.utc(2025, 6, 10, 9, 30, 15)
        #expect(hours.nextSendTime(onOrAfter: instant, in: F.moscow) == instant)
    }

    @Test("early in the morning: the same day's opening; late in the evening: the next day's")
    func outside() {
        #expect(hours.nextSendTime(onOrAfter: F.utc(2025, 6, 10, 4, 30), in: F.moscow) == F.utc(2025, 6, 10, 7))
        #expect(hours.nextSendTime(onOrAfter: F.utc(2025, 6, 10, 17), in: F.moscow) == F.utc(2025, 6, 11, 7))
        #expect(hours.nextSendTime(onOrAfter: F.utc(2025, 6, 10, 20, 59), in: F.moscow) == F.utc(2025, 6, 11, 7))
        // 21:30 UTC on 31 December is already 00:30 on 1 January in Moscow: that day's opening.
        #expect(hours.nextSendTime(onOrAfter: F.utc(2025, 12, 31, 21, 30), in: F.moscow) == F.utc(2026, 1, 1, 7))
    }

    @Test("the same local 10:00 is a different instant in Vladivostok and Kaliningrad")
    func farApart() {
        let date = LocalDate(year: 2025, month: 6, day: 10)
        let vladivostok = hours.firstSendTime(on: date, in: F.vladivostok)
        let kaliningrad = hours.firstSendTime(on: date, in: F.kaliningrad)
        #expect(vladivostok == F.utc(2025, 6, 10, 0))
        #expect(kaliningrad == F.utc(2025, 6, 10, 8))
        #expect(kaliningrad.timeIntervalSince(vladivostok) == 8 * 3600)
    }

    @Test(
        "10:00 local on and around daylight-saving change days",
        arguments: [
            // Berlin: spring forward 30 March 2025, fall back 26 October 2025.
            ("Europe/Berlin", LocalDate(year: 2025, month: 3, day: 29), 9),
            ("Europe/Berlin", LocalDate(year: 2025, month: 3, day: 30), 8),
            ("Europe/Berlin", LocalDate(year: 2025, month: 10, day: 25), 8),
            ("Europe/Berlin", LocalDate(year: 2025, month: 10, day: 26), 9),
            // New York: spring forward 9 March 2025, fall back 2 November 2025.
            ("America/New_York", LocalDate(year: 2025, month: 3, day: 8), 15),
            ("America/New_York", LocalDate(year: 2025, month: 3, day: 9), 14),
            ("America/New_York", LocalDate(year: 2025, month: 11, day: 1), 14),
            ("America/New_York", LocalDate(year: 2025, month: 11, day: 2), 15),
            // Moscow keeps UTC+3 all year.
            ("Europe/Moscow", LocalDate(year: 2025, month: 3, day: 30), 7),
            ("Europe/Moscow", LocalDate(year: 2025, month: 10, day: 26), 7),
        ])
    func daylightSaving(_ zone: String, _ date: LocalDate, _ utcHour: Int) throws {
        let sendAt = hours.firstSendTime(on: date, in: F.zone(zone))
        #expect(sendAt == F.utc(date.year!, date.month, date.day, utcHour))
        #expect(!hours.isQuiet(at: sendAt, in: F.zone(zone)))
    }

    @Test("from the evening before a change, the next opening is 23 or 25 hours away, not 24")
    func overnight() {
        // 22:00 CET on 29 March → 10:00 CEST on 30 March.
        let spring = hours.nextSendTime(onOrAfter: F.utc(2025, 3, 29, 21), in: F.berlin)
        #expect(spring == F.utc(2025, 3, 30, 8))
        #expect(spring.timeIntervalSince(F.utc(2025, 3, 29, 9)) == 23 * 3600)  // the previous opening
        // 21:00 EDT on 1 November → 10:00 EST on 2 November.
        let fall = hours.nextSendTime(onOrAfter: F.utc(2025, 11, 2, 1), in: F.newYork)
        #expect(fall == F.utc(2025, 11, 2, 15))
        #expect(fall.timeIntervalSince(F.utc(2025, 11, 1, 14)) == 25 * 3600)
    }

    @Test("an opening in the skipped hour is the moment clocks change; a repeated one its first occurrence")
    func openingInTheGap() throws {
        let night = try QuietHoursDraft(sendFrom: 2 * 60 + 30, sendUntil: 12 * 60).validated()
        // 02:30 does not exist in Berlin on 30 March 2025: clocks jump from 02:00 CET to 03:00 CEST.
        let spring = night.firstSendTime(on: LocalDate(year: 2025, month: 3, day: 30), in: F.berlin)
        #expect(spring == F.utc(2025, 3, 30, 1))
        // 02:30 happens twice on 26 October 2025: first in CEST (00:30 UTC).
        let fall = night.firstSendTime(on: LocalDate(year: 2025, month: 10, day: 26), in: F.berlin)
        #expect(fall == F.utc(2025, 10, 26, 0, 30))
    }

    @Test(
        "a sweep around change days: never earlier, never quiet, never more than a day and an hour away",
        arguments: ["Europe/Berlin", "America/New_York", "Europe/Moscow", "Asia/Vladivostok", "Europe/Kaliningrad"])
    func sweep(_ identifier: String) {
        let zone = F.zone(identifier)
        for start in [F.utc(2025, 3, 7), F.utc(2025, 3, 28), F.utc(2025, 10, 24), F.utc(2025, 10, 31)] {
            for step in 0..<(4 * 24 * 60 / 17) {
                let instant = start.addingTimeInterval(Double(step * 17 * 60))
                let next = hours.nextSendTime(onOrAfter: instant, in: zone)
                #expect(next >= instant)
                #expect(!hours.isQuiet(at: next, in: zone))
                #expect(next.timeIntervalSince(instant) <= 25 * 3600)
                if hours.isQuiet(at: instant, in: zone) {
                    #expect(QuietHours.secondOfDay(next, WallClock(timeZone: zone)) == hours.sendFrom * 60)
                }
            }
        }
    }

    @Test(
        "windows must lie within the day, open before they close, and last an hour",
        arguments: [
            (600, 1200, true), (0, 1440, true), (600, 660, true), (600, 659, false), (1200, 600, false),
            (-1, 600, false), (600, 1441, false),
        ])
    func validation(_ from: Int, _ until: Int, _ valid: Bool) {
        let result = try? QuietHoursDraft(sendFrom: from, sendUntil: until).validated()
        #expect((result != nil) == valid)
    }

    @Test("every bad field is reported")
    func draftFields() {
        let fields = OutreachFixture.invalidFields { _ = try QuietHoursDraft(sendFrom: 1500, sendUntil: 0).validated() }
        #expect(fields == ["send_from", "send_until"])
    }
}
