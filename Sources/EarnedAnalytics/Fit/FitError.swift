import EarnedDomain
import EarnedFormats
import Foundation

/// Why `earned fit` could not read its input or fit the models. Lines and columns are 1-based;
/// a column here is a field (the first field is column 1), named by its header when it has one.
public enum FitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be tokenised (an unclosed quote, a record too large, unreadable).
    case unreadable(CSVError)
    /// The input holds no records.
    case empty
    /// The first record is neither a summary header, a transaction-log header nor a CDNOW-style
    /// log line.
    case unrecognizedLayout(line: Int, fields: [String])
    /// The header names some columns of a layout but lacks others.
    case missingColumns(line: Int, kind: FitInputKind, missing: [String], available: [String])
    /// A value that cannot be used, with the reason.
    case invalidValue(line: Int, column: Int, columnName: String, value: String, reason: String)
    /// An option that cannot be used with this input.
    case invalidOption(String)
    /// The models could not be fitted (too little data, or no finite likelihood).
    case model(String)

    /// The 1-based line of the problem, if it has one.
    public var line: Int? {
        switch self {
        case .unreadable(let error): error.line
        case .unrecognizedLayout(let line, _), .missingColumns(let line, _, _, _), .invalidValue(let line, _, _, _, _):
            line
        case .empty, .invalidOption, .model: nil
        }
    }

    /// The 1-based column (field) of the problem, if it has one.
    public var column: Int? {
        switch self {
        case .invalidValue(_, let column, _, _, _): column
        default: nil
        }
    }

    /// A message for people, e.g. `line 7, column 2 ("date"): not a date: '2024-02-30'`.
    public var description: String {
        switch self {
        case .unreadable(let error):
            error.description
        case .empty:
            "the file holds no records"
        case .unrecognizedLayout(let line, let fields):
            "line \(line): not a header of a summary (frequency, recency, T) or of a transaction log "
                + "(customer, date, optionally amount), nor a CDNOW-style log line (id, id, YYYYMMDD, count, amount); found "
                + fields.map { "'\($0)'" }.joined(separator: ", ")
        case .missingColumns(let line, let kind, let missing, let available):
            "line \(line): the \(kind == .summary ? "summary" : "transaction log") has no column for "
                + missing.map { "'\($0)'" }.joined(separator: ", ") + "; columns: "
                + available.map { "'\($0)'" }.joined(separator: ", ")
        case .invalidValue(let line, let column, let name, _, let reason):
            "line \(line), column \(column) (\"\(name)\"): \(reason)"
        case .invalidOption(let reason):
            reason
        case .model(let reason):
            "cannot fit: \(reason)"
        }
    }
}
