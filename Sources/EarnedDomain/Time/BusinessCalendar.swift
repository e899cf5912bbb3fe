import Foundation

/// A location's business hours as a clock: which instants are open, and how much open time lies
/// between two instants. Pure and value-typed; reply targets and due times count in it.
///
/// The rules:
/// - A local day's opening periods are its `SpecialDay`'s when there is one for that date (a
///   holiday, or a special day with no periods, is closed all day), otherwise the `WeeklyHours`
///   of its ISO weekday. A special day without a year applies to that month and day every year;
///   a dated one wins over it. Several special days on one date: closed if any is closed, else
///   the union of their periods.
/// - Periods are minutes after local midnight, clipped to 0...1440; overlapping ones are merged.
///   A period ending at 1440 ends at the next local midnight, so 24:00 followed by 00:00 the
///   next day is one continuous open stretch.
/// - Local times become instants in the calendar's time zone (see `WallClock`): in the hour
///   skipped when clocks go forward a time is the first valid instant after the gap; in the hour
///   repeated when clocks go back it is the first occurrence. A period lasts the real time
///   elapsed between its converted ends, so 09:00–18:00 is always 9 h, while 01:00–04:00 is 2 h
///   on the spring-forward day and 4 h on the fall-back day in Europe/Berlin.
/// - Open intervals are half-open, [opening, closing): at closing time the location is closed.
public struct BusinessCalendar: Sendable, Hashable {
    public let timeZone: TimeZone
    /// Regular periods, Monday first, normalized.
    let weekly: [[DayPeriod]]
    /// Special days with a year, by local day number.
    let dated: [Int: [DayPeriod]]
    /// Special days without a year, by `month * 100 + day`.
    let yearly: [Int: [DayPeriod]]
    let clock: WallClock

    /// How far `adding(_:to:)` and `nextOpening(after:)` look past the last open time before
    /// giving up.
    public static let searchLimitDays = 400

    public init(timeZone: TimeZone, hours: WeeklyHours, specialDays: [SpecialDay]) {
        self.timeZone = timeZone
        self.clock = WallClock(timeZone: timeZone)
        var days = hours.days.map(Self.normalized)
        // A hand-built WeeklyHours may not hold seven days; the missing ones are closed.
        days += Array(repeating: [], count: max(0, 7 - days.count))
        self.weekly = Array(days.prefix(7))
        var dated: [Int: [SpecialDay]] = [:]
        var yearly: [Int: [SpecialDay]] = [:]
        for special in specialDays where special.date.isValid {
            if let year = special.date.year {
                let day = WallClock.dayNumber(year: year, month: special.date.month, day: special.date.day)
                dated[day, default: []].append(special)
            } else {
                yearly[special.date.month * 100 + special.date.day, default: []].append(special)
            }
        }
        self.dated = dated.mapValues(Self.combined)
        self.yearly = yearly.mapValues(Self.combined)
    }

    /// The calendar of a location. A time zone identifier that Foundation does not know (a
    /// validated `Location` never has one) reads as UTC.
    public init(location: Location) {
        self.init(
            timeZone: TimeZone(identifier: location.timeZone) ?? .gmt, hours: location.hours,
            specialDays: location.specialDays)
    }

    /// The opening periods of a local date after special days are applied, normalized; empty
    /// when closed. A date without a year has no periods.
    public func periods(on date: LocalDate) -> [DayPeriod] {
        guard let year = date.year, date.isValid else { return [] }
        return periods(onDay: WallClock.dayNumber(year: year, month: date.month, day: date.day))
    }

    /// The opening periods of a local day number (days since 1970-01-01).
    func periods(onDay day: Int) -> [DayPeriod] {
        if let special = dated[day] { return special }
        if !yearly.isEmpty {
            let (month, dayOfMonth) = WallClock.monthAndDay(day)
            if let special = yearly[month * 100 + dayOfMonth] { return special }
        }
        return weekly[WallClock.isoWeekday(day) - 1]
    }

    /// The open spans of a local day as instants (seconds since the reference date, whole
    /// seconds), ordered and non-overlapping; spans that vanish in a skipped hour are dropped.
    func spans(onDay day: Int) -> [Span] {
        let periods = periods(onDay: day)
        guard !periods.isEmpty else { return [] }
        let midnight = day * WallClock.secondsPerDay
        let uniform = clock.uniformOffset(localDay: day)
        var result: [Span] = []
        result.reserveCapacity(periods.count)
        for period in periods {
            let localStart = midnight + period.start * 60
            let localEnd = midnight + period.end * 60
            let start = uniform.map { localStart - $0 } ?? clock.instant(local: localStart)
            let end = uniform.map { localEnd - $0 } ?? clock.instant(local: localEnd)
            guard end > start else { continue }
            result.append(Span(start: Self.referenceSeconds(start), end: Self.referenceSeconds(end)))
        }
        return result
    }

    /// One open stretch of a day, in seconds since the reference date.
    struct Span: Hashable {
        var start: TimeInterval
        var end: TimeInterval
    }

    static func referenceSeconds(_ secondsSince1970: Int) -> TimeInterval {
        // Both are whole numbers well below 2^53, so the difference is exact.
        Double(secondsSince1970) - Date.timeIntervalBetween1970AndReferenceDate
    }

    /// Clipped to 0...1440, empty periods dropped, sorted, overlapping or touching ones merged.
    static func normalized(_ periods: [DayPeriod]) -> [DayPeriod] {
        let clipped = periods.map { DayPeriod(start: max(0, $0.start), end: min(1440, $0.end)) }
            .filter { $0.start < $0.end }
            .sorted { $0.start < $1.start }
        var merged: [DayPeriod] = []
        for period in clipped {
            if let last = merged.last, period.start <= last.end {
                merged[merged.count - 1].end = max(last.end, period.end)
            } else {
                merged.append(period)
            }
        }
        return merged
    }

    /// Several special days on one date: closed if any of them is, else their periods together.
    static func combined(_ specials: [SpecialDay]) -> [DayPeriod] {
        if specials.contains(where: { $0.kind == .holiday || $0.periods.isEmpty }) { return [] }
        return normalized(specials.flatMap(\.periods))
    }
}
