import Foundation

/// Instants as text for machines (the API, webhooks, exports): ISO 8601 in UTC.
public enum ISO8601Text {
    /// `2026-11-23T14:05:00Z`.
    public static func format(_ date: Date) -> String { date.formatted(.iso8601) }

    /// A date-time with or without fractional seconds, or a bare date (midnight UTC); nil for
    /// anything else.
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day()) { return date }
        return nil
    }
}
