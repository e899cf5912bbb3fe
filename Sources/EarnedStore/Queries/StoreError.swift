/// What the store reports when the database behind it cannot do what was asked.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A query of `Queries/` ran on a Fluent driver that does not speak SQL (both drivers Earned
    /// configures do); `driver` names the database's type.
    case notSQL(driver: String)
    /// A query read straight from the SQLite driver carried a bind of a type `BulkValue` does
    /// not write (a mistake in `Queries/`, not in the data).
    case unsupportedBind(type: String)

    public var description: String {
        switch self {
        case .notSQL(let driver):
            "the database \(driver) does not speak SQL; Earned's queries need SQLite or PostgreSQL"
        case .unsupportedBind(let type):
            "a query bound a value of type \(type), which the SQLite fast path does not write"
        }
    }
}
