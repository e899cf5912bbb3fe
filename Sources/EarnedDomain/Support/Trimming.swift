import Foundation

extension String {
    /// The text without white space or line breaks at either end (Foundation's
    /// `.whitespacesAndNewlines`), nil when nothing is left. The common case, nothing to trim,
    /// reads the first and last characters and allocates nothing: imports call it for every
    /// field of every line.
    public var trimmedOrNil: String? {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return nil }
        if !first.isTrimmedSpace, !last.isTrimmedSpace { return self }
        let result = trimmingCharacters(in: .whitespacesAndNewlines)
        return result.isEmpty ? nil : result
    }
}

extension Unicode.Scalar {
    /// Whether Foundation's `.whitespacesAndNewlines` holds it: tab, the line breaks U+000A–U+000D
    /// and U+0085, the separators of Unicode's Z categories and, as Foundation has it, the
    /// zero-width space. Listed rather than looked up: most text ends in a letter, often a
    /// Cyrillic one, and a property lookup per field shows in an import of a million lines.
    var isTrimmedSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
