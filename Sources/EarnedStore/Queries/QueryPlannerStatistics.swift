import FluentKit
import SQLKit

/// Keeps the query planner's statistics current after large writes. SQLite chooses indexes
/// from them (without, it may walk a location's every order to find one customer's);
/// PostgreSQL's autovacuum does this by itself, so there it is a no-op.
public enum QueryPlannerStatistics {
    public static func refresh(_ db: any Database) async throws {
        guard let sql = db.sqlite else { return }
        try await sql.raw("PRAGMA optimize").run()
    }

    /// At start-up: analyse tables whose statistics are missing or stale (bounded work).
    public static func refreshOnOpen(_ db: any Database) async throws {
        guard let sql = db.sqlite else { return }
        try await sql.raw("PRAGMA optimize=0x10002").run()
    }
}
