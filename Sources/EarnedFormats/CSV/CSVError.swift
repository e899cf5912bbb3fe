import Foundation

/// Why a delimited text file could not be read. Lines are the 1-based physical lines of the
/// file (a quoted line break makes a record span several); fields are 1-based too.
public enum CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The quoted field number `field` of the record starting on `line` is never closed.
    case unterminatedQuote(line: Int, field: Int)
    /// Something other than a separator or a line break follows the closing quote of field
    /// number `field`, on `line`.
    case unexpectedCharacterAfterQuote(line: Int, field: Int)
    /// The record starting on this line grew past the reader's
    /// ``CSVReader/maximumRecordSize`` (typically an opening quote that is never closed).
    case recordTooLarge(line: Int, limit: Int)
    /// The header is split by one separator and the lines below it by another (a header typed
    /// by hand above an export), found at the first line below the header.
    case separatorMismatch(line: Int, header: CSVDialect.Separator, rows: CSVDialect.Separator)
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)

    /// The 1-based line of the problem, if it has one.
    public var line: Int? {
        switch self {
        case .unterminatedQuote(let line, _), .unexpectedCharacterAfterQuote(let line, _),
            .recordTooLarge(let line, _), .separatorMismatch(let line, _, _):
            line
        case .unreadable: nil
        }
    }

    /// The 1-based number of the field the problem is in, if it has one.
    public var field: Int? {
        switch self {
        case .unterminatedQuote(_, let field), .unexpectedCharacterAfterQuote(_, let field): field
        case .recordTooLarge, .separatorMismatch, .unreadable: nil
        }
    }

    /// What is wrong, without where, e.g. "quoted field is never closed".
    public var reason: String {
        switch self {
        case .unterminatedQuote: "quoted field is never closed"
        case .unexpectedCharacterAfterQuote: "unexpected character after a closing quote"
        case .recordTooLarge(_, let limit): "record longer than \(limit) bytes; is a quote left open?"
        case .separatorMismatch(_, let header, let rows):
            "the header is separated by \(header.symbol) but the lines below it by \(rows.symbol); "
                + "save the file with one separator"
        case .unreadable(let path, let reason): "cannot read '\(path)': \(reason)"
        }
    }

    /// A message for people, e.g. "line 17, field 4: quoted field is never closed".
    public var description: String {
        let position = [line.map { "line \($0)" }, field.map { "field \($0)" }].compactMap { $0 }
        return position.isEmpty ? reason : position.joined(separator: ", ") + ": " + reason
    }
}
