import Foundation
import Testing

@testable import EarnedDomain

/// Properties over random weekly calendars (0–3 periods a day, holidays, shortened days, zones
/// with and without daylight-saving time) and random instants over two years, from fixed seeds.
struct BusinessCalendarPropertyTests {
    static let seeds: [UInt64] = Array(1...48)
    static let checksPerCalendar = 12
    static let tolerance: TimeInterval = 1e-6

    /// Three random instants in order.
    static func ordered(_ random: inout BusinessCalendarRandom, _ calendar: BusinessCalendar) -> (Date, Date, Date) {
        let sorted = (0..<3).map { _ in random.instant(in: calendar) }.sorted()
        return (sorted[0], sorted[1], sorted[2])
    }

    @Test(arguments: seeds)
    func businessSecondsAreAdditiveAndBounded(seed: UInt64) {
        var random = BusinessCalendarRandom(seed: seed)
        let fixture = random.calendar()
        let calendar = fixture.calendar
        for _ in 0..<Self.checksPerCalendar {
            let (a, b, c) = Self.ordered(&random, calendar)

            let ab = calendar.businessSeconds(from: a, to: b)
            let bc = calendar.businessSeconds(from: b, to: c)
            let ac = calendar.businessSeconds(from: a, to: c)

            #expect(abs(ac - (ab + bc)) <= Self.tolerance, "\(fixture) \(a) \(b) \(c)")
            #expect(ab >= 0 && bc >= 0 && ab <= b.timeIntervalSince(a) + Self.tolerance, "\(fixture)")
            #expect(calendar.businessSeconds(from: c, to: a) == 0)
            #expect(calendar.businessSeconds(from: b, to: b) == 0)
        }
    }

    @Test(arguments: seeds)
    func openIntervalsAreOrderedMaximalAndAgreeWithIsOpen(seed: UInt64) {
        var random = BusinessCalendarRandom(seed: seed)
        let fixture = random.calendar()
        let calendar = fixture.calendar
        for _ in 0..<Self.checksPerCalendar {
            let (a, _, c) = Self.ordered(&random, calendar)
            let to = min(c, a.addingTimeInterval(60 * 86_400))

            let intervals = calendar.openIntervals(from: a, to: to)

            let total = intervals.reduce(0) { $0 + $1.duration }
            #expect(abs(total - calendar.businessSeconds(from: a, to: to)) <= Self.tolerance, "\(fixture)")
            for (earlier, later) in zip(intervals, intervals.dropFirst()) {
                #expect(earlier.end < later.start, "touching or overlapping: \(fixture)")
                #expect(!calendar.isOpen(at: earlier.end), "\(fixture) \(earlier.end)")
            }
            for interval in intervals {
                #expect(interval.start >= a && interval.end <= to && interval.duration > 0)
                #expect(calendar.isOpen(at: interval.start), "\(fixture) \(interval)")
                #expect(calendar.isOpen(at: interval.start.addingTimeInterval(interval.duration / 2)))
                if interval.start > a {
                    #expect(!calendar.isOpen(at: interval.start.addingTimeInterval(-0.5)), "\(fixture) \(interval)")
                }
            }
        }
    }

    @Test(arguments: seeds)
    func isOpenMatchesTheWallClockReadingOfTheHours(seed: UInt64) {
        var random = BusinessCalendarRandom(seed: seed)
        let fixture = random.calendar()
        var compared = 0
        for _ in 0..<(Self.checksPerCalendar * 8) {
            let instant = random.instant(in: fixture.calendar)
            guard !fixture.isRepeatedWallClockTime(instant) else { continue }
            compared += 1

            #expect(
                fixture.calendar.isOpen(at: instant) == fixture.isOpenByWallClock(instant),
                "\(fixture) \(instant)")
        }
        #expect(compared > Self.checksPerCalendar)
    }

    @Test(arguments: seeds)
    func closedStretchesCountZeroAndOpenStretchesCountRealTime(seed: UInt64) {
        var random = BusinessCalendarRandom(seed: seed)
        let fixture = random.calendar()
        let calendar = fixture.calendar
        for _ in 0..<(Self.checksPerCalendar * 2) {
            let t = random.instant(in: calendar)
            let fraction = Double.random(in: 0...1, using: &random)

            if calendar.isOpen(at: t) {
                let closes = calendar.openUntil(t)!
                let b = t.addingTimeInterval(closes.timeIntervalSince(t) * fraction)
                #expect(closes > t)
                #expect(!calendar.isOpen(at: closes), "\(fixture) \(closes)")
                #expect(abs(calendar.businessSeconds(from: t, to: b) - b.timeIntervalSince(t)) <= Self.tolerance)
                #expect(
                    abs(calendar.businessSeconds(from: t, to: closes) - closes.timeIntervalSince(t)) <= Self.tolerance)
            } else {
                #expect(calendar.openUntil(t) == nil)
                let opens = calendar.nextOpening(after: t) ?? t.addingTimeInterval(30 * 86_400)
                let b = t.addingTimeInterval(opens.timeIntervalSince(t) * fraction)
                #expect(calendar.businessSeconds(from: t, to: b) == 0, "\(fixture) \(t) \(b)")
                #expect(calendar.businessSeconds(from: t, to: opens) == 0, "\(fixture) \(t) \(opens)")
            }
        }
    }

    @Test(arguments: seeds)
    func nextOpeningIsTheEndOfTheNextClosedStretch(seed: UInt64) {
        var random = BusinessCalendarRandom(seed: seed)
        let fixture = random.calendar()
        let calendar = fixture.calendar
        for _ in 0..<Self.checksPerCalendar {
            let t = random.instant(in: calendar)

            guard let opens = calendar.nextOpening(after: t) else {
                #expect(calendar.businessSeconds(from: t, to: t.addingTimeInterval(30 * 86_400)) == 0)
                continue
            }

            #expect(opens > t)
            #expect(calendar.isOpen(at: opens), "\(fixture) \(opens)")
            #expect(!calendar.isOpen(at: opens.addingTimeInterval(-0.5)), "\(fixture) \(opens)")
            let closedFrom = calendar.openUntil(t) ?? t
            #expect(calendar.businessSeconds(from: closedFrom, to: opens) == 0, "\(fixture) \(t) \(opens)")
        }
    }

    @Test(arguments: seeds)
    func addingRoundTripsBusinessSeconds(seed: UInt64) {
        var random = BusinessCalendarRandom(seed: seed)
        let fixture = random.calendar()
        let calendar = fixture.calendar
        for _ in 0..<Self.checksPerCalendar {
            let (a, b, _) = Self.ordered(&random, calendar)
            let x = calendar.businessSeconds(from: a, to: b)

            guard let r = calendar.adding(x, to: a) else {
                Issue.record("no target for \(x) s: \(fixture)")
                continue
            }

            // r is b, or the closing time that starts b's closed stretch.
            #expect(abs(calendar.businessSeconds(from: a, to: r) - x) <= Self.tolerance, "\(fixture) \(a) \(b)")
            #expect(r <= b, "\(fixture) \(a) \(b) \(r)")
            #expect(calendar.businessSeconds(from: r, to: b) <= Self.tolerance, "\(fixture) \(a) \(b) \(r)")
            if r < b, x > 0 {
                #expect(!calendar.isOpen(at: r), "\(fixture) \(a) \(b) \(r)")
            }

            let hours = Double.random(in: 0..<200, using: &random) * 3600
            if let due = calendar.adding(hours, to: a) {
                #expect(abs(calendar.businessSeconds(from: a, to: due) - hours) <= Self.tolerance, "\(fixture)")
                #expect(due.timeIntervalSince(a) >= hours - Self.tolerance)
            } else {
                #expect(calendar.businessSeconds(from: a, to: a.addingTimeInterval(401 * 86_400)) < hours)
            }
        }
    }

    @Test(arguments: seeds)
    func pausesAreSubtractedWithinBounds(seed: UInt64) {
        var random = BusinessCalendarRandom(seed: seed)
        let fixture = random.calendar()
        let calendar = fixture.calendar
        for _ in 0..<Self.checksPerCalendar {
            let (a, _, c) = Self.ordered(&random, calendar)
            let b = min(c, a.addingTimeInterval(90 * 86_400))
            let pauses = (0..<Int.random(in: 0...4, using: &random)).map { _ in
                let start = a.addingTimeInterval(Double.random(in: -5...95, using: &random) * 86_400)
                return DateInterval(start: start, duration: Double.random(in: 0...20, using: &random) * 86_400)
            }

            let plain = calendar.businessSeconds(from: a, to: b)
            let paused = calendar.businessSeconds(from: a, to: b, excluding: pauses)

            // Independently: the open time inside the union of the pauses, pause by pause.
            let inPauses = BusinessCalendar.union(pauses).reduce(0) {
                $0 + calendar.businessSeconds(from: max(a, $1.start), to: min(b, $1.end))
            }
            #expect(paused >= 0 && paused <= plain + Self.tolerance, "\(fixture)")
            #expect(abs(paused - (plain - inPauses)) <= Self.tolerance, "\(fixture)")
        }
    }
}
