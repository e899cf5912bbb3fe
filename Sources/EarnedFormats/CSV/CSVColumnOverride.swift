import Foundation

/// A user's explicit choice of the column for a field: `field=Header Name` or `field=3`.
///
/// A right-hand side of digits only is a 1-based column number; to name a header that is all
/// digits, quote it: `field="2024"`.
public struct CSVColumnOverride: Sendable, Hashable, CustomStringConvertible {
    /// Where the field's value is.
    public enum Target: Sendable, Hashable {
        /// The column with this header (matched after ``CSVHeader/normalize(_:)``).
        case header(String)
        /// The column with this 1-based number.
        case column(Int)
    }

    /// The field name, e.g. `phone`.
    public let field: String
    /// The column that holds it.
    public let target: Target

    /// Creates an override.
    public init(field: String, target: Target) {
        self.field = field
        self.target = target
    }

    /// Parses `field=Header Name` or `field=3`.
    ///
    /// - Throws: ``CSVHeaderError/invalidOverride(_:)`` when there is no `=`, the field name is
    ///   empty, the header is empty or the column number is below 1.
    public init(parsing specification: String) throws(CSVHeaderError) {
        guard let equals = specification.firstIndex(of: "=") else {
            throw .invalidOverride(specification)
        }
        let field = specification[..<equals].trimmingCharacters(in: .whitespaces)
        var value = specification[specification.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !field.isEmpty, !value.isEmpty else { throw .invalidOverride(specification) }
        if value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") {
            value = String(value.dropFirst().dropLast())
            guard !value.isEmpty else { throw .invalidOverride(specification) }
            self.init(field: field, target: .header(value))
        } else if value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            guard let number = Int(value), number >= 1 else { throw .invalidOverride(specification) }
            self.init(field: field, target: .column(number))
        } else {
            self.init(field: field, target: .header(value))
        }
    }

    /// Parses several overrides, e.g. the values of a repeated command-line option.
    public static func parse(_ specifications: [String]) throws(CSVHeaderError) -> [CSVColumnOverride] {
        var overrides: [CSVColumnOverride] = []
        for specification in specifications {
            overrides.append(try CSVColumnOverride(parsing: specification))
        }
        return overrides
    }

    /// The override in its `field=target` form.
    public var description: String {
        switch target {
        case .header(let name): "\(field)=\(name)"
        case .column(let number): "\(field)=\(number)"
        }
    }
}
