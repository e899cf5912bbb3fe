import Foundation

/// Why a header could not be mapped to fields.
public enum CSVHeaderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An override is not of the form `field=Header Name` or `field=N`.
    case invalidOverride(String)
    /// An override names a header that the file does not have.
    case unknownHeader(field: String, header: String, available: [String])
    /// An override names a column number beyond the last column.
    case columnOutOfRange(field: String, column: Int, columnCount: Int)
    /// Required fields that no column maps to.
    case missingFields([String], available: [String])

    /// A message for people.
    public var description: String {
        switch self {
        case .invalidOverride(let text):
            "invalid column mapping '\(text)': expected field=Header Name or field=column number"
        case .unknownHeader(let field, let header, let available):
            "no column named '\(header)' for field '\(field)'; columns: \(Self.list(available))"
        case .columnOutOfRange(let field, let column, let count):
            "column \(column) for field '\(field)' is out of range: the file has \(count) columns"
        case .missingFields(let fields, let available):
            "no column for \(fields.map { "'\($0)'" }.joined(separator: ", ")); columns: \(Self.list(available))"
        }
    }

    private static func list(_ names: [String]) -> String {
        names.map { "'\($0)'" }.joined(separator: ", ")
    }
}
