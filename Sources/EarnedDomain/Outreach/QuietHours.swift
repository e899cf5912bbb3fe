import Foundation

/// When the business may send to customers: a daytime window of the customer's own local day
/// (default 10:00–20:00). Everything outside it is "night" and quiet. Nothing optional is sent
/// at night, whatever time it is where the business sits.
///
/// Local times are read by `WallClock`'s rule on daylight-saving change days: a time that occurs
/// twice is its first occurrence, a skipped time is the moment the clocks change.
public struct QuietHours: Hashable, Codable, Sendable {
    /// The minute of the local day the sending window opens (600 = 10:00).
    public var sendFrom: Int
    /// The minute of the local day the sending window closes, exclusive (1200 = 20:00).
    public var sendUntil: Int

    /// Sending 10:00–20:00.
    public static let standard = QuietHours()
    /// The shortest sending window an owner may set, in minutes.
    public static let shortestWindow = 60

    /// An unchecked window; use `QuietHoursDraft` for input from people.
    public init(sendFrom: Int = 10 * 60, sendUntil: Int = 20 * 60) {
        self.sendFrom = sendFrom
        self.sendUntil = sendUntil
    }

    /// Whether `instant` falls outside the sending window in `timeZone`.
    public func isQuiet(at instant: Date, in timeZone: TimeZone) -> Bool {
        let second = Self.secondOfDay(instant, WallClock(timeZone: timeZone))
        return second < sendFrom * 60 || second >= sendUntil * 60
    }

    /// `instant` itself when it is inside the sending window; otherwise the window's opening on
    /// the same local day when it is still early, or on the next local day when it is late.
    public func nextSendTime(onOrAfter instant: Date, in timeZone: TimeZone) -> Date {
        guard isQuiet(at: instant, in: timeZone) else { return instant }
        let clock = WallClock(timeZone: timeZone)
        var day = clock.localDay(of: instant)
        if Self.secondOfDay(instant, clock) >= sendFrom * 60 { day += 1 }
        // A later day only when the opening falls into a skipped hour that ends after the
        // window closes (a window inside the hour clocks jump over); two days always suffice.
        for candidate in day...(day + 2) {
            let opening = Date(timeIntervalSince1970: Double(openingSecond(localDay: candidate, clock)))
            if opening >= instant, !isQuiet(at: opening, in: timeZone) { return opening }
        }
        return Date(timeIntervalSince1970: Double(openingSecond(localDay: day, clock)))
    }

    /// The first send time on a local date (the window's opening there). `date` needs a year.
    public func firstSendTime(on date: LocalDate, in timeZone: TimeZone) -> Date {
        let clock = WallClock(timeZone: timeZone)
        let day = CivilDays.dayNumber(year: date.year ?? 1970, month: date.month, day: date.day)
        let midnight = Date(timeIntervalSince1970: Double(clock.instant(local: day * WallClock.secondsPerDay)))
        return nextSendTime(onOrAfter: midnight, in: timeZone)
    }

    private func openingSecond(localDay day: Int, _ clock: WallClock) -> Int {
        clock.instant(local: day * WallClock.secondsPerDay + sendFrom * 60)
    }

    static func secondOfDay(_ instant: Date, _ clock: WallClock) -> Int {
        let utc = Int(instant.timeIntervalSince1970.rounded(.down))
        let local = utc + clock.offset(at: utc)
        return local - WallClock.floorDiv(local, WallClock.secondsPerDay) * WallClock.secondsPerDay
    }
}

/// What an owner enters to change the sending window. Fields left nil keep the current value.
public struct QuietHoursDraft: Hashable, Codable, Sendable {
    public var sendFrom: Int?
    public var sendUntil: Int?

    public init(sendFrom: Int? = nil, sendUntil: Int? = nil) {
        self.sendFrom = sendFrom
        self.sendUntil = sendUntil
    }

    /// Checks the window: minutes 0–1440, opening before closing, at least an hour long.
    public func validated(existing: QuietHours = .standard) throws(DomainError) -> QuietHours {
        var v = Validator()
        let from = sendFrom ?? existing.sendFrom
        let until = sendUntil ?? existing.sendUntil
        if !(0..<1440).contains(from) { v.add("send_from", .outOfRange, detail: "minute 0 to 1439 of the day") }
        if !(1...1440).contains(until) { v.add("send_until", .outOfRange, detail: "minute 1 to 1440 of the day") }
        if v.errors.isEmpty, until - from < QuietHours.shortestWindow {
            v.add(
                "send_until", .inconsistent,
                detail: "must be at least \(QuietHours.shortestWindow) minutes after send_from")
        }
        try v.check()
        return QuietHours(sendFrom: from, sendUntil: until)
    }
}
