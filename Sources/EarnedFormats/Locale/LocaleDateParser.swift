import Foundation

/// Parses dates and date-times in the forms spreadsheets, POS systems and web shops export.
///
/// Dates:
/// - ISO 8601 `2024-03-15` (also `2024/03/15`, `2024.03.15`), compact `20240315`;
/// - Russian `15.03.2024` (day first; a 2-digit year `15.03.24` follows POSIX: 69–99 → 19xx,
///   00–68 → 20xx);
/// - slashed `3/15/2024` or `15/3/2024` (also with `-`): with ``FieldOrder/automatic`` only when
///   a component above 12 tells day from month (equal components are fine too), otherwise
///   ``LocaleDateParseError/ambiguous(_:)``; or as forced by ``slashOrder``.
///
/// Times follow the date after `T`, spaces or `", "`: `10:20`, `10:20:30`, `10:20:30.250`,
/// with an optional `AM`/`PM` and an optional offset `Z`, `UTC`, `GMT`, `+03:00`, `+0300`,
/// `+03`. A time without an offset is read in ``timeZone``; a date alone means its midnight
/// there.
public struct LocaleDateParser: Sendable, Hashable {
    /// How to read `a/b/yyyy` (and `a-b-yyyy`).
    public enum FieldOrder: Sendable, Hashable {
        /// Decide per value: a component above 12 is the day; ambiguous values are rejected.
        case automatic
        /// Month first, as in the US: `3/4/2024` is March 4.
        case monthFirst
        /// Day first, as in Europe: `3/4/2024` is April 3.
        case dayFirst
    }

    /// A calendar date without a time or a time zone.
    public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The year, 1–9999.
        public let year: Int
        /// The month, 1–12.
        public let month: Int
        /// The day of the month, 1–31.
        public let day: Int

        /// Creates a day, or `nil` when there is no such date (`2023-02-29`).
        public init?(year: Int, month: Int, day: Int) {
            guard (1...9999).contains(year), (1...12).contains(month),
                (1...Self.daysIn(month: month, year: year)).contains(day)
            else { return nil }
            self.year = year
            self.month = month
            self.day = day
        }

        /// Midnight at the start of this day in `timeZone`.
        public func startOfDay(in timeZone: TimeZone) -> Date {
            LocaleDateParser.date(local: daysSinceEpoch * 86_400, fraction: 0, in: timeZone)
        }

        /// Days since 1970-01-01 (negative before it), in the proleptic Gregorian calendar.
        public var daysSinceEpoch: Int {
            // Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil.
            let shiftedYear = month <= 2 ? year - 1 : year
            let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
            let yearOfEra = shiftedYear - era * 400
            let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra - 719_468
        }

        /// The day in ISO form, `2024-03-15`.
        public var description: String {
            func pad(_ value: Int, _ width: Int) -> String {
                let digits = String(value)
                return String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }

        /// Orders days chronologically.
        public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
            (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
        }

        static func daysIn(month: Int, year: Int) -> Int {
            switch month {
            case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        }
    }

    /// A parsed value: a date alone, or an instant.
    public enum Value: Sendable, Hashable {
        /// A date without a time.
        case day(CalendarDay)
        /// A date with a time, resolved to an instant.
        case instant(Date)
    }

    /// The time zone of date-times without an offset, and of dates' midnights.
    public var timeZone: TimeZone
    /// How to read `a/b/yyyy`.
    public var slashOrder: FieldOrder

    /// Creates a parser for values written in `timeZone` (the business location's zone).
    public init(timeZone: TimeZone, slashOrder: FieldOrder = .automatic) {
        self.timeZone = timeZone
        self.slashOrder = slashOrder
    }

    /// The instant `text` denotes: a date-time, or a date's midnight in ``timeZone``.
    public func date(from text: String) throws(LocaleDateParseError) -> Date {
        let parsed = try parseComponents(text)
        guard let time = parsed.time else { return parsed.day.startOfDay(in: timeZone) }
        return instant(parsed.day, time)
    }

    /// The calendar date written in `text`; for a date-time, the date as written (no time-zone
    /// conversion).
    public func calendarDay(from text: String) throws(LocaleDateParseError) -> CalendarDay {
        try parseComponents(text).day
    }

    /// A date alone as ``Value/day(_:)``, a date-time as ``Value/instant(_:)``.
    public func parse(_ text: String) throws(LocaleDateParseError) -> Value {
        let parsed = try parseComponents(text)
        guard let time = parsed.time else { return .day(parsed.day) }
        return .instant(instant(parsed.day, time))
    }

    // MARK: - Parsing

    struct Time {
        var seconds: Int
        var fraction: Double
        /// Seconds east of UTC, when the text gave an offset.
        var offset: Int?
    }

    private func instant(_ day: CalendarDay, _ time: Time) -> Date {
        let local = day.daysSinceEpoch * 86_400 + time.seconds
        if let offset = time.offset {
            return Date(timeIntervalSince1970: Double(local - offset) + time.fraction)
        }
        return Self.date(local: local, fraction: time.fraction, in: timeZone)
    }

    /// Converts a wall-clock time (seconds since the epoch as if in UTC) in `timeZone` to an
    /// instant. A time skipped by a daylight-saving change reads with the offset from before the
    /// change (02:30 becomes 03:30 of the new offset); a time that occurs twice reads as the
    /// earlier one.
    static func date(local: Int, fraction: Double, in timeZone: TimeZone) -> Date {
        func offset(at seconds: Int) -> Int {
            timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
        }
        let before = offset(at: local - 86_400)
        let after = offset(at: local + 86_400)
        var utc = local - before
        if before != after {
            let early = local - before
            let late = local - after
            switch (offset(at: early) == before, offset(at: late) == after) {
            case (true, true): utc = min(early, late)
            case (false, true): utc = late
            default: utc = early
            }
        }
        return Date(timeIntervalSince1970: Double(utc) + fraction)
    }

    private func parseComponents(_ text: String) throws(LocaleDateParseError) -> (day: CalendarDay, time: Time?) {
        var bytes = Array(text.utf8)[...]
        while let first = bytes.first, Self.isBlank(first) { bytes.removeFirst() }
        while let last = bytes.last, Self.isBlank(last) { bytes.removeLast() }
        guard !bytes.isEmpty else { throw .empty }
        var scanner = Scanner(bytes: bytes)
        let day = try parseDay(&scanner, text: text)
        if scanner.isAtEnd { return (day, nil) }
        // Between the date and the time: "T", spaces, or ", ".
        if scanner.peek == UInt8(ascii: "T") || scanner.peek == UInt8(ascii: "t") {
            scanner.advance()
        } else {
            let comma = scanner.skip(UInt8(ascii: ","))
            let blanks = scanner.skipBlanks()
            guard comma || blanks else { throw .notADate(text) }
        }
        let time = try parseTime(&scanner, text: text)
        guard scanner.isAtEnd else { throw .notADate(text) }
        return (day, time)
    }

    private func parseDay(_ scanner: inout Scanner, text: String) throws(LocaleDateParseError) -> CalendarDay {
        let (first, firstLength) = scanner.number()
        guard firstLength > 0 else { throw .notADate(text) }
        if firstLength == 8 {
            return try Self.day(year: first / 10_000, month: first / 100 % 100, day: first % 100, text: text)
        }
        guard let separator = scanner.peek,
            [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/")].contains(separator)
        else { throw .notADate(text) }
        scanner.advance()
        let (second, secondLength) = scanner.number()
        guard (1...2).contains(secondLength), scanner.skip(separator) else { throw .notADate(text) }
        let (third, thirdLength) = scanner.number()
        if firstLength == 4 {
            guard (1...2).contains(thirdLength) else { throw .notADate(text) }
            return try Self.day(year: first, month: second, day: third, text: text)
        }
        guard (1...2).contains(firstLength), thirdLength == 4 || thirdLength == 2 else { throw .notADate(text) }
        let year = thirdLength == 4 ? third : (third >= 69 ? 1900 + third : 2000 + third)
        if separator == UInt8(ascii: ".") {
            return try Self.day(year: year, month: second, day: first, text: text)
        }
        switch slashOrder {
        case .monthFirst:
            return try Self.day(year: year, month: first, day: second, text: text)
        case .dayFirst:
            return try Self.day(year: year, month: second, day: first, text: text)
        case .automatic:
            if first > 12 && second <= 12 {
                return try Self.day(year: year, month: second, day: first, text: text)
            }
            if second > 12 && first <= 12 || first == second {
                return try Self.day(year: year, month: first, day: second, text: text)
            }
            if first > 12 && second > 12 { throw .invalidDate(text) }
            throw .ambiguous(text)
        }
    }

    private static func day(year: Int, month: Int, day: Int, text: String) throws(LocaleDateParseError)
        -> CalendarDay
    {
        guard let value = CalendarDay(year: year, month: month, day: day) else { throw .invalidDate(text) }
        return value
    }

    private func parseTime(_ scanner: inout Scanner, text: String) throws(LocaleDateParseError) -> Time {
        let (hour, hourLength) = scanner.number()
        guard (1...2).contains(hourLength), scanner.skip(UInt8(ascii: ":")) else { throw .notADate(text) }
        let (minute, minuteLength) = scanner.number()
        guard minuteLength == 2 else { throw .notADate(text) }
        var second = 0
        var fraction = 0.0
        if scanner.skip(UInt8(ascii: ":")) {
            let (value, length) = scanner.number()
            guard length == 2 else { throw .notADate(text) }
            second = value
            if scanner.skip(UInt8(ascii: ".")) || scanner.skip(UInt8(ascii: ",")) {
                let (digits, count) = scanner.number(maxLength: 9)
                guard count > 0 else { throw .notADate(text) }
                fraction = Double(digits) / pow(10, Double(count))
                _ = scanner.number()  // digits beyond nanoseconds
            }
        }
        var hour24 = hour
        _ = scanner.skipBlanks()
        if let meridiem = scanner.meridiem() {
            guard (1...12).contains(hour) else { throw .invalidDate(text) }
            hour24 = hour % 12 + (meridiem ? 12 : 0)
            _ = scanner.skipBlanks()
        }
        guard hour24 < 24, minute < 60, second < 60 else { throw .invalidDate(text) }
        var time = Time(seconds: hour24 * 3600 + minute * 60 + second, fraction: fraction)
        if !scanner.isAtEnd {
            time.offset = try parseOffset(&scanner, text: text)
        }
        return time
    }

    private func parseOffset(_ scanner: inout Scanner, text: String) throws(LocaleDateParseError) -> Int {
        if scanner.skip(UInt8(ascii: "Z")) || scanner.skip(UInt8(ascii: "z")) { return 0 }
        if scanner.skipWord("UTC") || scanner.skipWord("GMT") {
            if scanner.isAtEnd { return 0 }
        }
        guard let sign = scanner.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else {
            throw .notADate(text)
        }
        scanner.advance()
        let (hours, hoursLength) = scanner.number(maxLength: 2)
        guard hoursLength == 2 else { throw .notADate(text) }
        var minutes = 0
        let colon = scanner.skip(UInt8(ascii: ":"))
        let (value, length) = scanner.number(maxLength: 2)
        if length == 2 {
            minutes = value
        } else if colon || length != 0 {
            throw .notADate(text)
        }
        guard hours <= 18, minutes < 60 else { throw .invalidDate(text) }
        let offset = hours * 3600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -offset : offset
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0xA0
    }

    /// A cursor over the UTF-8 bytes of the text.
    private struct Scanner {
        var bytes: ArraySlice<UInt8>

        var isAtEnd: Bool { bytes.isEmpty }
        var peek: UInt8? { bytes.first }

        mutating func advance() { bytes.removeFirst() }

        mutating func skip(_ byte: UInt8) -> Bool {
            guard bytes.first == byte else { return false }
            bytes.removeFirst()
            return true
        }

        /// Skips spaces and tabs; returns whether there were any.
        mutating func skipBlanks() -> Bool {
            var skipped = false
            while let first = bytes.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                bytes.removeFirst()
                skipped = true
            }
            return skipped
        }

        /// Reads ASCII digits: their value and how many there were.
        mutating func number(maxLength: Int = 8) -> (value: Int, length: Int) {
            var value = 0
            var length = 0
            while length < maxLength, let first = bytes.first, first >= 0x30 && first <= 0x39 {
                value = value * 10 + Int(first - 0x30)
                length += 1
                bytes.removeFirst()
            }
            return (value, length)
        }

        /// Skips `word` case-insensitively (ASCII).
        mutating func skipWord(_ word: String) -> Bool {
            let expected = Array(word.utf8)
            guard bytes.count >= expected.count else { return false }
            for (offset, byte) in expected.enumerated()
            where bytes[bytes.startIndex + offset] | 0x20 != byte | 0x20 {
                return false
            }
            bytes.removeFirst(expected.count)
            return true
        }

        /// Reads `AM`/`PM` (also `a.m.`/`p.m.`): `true` for PM.
        mutating func meridiem() -> Bool? {
            for (word, isPM) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] where skipWord(word) {
                return isPM
            }
            return nil
        }
    }
}
