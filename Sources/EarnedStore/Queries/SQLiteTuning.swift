import FluentKit
import SQLKit
import SQLiteNIO

/// How Earned uses the embedded database when several people write at once.
///
/// The SQLite driver keeps one connection per event loop, and every pragma below belongs to a
/// connection, so `tune` runs them on each one. A busy timeout lets a writer wait for another
/// one's lock instead of failing at once; a write transaction that starts `IMMEDIATE` takes the
/// lock before it reads, so it never finds its snapshot stale when it comes to write.
public enum SQLiteTuning {
    /// How long a connection waits for another writer before giving up.
    public static let busyTimeoutMilliseconds = 10_000

    /// Whether `db` is the embedded database.
    public static func isSQLite(_ db: any Database) -> Bool {
        db.sqlite != nil
    }

    /// Sets the per-connection pragmas on the connection behind `db`.
    public static func tune(_ db: any Database) async throws {
        guard let sql = db.sqlite else { return }
        try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeoutMilliseconds))").run()
        try await sql.raw("PRAGMA synchronous = NORMAL").run()
        try await sql.raw("PRAGMA foreign_keys = ON").run()
    }

    /// Switches the database file to write-ahead logging, so readers do not wait for a writer
    /// (a property of the file, kept across connections); nothing on any other database.
    public static func useWriteAheadLog(_ db: any Database) async throws {
        guard let sql = db.sqlite else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }

    /// The connection's busy timeout in milliseconds (for the tests that prove every connection
    /// got it).
    public static func busyTimeout(_ db: any Database) async throws -> Int? {
        guard let sql = db.sqlite else { return nil }
        return try await sql.raw("PRAGMA busy_timeout").first()?.decode(column: "timeout", as: Int.self)
    }

    /// Turns the deferred transaction Fluent has just begun on `tx` into an immediate one: the
    /// write lock is taken now (waiting up to the busy timeout), before anything is read.
    public static func takeWriteLock(_ tx: any Database) async throws {
        guard let sql = tx.sqlite else { return }
        // Nothing has run inside Fluent's `BEGIN` yet, so ending it loses nothing; Fluent's own
        // COMMIT or ROLLBACK then closes the immediate transaction.
        try await sql.raw("COMMIT").run()
        try await sql.raw("BEGIN IMMEDIATE").run()
    }

    /// True for the errors a retry can cure: another connection held the lock too long, or a
    /// deferred transaction's snapshot went stale.
    public static func isBusy(_ error: any Error) -> Bool {
        guard let sqlite = error as? SQLiteError else { return false }
        switch sqlite.reason {
        case .busy, .locked, .busyInSnapshot, .busyTimeout, .busyInRecovery: return true
        default: return false
        }
    }
}
