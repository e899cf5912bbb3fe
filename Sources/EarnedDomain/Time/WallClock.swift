import Foundation

/// Local wall-clock time in one time zone, turned into instants: local days are numbered as days
/// since 1970-01-01 (proleptic Gregorian), and a local time is read as an instant by the rule
/// the business calendar uses on daylight-saving change days:
///
/// - a time that occurs twice (the repeated hour when clocks go back) is its first occurrence;
/// - a time that does not occur (the hour skipped when clocks go forward) is the first valid
///   instant after the gap, i.e. the moment of the change.
///
/// Both choices keep the conversion monotonic: a later wall-clock time never maps to an earlier
/// instant, so ordered, non-overlapping periods stay ordered and non-overlapping.
public struct WallClock: Sendable, Hashable {
    let timeZone: TimeZone

    static let secondsPerDay = 86_400

    /// Seconds east of UTC at `seconds` since 1970.
    func offset(at seconds: Int) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
    }

    /// The local day number of an instant.
    func localDay(of instant: Date) -> Int {
        let utc = Int(instant.timeIntervalSince1970.rounded(.down))
        return Self.floorDiv(utc + offset(at: utc), Self.secondsPerDay)
    }

    /// The offset that holds for every instant of a local day and a margin around it, or nil
    /// when the offset changes near that day (then each time goes through `instant(local:)`).
    func uniformOffset(localDay day: Int) -> Int? {
        let before = offset(at: (day - 1) * Self.secondsPerDay)
        let after = offset(at: (day + 2) * Self.secondsPerDay)
        return before == after ? before : nil
    }

    /// The instant (seconds since 1970) of a wall-clock time given as local seconds since 1970.
    func instant(local: Int) -> Int {
        let before = offset(at: local - Self.secondsPerDay)
        let after = offset(at: local + Self.secondsPerDay)
        if before == after {
            // No change within a day either side: the common case, two look-ups.
            return local - before
        }
        let early = local - max(before, after)
        let late = local - min(before, after)
        let earlyValid = offset(at: early) == max(before, after)
        let lateValid = offset(at: late) == min(before, after)
        switch (earlyValid, lateValid) {
        case (true, _): return early
        case (false, true): return late
        case (false, false): return firstChange(after: early, upTo: late)
        }
    }

    /// The first instant in (`low`, `high`] whose offset differs from the offset at `low`:
    /// the moment a skipped stretch of wall-clock time ends. Offsets change on whole seconds.
    private func firstChange(after low: Int, upTo high: Int) -> Int {
        let initial = offset(at: low)
        var low = low
        var high = high
        guard offset(at: high) != initial else { return high }
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if offset(at: middle) == initial { low = middle } else { high = middle }
        }
        return high
    }

    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        CivilDays.dayNumber(year: year, month: month, day: day)
    }

    static func monthAndDay(_ dayNumber: Int) -> (month: Int, day: Int) {
        let civil = CivilDays.civil(dayNumber)
        return (civil.month, civil.day)
    }

    static func isoWeekday(_ dayNumber: Int) -> Int { CivilDays.isoWeekday(dayNumber) }

    public static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
