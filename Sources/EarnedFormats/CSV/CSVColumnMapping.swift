import EarnedDomain
import Foundation

/// Which column holds each field, made by ``CSVHeader/mapping(aliases:overrides:)``.
public struct CSVColumnMapping: Sendable, Hashable {
    /// The header the mapping was made from.
    public let header: CSVHeader
    /// The 0-based column of each mapped field.
    public let columns: [String: Int]

    /// Creates a mapping from field names to 0-based columns.
    public init(header: CSVHeader, columns: [String: Int]) {
        self.header = header
        self.columns = columns
    }

    /// The column of `field` as people see it, for reports: its header without padding, or its
    /// 1-based number when the header cell is blank; the field's own name when it is not mapped.
    public func columnName(for field: String) -> String {
        guard let index = column(for: field) else { return field }
        let names = header.names
        return index < names.count ? names[index].trimmedOrNil ?? "\(index + 1)" : "\(index + 1)"
    }

    /// The 0-based column that holds `field`, or `nil` when the field is not mapped.
    public func column(for field: String) -> Int? {
        columns[field]
    }

    /// The value of `field` in `record`, or `nil` when the field is not mapped or the record
    /// has fewer fields.
    public func value(for field: String, in record: CSVRecord) -> String? {
        guard let column = columns[field] else { return nil }
        return record.field(at: column)
    }

    /// The fields of `required` that no column maps to, in the given order.
    public func missingFields(_ required: [String]) -> [String] {
        required.filter { columns[$0] == nil }
    }

    /// Throws unless every field of `required` is mapped.
    public func require(_ required: [String]) throws(CSVHeaderError) {
        let missing = missingFields(required)
        guard missing.isEmpty else { throw .missingFields(missing, available: header.names) }
    }

    /// The 0-based columns no field maps to (columns the import will ignore).
    public var unmappedColumns: [Int] {
        let used = Set(columns.values)
        return header.names.indices.filter { !used.contains($0) }
    }
}
