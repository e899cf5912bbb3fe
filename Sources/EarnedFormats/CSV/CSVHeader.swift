import EarnedDomain
import Foundation

/// The header row of a delimited file, and how its columns map to field names.
///
/// ```swift
/// let header = CSVHeader(document.records[0])
/// let mapping = try header.mapping(
///     aliases: .customers,
///     overrides: [try CSVColumnOverride(parsing: "phone=Моб. телефон")])
/// let phone = mapping.value(for: "phone", in: record)
/// ```
public struct CSVHeader: Sendable, Hashable {
    /// The header cells as they appear in the file.
    public let names: [String]
    /// The header cells after ``normalize(_:)``.
    public let normalizedNames: [String]
    /// The line the header is on (0 when it was not read from a file).
    public let line: Int

    /// Creates a header from the names of the columns, in order.
    public init(names: [String], line: Int = 0) {
        self.names = names
        self.normalizedNames = names.map(Self.normalize)
        self.line = line
    }

    /// Creates a header from a file's header record.
    public init(_ record: CSVRecord) {
        self.init(names: record.fields, line: record.line)
    }

    /// The number of columns.
    public var count: Int { names.count }

    /// The column at `index` (0-based) as people see it: its header without padding, or
    /// "field N" (1-based) when the header cell is blank or the header has no such column.
    public func columnName(at index: Int) -> String {
        (index < names.count ? names[index].trimmedOrNil : nil) ?? "field \(index + 1)"
    }

    /// Everything wrong with the text of `record` read below this header: the record's own
    /// ``CSVRecord/problems`` (bytes that are not UTF-8, NUL, a byte-order mark inside a field),
    /// then more fields than the header has columns (at the first extra field; fewer is fine,
    /// the missing ones are empty), or the header itself again (on a line other than the
    /// header's, equal to it after ``normalize(_:)``; for the whole record).
    public func problems(in record: CSVRecord) -> [CSVFieldProblem] {
        var problems = record.problems
        if record.line != line && isRepeated(by: record) {
            problems.append(CSVFieldProblem(fieldIndex: nil, .repeatedHeader(headerLine: line)))
        } else if record.count > count {
            problems.append(CSVFieldProblem(fieldIndex: count, .tooManyFields(count: record.count, header: count)))
        }
        return problems
    }

    /// Whether `record` holds this header's cells, after normalization and ignoring empty cells
    /// at the end.
    private func isRepeated(by record: CSVRecord) -> Bool {
        var cells = normalizedNames[...]
        while cells.last?.isEmpty == true { cells.removeLast() }
        guard !cells.isEmpty, record.count >= cells.count else { return false }
        for index in cells.indices where Self.normalize(record[index]) != cells[index] { return false }
        return (cells.count..<record.count).allSatisfy { Self.normalize(record[$0]).isEmpty }
    }

    /// The 0-based index of the first column whose header matches `name` after normalization.
    public func index(of name: String) -> Int? {
        normalizedNames.firstIndex(of: Self.normalize(name))
    }

    /// Maps columns to fields: first by `aliases` (the first matching column wins), then by
    /// `overrides`, which replace what the aliases chose for their fields.
    ///
    /// - Throws: ``CSVHeaderError`` when an override names a header that is not there, or a
    ///   column number beyond the last column.
    public func mapping(
        aliases: CSVFieldAliases,
        overrides: [CSVColumnOverride] = []
    ) throws(CSVHeaderError) -> CSVColumnMapping {
        var columns: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if let field = aliases.field(forHeader: name), columns[field] == nil {
                columns[field] = index
            }
        }
        for override in overrides {
            switch override.target {
            case .header(let name):
                guard let index = index(of: name) else {
                    throw .unknownHeader(field: override.field, header: name, available: names)
                }
                columns[override.field] = index
            case .column(let number):
                guard number >= 1 && number <= count else {
                    throw .columnOutOfRange(field: override.field, column: number, columnCount: count)
                }
                columns[override.field] = number - 1
            }
        }
        return CSVColumnMapping(header: self, columns: columns)
    }

    /// Normalizes a header cell for matching: trims whitespace (including no-break and narrow
    /// spaces and a stray byte-order mark), case-folds, folds `ё` to `е`, treats `_` and `-` as
    /// spaces and collapses runs of spaces. `" External_ID "` and `"external id"` match.
    public static func normalize(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in name.lowercased().unicodeScalars {
            switch scalar {
            case "\u{FEFF}":
                continue
            case "_", "-":
                pendingSpace = true
            case "ё":
                if pendingSpace && !scalars.isEmpty { scalars.append(" ") }
                pendingSpace = false
                scalars.append("е")
            default:
                if scalar.properties.isWhitespace {
                    pendingSpace = true
                } else {
                    if pendingSpace && !scalars.isEmpty { scalars.append(" ") }
                    pendingSpace = false
                    scalars.append(scalar)
                }
            }
        }
        return String(scalars)
    }
}
