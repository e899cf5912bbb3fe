import FluentKit
import SQLKit

/// Who covers for whom, and the work created or handed over because of it, are decided one at a
/// time: a scheduler pass that creates tasks and a manager recording an absence must not each
/// miss the other (the pass reading no absence, the absence handing over before the pass's
/// tasks exist). Taken at the start of the transaction that does either: on SQLite the write
/// lock (a request's own transaction holds it already), on PostgreSQL an advisory lock held to
/// the end of the transaction, shared by every instance on the database.
public enum CoverLock {
    /// The advisory lock's number: "Earned covers".
    static let key: Int64 = 0x4561_726E_6564_4356

    /// Takes the lock inside the transaction `tx`; `outer` says the transaction is a request's
    /// (or a caller's) own, begun before.
    public static func take(_ tx: any Database, outer: Bool) async throws {
        if SQLiteTuning.isSQLite(tx) {
            if !outer { try await SQLiteTuning.takeWriteLock(tx) }
            return
        }
        let sql = try tx.sql
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: key))").run()
    }
}
