import EarnedDomain
import Foundation

extension CSVFieldAliases {
    /// The spellings that mean `field` (after ``CSVHeader/normalize(_:)``), sorted; what
    /// docs/import.md lists.
    public func spellings(of field: String) -> [String] {
        fieldByAlias.filter { $0.value == field }.keys.sorted()
    }
}
