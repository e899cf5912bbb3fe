import Foundation

@testable import EarnedDomain

/// A random calendar's inputs beside the calendar itself, with an independent reading of the
/// rules through Foundation's `Calendar`, to check the clock against.
struct BusinessCalendarFixture: CustomStringConvertible {
    var timeZone: TimeZone
    var hours: WeeklyHours
    var specialDays: [SpecialDay]
    var calendar: BusinessCalendar

    init(timeZone: TimeZone, hours: WeeklyHours, specialDays: [SpecialDay]) {
        self.timeZone = timeZone
        self.hours = hours
        self.specialDays = specialDays
        self.calendar = BusinessCalendar(timeZone: timeZone, hours: hours, specialDays: specialDays)
    }

    var description: String {
        "\(timeZone.identifier) \((1...7).map { hours.text(isoWeekday: $0) }) specials: \(specialDays.count)"
    }

    /// Whether the wall-clock time at `instant` occurs twice (clocks went back); there the plain
    /// wall-clock reading below is ambiguous and the calendar's first-occurrence rule decides.
    func isRepeatedWallClockTime(_ instant: Date) -> Bool {
        let offset = timeZone.secondsFromGMT(for: instant)
        for other in [instant.addingTimeInterval(-86_400), instant.addingTimeInterval(86_400)] {
            let otherOffset = timeZone.secondsFromGMT(for: other)
            guard otherOffset != offset else { continue }
            let twin = instant.addingTimeInterval(Double(offset - otherOffset))
            if timeZone.secondsFromGMT(for: twin) == otherOffset { return true }
        }
        return false
    }

    /// Open by reading the local date and time of `instant` against the hours and special days.
    func isOpenByWallClock(_ instant: Date) -> Bool {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = timeZone
        let parts = gregorian.dateComponents([.year, .month, .day, .weekday, .hour, .minute, .second], from: instant)
        let fraction = instant.timeIntervalSince1970 - instant.timeIntervalSince1970.rounded(.down)
        let second = Double(parts.hour! * 3600 + parts.minute! * 60 + parts.second!) + fraction
        let specials = specialDays.filter {
            $0.date == LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)
        }
        let periods: [DayPeriod]
        if specials.isEmpty {
            // Foundation's weekday: 1 = Sunday.
            periods = hours.periods(isoWeekday: (parts.weekday! + 5) % 7 + 1)
        } else if specials.contains(where: { $0.kind == .holiday || $0.periods.isEmpty }) {
            periods = []
        } else {
            periods = specials.flatMap(\.periods)
        }
        return periods.contains { Double($0.start * 60) <= second && second < Double($0.end * 60) }
    }
}
