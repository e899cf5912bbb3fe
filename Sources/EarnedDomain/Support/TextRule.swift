import Foundation

/// What text Earned stores: what it was given, or nothing. Control characters (NUL and the
/// other C0 codes, DEL, the C1 codes) are refused rather than stored, since a database, a CSV
/// reader or a browser would cut or mangle them and a later read would not return what was
/// written. Tab and line breaks are text.
public enum TextRule {
    /// The detail of the field error for refused text.
    public static let refusedDetail = "text without control characters such as NUL"

    /// Whether `scalar` may be stored.
    public static func allows(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00...0x1F, 0x7F...0x9F: false
        default: true
        }
    }

    /// Whether all of `text` may be stored.
    public static func allows(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(allows)
    }

    /// The error for a field whose text holds a control character.
    public static func error(field: String) -> FieldError {
        FieldError(field: field, code: .invalidFormat, detail: refusedDetail)
    }
}
