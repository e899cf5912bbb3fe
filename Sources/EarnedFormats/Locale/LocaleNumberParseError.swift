import Foundation

/// Why a text is not an acceptable number.
public enum LocaleNumberParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is empty or blank.
    case empty
    /// The text is not a number in any accepted form.
    case notANumber(String)
    /// The number has more fraction digits than the currency allows and rounding is off.
    case tooManyFractionDigits(String, allowed: Int)
    /// The number does not fit in 64-bit minor units (or 38 significant digits).
    case outOfRange(String)

    /// A message for people, e.g. "not a number: 'abc'".
    public var description: String {
        switch self {
        case .empty: "empty value where a number was expected"
        case .notANumber(let text): "not a number: '\(text)'"
        case .tooManyFractionDigits(let text, let allowed):
            "too many decimal places in '\(text)': at most \(allowed) allowed"
        case .outOfRange(let text): "number out of range: '\(text)'"
        }
    }
}
