import EarnedDomain
import EarnedFormats
import Foundation

/// What a person chose on an import's preview: the field of each column (or none), what to do
/// with each unknown seller and store, and whether to load the good lines of a file with bad
/// ones. Read from the preview's form; written back into it on the next check.
struct ImportChoices: Sendable, Hashable {
    /// 0-based column → field; "" for a column not to import.
    var columns: [Int: String] = [:]
    var sellers: [String: SellerChoice] = [:]
    var stores: [String: StoreChoice] = [:]
    /// How the chosen names are written in the file, by key.
    var names: [String: String] = [:]
    var partial = false

    init() {}

    /// Reads `column.N`, `seller.K` + `seller-key.K` + `seller-name.K`, `store.K` + …, `partial`.
    init(form: [String: String]) {
        for (name, value) in form {
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "column":
                guard let index = Int(parts[1]), index >= 0, index < 10_000 else { continue }
                columns[index] = value == "-" ? "" : value
            case "seller":
                guard let key = form["seller-key.\(parts[1])"], !key.isEmpty else { continue }
                let choice: SellerChoice? =
                    switch value {
                    case "create": .create
                    case "empty": .empty
                    default:
                        value.hasPrefix("staff:")
                            ? UUID(uuidString: String(value.dropFirst(6))).map { .staff(StaffID($0)) } : nil
                    }
                if let choice {
                    sellers[key] = choice
                    names[key] = form["seller-name.\(parts[1])"] ?? key
                }
            case "store":
                guard let key = form["store-key.\(parts[1])"], !key.isEmpty else { continue }
                let choice: StoreChoice? =
                    value == "empty"
                    ? .empty
                    : value.hasPrefix("location:")
                        ? UUID(uuidString: String(value.dropFirst(9))).map { .location(LocationID($0)) } : nil
                if let choice {
                    stores[key] = choice
                    names[key] = form["store-name.\(parts[1])"] ?? key
                }
            default: continue
            }
        }
        partial = form["partial"] == "true"
    }

    /// Two columns chosen for the same field.
    var columnConflict: Bool {
        let chosen = columns.values.filter { !$0.isEmpty }
        return Set(chosen).count != chosen.count
    }

    /// The chosen columns as the importer's overrides (`field=N`).
    var overrides: [CSVColumnOverride] {
        columns.sorted { $0.key < $1.key }.compactMap { index, field in
            field.isEmpty ? nil : CSVColumnOverride(field: field, target: .column(index + 1))
        }
    }

    /// Columns chosen not to import.
    var skipped: Set<Int> { Set(columns.filter { $0.value.isEmpty }.keys) }

    /// A seller choice as the form's option value.
    static func value(_ choice: SellerChoice?) -> String {
        switch choice {
        case .staff(let id): "staff:" + id.rawValue.uuidString.lowercased()
        case .create: "create"
        case .empty: "empty"
        case nil: ""
        }
    }

    static func value(_ choice: StoreChoice?) -> String {
        switch choice {
        case .location(let id): "location:" + id.rawValue.uuidString.lowercased()
        case .empty: "empty"
        case nil: ""
        }
    }
}
