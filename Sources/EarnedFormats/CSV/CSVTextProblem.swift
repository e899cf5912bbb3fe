/// What is wrong with the text of a record, found while reading it (the record is still
/// returned, so that a caller can report every bad line of a file in one pass).
public enum CSVTextProblem: Sendable, Hashable, CustomStringConvertible {
    /// Bytes that are not UTF-8 in a file read as UTF-8 (a stray byte, a cut character); the
    /// field holds U+FFFD in their place.
    case invalidUTF8
    /// A NUL character (U+0000): spreadsheets never write one, a damaged or binary file does.
    case nul
    /// A byte-order mark (U+FEFF) inside a field; at the start of a field it is dropped silently.
    case byteOrderMark
    /// More fields than the header has columns (a stray separator, a missing quote).
    case tooManyFields(count: Int, header: Int)
    /// The header again, in the middle of the file (two exports joined into one).
    case repeatedHeader(headerLine: Int)

    /// The problem in English, e.g. "has 7 fields, the header has 5".
    public var description: String {
        switch self {
        case .invalidUTF8: "holds bytes that are not UTF-8; save the file as UTF-8 again"
        case .nul: "holds a NUL character; is the file damaged or not text?"
        case .byteOrderMark: "holds an invisible byte-order mark (U+FEFF)"
        case .tooManyFields(let count, let header):
            "has \(count) fields, the header has \(header); is there a stray separator or quote?"
        case .repeatedHeader(let line): "repeats the header of line \(line); were two files joined?"
        }
    }
}

/// A ``CSVTextProblem`` of one record, in one of its fields or in the whole record.
public struct CSVFieldProblem: Sendable, Hashable, CustomStringConvertible {
    /// The 0-based index of the field (as in `record[fieldIndex]`), or `nil` for the whole record.
    public var fieldIndex: Int?
    /// What is wrong.
    public var problem: CSVTextProblem

    /// Creates a problem of the field at `fieldIndex` (nil: of the whole record).
    public init(fieldIndex: Int?, _ problem: CSVTextProblem) {
        self.fieldIndex = fieldIndex
        self.problem = problem
    }

    /// E.g. "field 3: holds a NUL character; …".
    public var description: String {
        (fieldIndex.map { "field \($0 + 1): " } ?? "") + problem.description
    }
}
