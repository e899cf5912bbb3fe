import Foundation

/// One opening period within a day, in minutes after local midnight (`end` may be 1440).
public struct DayPeriod: Hashable, Codable, Sendable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var minutes: Int { end - start }

    /// "09:00–13:00"
    public var text: String { "\(Self.clock(start))–\(Self.clock(end))" }

    /// "09:00" for 540.
    public static func clockText(_ minutes: Int) -> String { clock(minutes) }

    static func clock(_ minutes: Int) -> String {
        let h = minutes / 60
        let m = minutes % 60
        return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
    }

    /// Parses "09:00-13:00" (hyphen or en dash).
    public init?(text: String) {
        let parts = text.replacingOccurrences(of: "–", with: "-").split(separator: "-")
        guard parts.count == 2, let start = Self.minutes(parts[0]), let end = Self.minutes(parts[1]),
            start < end, end <= 1440
        else { return nil }
        self.init(start: start, end: end)
    }

    /// A time of day a field gives, "HH:MM": nil when the field is absent, and nil with the
    /// field's problem added to `errors` when it is not a time of day.
    public static func minutes(_ text: String?, field: String, into errors: inout [FieldError]) -> Int? {
        guard let text else { return nil }
        guard let m = minutes(Substring(text)) else {
            errors.append(FieldError(field: field, code: .invalidFormat, detail: "HH:MM"))
            return nil
        }
        return m
    }

    /// 540 for "09:00"; nil when not a time of day (or none was typed).
    public static func minutes(_ text: String?) -> Int? {
        text.flatMap { minutes(Substring($0)) }
    }

    /// 540 for "09:00"; nil when not a time of day.
    public static func minutes(_ text: Substring) -> Int? {
        let hm = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0...24).contains(h),
            (0..<60).contains(m), h * 60 + m <= 1440
        else { return nil }
        return h * 60 + m
    }
}

/// A location's regular week: for each ISO weekday (1 = Monday … 7 = Sunday) its opening
/// periods, several a day where there is a lunch break or a split shift.
public struct WeeklyHours: Hashable, Codable, Sendable {
    /// Index 0 is Monday.
    public var days: [[DayPeriod]]

    public init(days: [[DayPeriod]]) {
        precondition(days.count == 7, "a week has seven days")
        self.days = days
    }

    /// The same periods every day of the week but the closed ones.
    public static func uniform(_ periods: [DayPeriod], closed: Set<Int> = []) -> WeeklyHours {
        WeeklyHours(days: (1...7).map { closed.contains($0) ? [] : periods })
    }

    public func periods(isoWeekday: Int) -> [DayPeriod] { days[isoWeekday - 1] }

    /// Periods must be ordered and must not overlap within a day.
    public var problems: [FieldError] {
        var errors: [FieldError] = []
        for (index, day) in days.enumerated() {
            for (a, b) in zip(day, day.dropFirst()) where b.start < a.end {
                errors.append(FieldError(field: "hours.\(index + 1)", code: .inconsistent, detail: "periods overlap"))
                _ = (a, b)
                break
            }
        }
        return errors
    }

    /// Text for one day: "09:00–13:00, 14:00–20:00", or "" when closed.
    public func text(isoWeekday: Int) -> String {
        periods(isoWeekday: isoWeekday).map(\.text).joined(separator: ", ")
    }

    /// Parses "09:00-13:00, 14:00-20:00" (empty means closed).
    public static func parseDay(_ text: String) -> [DayPeriod]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == "-" { return [] }
        var result: [DayPeriod] = []
        for piece in trimmed.split(separator: ",") {
            guard let period = DayPeriod(text: String(piece)) else { return nil }
            result.append(period)
        }
        result.sort { $0.start < $1.start }
        for (a, b) in zip(result, result.dropFirst()) where b.start < a.end { return nil }
        return result
    }
}

/// A day that is not like the regular week: a holiday (closed), a shortened day, or a special
/// period such as an inventory day, which the analytics treat as its own slot.
public struct SpecialDay: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case holiday
        case shortened
        case inventory
        case other
    }

    public var date: LocalDate
    public var kind: Kind
    public var label: String
    /// Opening periods that replace the regular ones; empty means closed all day.
    public var periods: [DayPeriod]

    public init(date: LocalDate, kind: Kind, label: String, periods: [DayPeriod]) {
        self.date = date
        self.kind = kind
        self.label = label
        self.periods = periods
    }
}

/// A named shift with its local start and end, in minutes after midnight; a shift that ends
/// after midnight has `end` < `start`.
public struct Shift: Hashable, Codable, Sendable {
    public var name: String
    public var start: Int
    public var end: Int

    public init(name: String, start: Int, end: Int) {
        self.name = name
        self.start = start
        self.end = end
    }

    /// Whether a local minute of the day falls in this shift.
    public func contains(minuteOfDay minute: Int) -> Bool {
        start <= end ? (minute >= start && minute < end) : (minute >= start || minute < end)
    }
}
