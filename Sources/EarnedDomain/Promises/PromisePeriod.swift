import Foundation

/// The month or ISO week a promise is reported in: the local calendar date of its due time in
/// force (`Promise.dueInForce`) in a given time zone, so a promise due at 01:00 local time on the
/// first of a month counts in that month wherever the server runs.
public struct PromisePeriod: Hashable, Sendable {
    public enum Granularity: String, Codable, Sendable, CaseIterable {
        /// "2026-11"
        case month
        /// "2026-W47": ISO 8601 weeks start on Monday, and week 1 holds the year's first Thursday,
        /// so the days around New Year may belong to the neighbouring year's week.
        case isoWeek = "iso_week"
    }

    public var granularity: Granularity
    public var timeZone: TimeZone

    public init(_ granularity: Granularity, timeZone: TimeZone) {
        self.granularity = granularity
        self.timeZone = timeZone
    }

    /// The period key of a promise's due time in force.
    public func key(of promise: Promise) -> String { key(of: promise.dueInForce) }

    /// The period key of an instant; keys of one granularity sort in time order.
    public func key(of instant: Date) -> String {
        let day = WallClock(timeZone: timeZone).localDay(of: instant)
        switch granularity {
        case .month:
            let date = CivilDays.civil(day)
            return "\(date.year)-\(Self.twoDigits(date.month))"
        case .isoWeek:
            // The week's Thursday decides its year.
            let thursday = day - CivilDays.isoWeekday(day) + 4
            let year = CivilDays.civil(thursday).year
            let week = (thursday - CivilDays.dayNumber(year: year, month: 1, day: 1)) / 7 + 1
            return "\(year)-W\(Self.twoDigits(week))"
        }
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
