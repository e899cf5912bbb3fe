import FluentKit
import SQLKit

/// The health check's look at the database.
public enum DatabaseHealth {
    /// Runs the cheapest statement there is; throws when the database does not answer.
    public static func probe(_ db: any Database) async throws {
        try await db.sql.raw("SELECT 1").run()
    }
}
