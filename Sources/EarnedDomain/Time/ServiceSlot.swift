import Foundation

/// Where an instant falls in a location's working week: the local weekday and hour, the shift,
/// the part of the working day (first hour after opening, last hour before closing), and the
/// kind of special day — the slots in which the consistency of service is compared (T9).
public struct ServiceSlot: Hashable, Sendable {
    /// The part of the working day an instant falls in.
    public enum DayPart: String, Codable, Sendable, CaseIterable {
        /// Less than an hour after the day's first opening.
        case firstHour = "first_hour"
        /// Between the first and the last hour.
        case middle
        /// An hour or less before the day's last closing (this wins on a day of under two hours).
        case lastHour = "last_hour"
        /// Before opening or after closing on an open day, or on a day the location is closed.
        case closed
    }

    /// ISO weekday, 1 = Monday … 7 = Sunday, in the location's time zone.
    public var weekday: Int
    /// Local hour, 0…23.
    public var hour: Int
    /// The location's shift at that local time, if any.
    public var shiftName: String?
    public var dayPart: DayPart
    /// Minutes from the instant to the day's last closing; nil on a closed day.
    public var minutesBeforeClosing: Int?
    /// The kind of special day the local date is, nil for an ordinary day.
    public var specialDay: SpecialDay.Kind?

    public init(
        weekday: Int, hour: Int, shiftName: String?, dayPart: DayPart, minutesBeforeClosing: Int?,
        specialDay: SpecialDay.Kind?
    ) {
        self.weekday = weekday
        self.hour = hour
        self.shiftName = shiftName
        self.dayPart = dayPart
        self.minutesBeforeClosing = minutesBeforeClosing
        self.specialDay = specialDay
    }
}

/// Places instants of one location in its `ServiceSlot`s; build one per location and reuse it
/// for many instants.
public struct ServiceSlotter: Sendable {
    let location: Location
    let calendar: BusinessCalendar
    let clock: WallClock
    /// Special-day kinds by local day number (dated) and by month * 100 + day (every year).
    let dated: [Int: SpecialDay.Kind]
    let yearly: [Int: SpecialDay.Kind]

    public init(location: Location) {
        self.location = location
        calendar = BusinessCalendar(location: location)
        clock = WallClock(timeZone: TimeZone(identifier: location.timeZone) ?? .gmt)
        var dated: [Int: SpecialDay.Kind] = [:]
        var yearly: [Int: SpecialDay.Kind] = [:]
        for special in location.specialDays where special.date.isValid {
            if let year = special.date.year {
                dated[WallClock.dayNumber(year: year, month: special.date.month, day: special.date.day)] = special.kind
            } else {
                yearly[special.date.month * 100 + special.date.day] = special.kind
            }
        }
        self.dated = dated
        self.yearly = yearly
    }

    /// The slot of `instant`. Opening and closing are the first period's start and the last
    /// period's end of the local day, after special days are applied.
    public func slot(of instant: Date) -> ServiceSlot {
        let utc = Int(instant.timeIntervalSince1970.rounded(.down))
        let local = utc + clock.offset(at: utc)
        let day = WallClock.floorDiv(local, WallClock.secondsPerDay)
        let minute = (local - day * WallClock.secondsPerDay) / 60
        let periods = calendar.periods(onDay: day)
        var special = dated[day]
        if special == nil, !yearly.isEmpty {
            let (month, dayOfMonth) = WallClock.monthAndDay(day)
            special = yearly[month * 100 + dayOfMonth]
        }
        let part: ServiceSlot.DayPart
        var beforeClosing: Int?
        if let opening = periods.first?.start, let closing = periods.last?.end {
            beforeClosing = closing - minute
            if minute < opening || minute >= closing {
                part = .closed
            } else if closing - minute <= 60 {
                part = .lastHour
            } else if minute - opening < 60 {
                part = .firstHour
            } else {
                part = .middle
            }
        } else {
            part = .closed
        }
        return ServiceSlot(
            weekday: WallClock.isoWeekday(day), hour: minute / 60,
            shiftName: location.shift(atMinuteOfDay: minute)?.name, dayPart: part,
            minutesBeforeClosing: beforeClosing, specialDay: special)
    }
}
