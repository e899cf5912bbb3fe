import FluentKit
import SQLKit

/// An online copy of an SQLite database: `VACUUM INTO` writes a consistent snapshot while
/// other connections keep reading and writing.
public enum SQLiteBackup {
    public static func copy(_ db: any Database, to path: String) async throws {
        guard let sql = db.sqlite else {
            throw BackupUnsupported()
        }
        try await sql.raw("VACUUM INTO \(bind: path)").run()
    }

    public struct BackupUnsupported: Error, CustomStringConvertible {
        public var description: String { "only the embedded SQLite database can be copied this way; use pg_dump" }
    }
}
