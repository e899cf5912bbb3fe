import Foundation

/// A calendar date without a time or zone (a birthday, a holiday), with an optional year.
public struct LocalDate: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int?
    public var month: Int
    public var day: Int

    public init(year: Int?, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether the month and day exist (29 February only in a leap year when the year is known).
    public var isValid: Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        if month == 2, day == 29, let year {
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        }
        if let year, year < 1900 || year > 2200 { return false }
        return day <= lengths[month - 1]
    }

    /// Parses "YYYY-MM-DD" or "--MM-DD" (a date whose year is unknown).
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 4, parts[0].isEmpty, parts[1].isEmpty,
            let month = Int(parts[2]), let day = Int(parts[3])
        {
            self.init(year: nil, month: month, day: day)
        } else if parts.count == 3, parts[0].count == 4, let year = Int(parts[0]),
            let month = Int(parts[1]), let day = Int(parts[2])
        {
            self.init(year: year, month: month, day: day)
        } else {
            return nil
        }
        guard isValid else { return nil }
    }

    /// "YYYY-MM-DD", or "--MM-DD" when the year is unknown.
    public var description: String {
        let mm = month < 10 ? "0\(month)" : "\(month)"
        let dd = day < 10 ? "0\(day)" : "\(day)"
        guard let year else { return "--\(mm)-\(dd)" }
        return "\(year)-\(mm)-\(dd)"
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year ?? 0, lhs.month, lhs.day) < (rhs.year ?? 0, rhs.month, rhs.day)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DD or --MM-DD"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
