import Foundation

/// A table of field names and the header spellings that mean them, in any language.
///
/// ```swift
/// let aliases = CSVFieldAliases([
///     ["external_id", "id", "код"],
///     ["name", "имя", "фио"],
/// ])
/// aliases.field(forHeader: " ФИО ")   // "name"
/// ```
/// Headers and aliases are compared after ``CSVHeader/normalize(_:)``. A field's own name
/// always counts as one of its aliases. When two fields claim the same alias, the first listed
/// keeps it.
public struct CSVFieldAliases: Sendable, Hashable {
    /// The fields, in the order they were listed.
    public let fields: [String]
    let fieldByAlias: [String: String]

    /// Creates a table from groups whose first element is the field name and whose others are
    /// its aliases.
    public init(_ groups: [[String]]) {
        var fields: [String] = []
        var fieldByAlias: [String: String] = [:]
        for group in groups {
            guard let field = group.first else { continue }
            if !fields.contains(field) { fields.append(field) }
            for alias in group {
                let key = CSVHeader.normalize(alias)
                if fieldByAlias[key] == nil { fieldByAlias[key] = field }
            }
        }
        self.fields = fields
        self.fieldByAlias = fieldByAlias
    }

    /// Creates a table from a field → aliases dictionary (fields then listed in name order).
    public init(_ aliases: [String: [String]]) {
        self.init(aliases.keys.sorted().map { [$0] + (aliases[$0] ?? []) })
    }

    /// The field a header cell names, or `nil` when no alias matches.
    public func field(forHeader header: String) -> String? {
        fieldByAlias[CSVHeader.normalize(header)]
    }

    /// This table followed by `other`: `other`'s fields are added and its aliases used where
    /// this table has none.
    public func merging(_ other: CSVFieldAliases) -> CSVFieldAliases {
        var groups = fields.map { field in
            [field] + fieldByAlias.filter { $0.value == field }.keys.sorted()
        }
        groups += other.fields.map { field in
            [field] + other.fieldByAlias.filter { $0.value == field }.keys.sorted()
        }
        return CSVFieldAliases(groups)
    }
}
