import FluentKit
import SQLKit

extension Database {
    /// This database as SQLKit's, for the raw SQL of this folder: the one place Fluent's
    /// `Database` becomes an `SQLDatabase`. A driver that does not speak SQL throws
    /// `StoreError.notSQL` instead of crashing the process.
    var sql: any SQLDatabase {
        get throws(StoreError) {
            guard let sql = self as? any SQLDatabase else { throw .notSQL(driver: String(reflecting: type(of: self))) }
            return sql
        }
    }

    /// This database when it is the embedded SQLite, for what only SQLite has (pragmas, copies
    /// of the file); nil on any other database.
    var sqlite: (any SQLDatabase)? {
        guard let sql = try? sql, sql.dialect.name == "sqlite" else { return nil }
        return sql
    }
}
