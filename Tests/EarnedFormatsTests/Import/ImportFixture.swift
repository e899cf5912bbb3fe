import Foundation

@testable import EarnedDomain

/// Times and zones for the import-parser tests.
enum ImportFixture {
    static let moscow = TimeZone(identifier: "Europe/Moscow")!

    /// An instant written in ISO 8601, e.g. "2026-03-12T12:00:00Z".
    static func utc(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    /// An instant in UTC from its civil date and time.
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
        let days = CivilDays.dayNumber(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60))
    }
}
