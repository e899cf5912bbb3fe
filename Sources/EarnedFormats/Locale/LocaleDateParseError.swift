import Foundation

/// Why a text is not an acceptable date or date-time.
public enum LocaleDateParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is empty or blank.
    case empty
    /// The text is in none of the accepted forms.
    case notADate(String)
    /// The form is right but the date or time does not exist (`30.02.2024`, `25:00`).
    case invalidDate(String)
    /// `a/b/yyyy` where both `a` and `b` could be the month and no order was chosen.
    case ambiguous(String)

    /// A message for people, e.g. "not a date: 'tomorrow'".
    public var description: String {
        switch self {
        case .empty: "empty value where a date was expected"
        case .notADate(let text): "not a date: '\(text)'"
        case .invalidDate(let text): "no such date or time: '\(text)'"
        case .ambiguous(let text):
            "ambiguous date '\(text)': day and month could be either way; choose day-first or month-first"
        }
    }
}
