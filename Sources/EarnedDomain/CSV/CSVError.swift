import Foundation

/// Why a delimited text file could not be read. Positions are 1-based; the column counts
/// characters (Unicode scalars) from the start of the physical line.
public enum CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A quoted field opened at this position is never closed.
    case unterminatedQuote(line: Int, column: Int)
    /// Something other than a separator or a line break follows a closing quote, at this position.
    case unexpectedCharacterAfterQuote(line: Int, column: Int)
    /// The record starting on this line grew past the reader's
    /// ``CSVReader/maximumRecordSize`` (typically an opening quote that is never closed).
    case recordTooLarge(line: Int, limit: Int)
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)

    /// The 1-based line of the problem, if it has one.
    public var line: Int? {
        switch self {
        case .unterminatedQuote(let line, _), .unexpectedCharacterAfterQuote(let line, _),
            .recordTooLarge(let line, _):
            line
        case .unreadable: nil
        }
    }

    /// The 1-based column of the problem, if it has one.
    public var column: Int? {
        switch self {
        case .unterminatedQuote(_, let column), .unexpectedCharacterAfterQuote(_, let column): column
        case .recordTooLarge, .unreadable: nil
        }
    }

    /// A message for people, e.g. "line 17, column 5: quoted field is never closed".
    public var description: String {
        switch self {
        case .unterminatedQuote(let line, let column):
            "line \(line), column \(column): quoted field is never closed"
        case .unexpectedCharacterAfterQuote(let line, let column):
            "line \(line), column \(column): unexpected character after a closing quote"
        case .recordTooLarge(let line, let limit):
            "line \(line): record longer than \(limit) bytes; is a quote left open?"
        case .unreadable(let path, let reason):
            "cannot read '\(path)': \(reason)"
        }
    }
}
