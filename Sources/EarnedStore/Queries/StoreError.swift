/// What the store reports when the database behind it cannot do what was asked.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A query of `Queries/` ran on a Fluent driver that does not speak SQL (both drivers Earned
    /// configures do); `driver` names the database's type.
    case notSQL(driver: String)

    public var description: String {
        switch self {
        case .notSQL(let driver):
            "the database \(driver) does not speak SQL; Earned's queries need SQLite or PostgreSQL"
        }
    }
}
