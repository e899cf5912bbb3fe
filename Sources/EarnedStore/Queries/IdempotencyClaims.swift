import FluentKit
import Foundation
import SQLKit

/// Claiming an `Idempotency-Key` in one statement, so two requests with the same key cannot
/// both run: `INSERT … ON CONFLICT (owner_id, key) DO NOTHING RETURNING id` on both databases.
/// Inside a transaction a second claimant waits for the first to commit or roll back (the
/// unique index holds it), then finds the key taken or free.
enum IdempotencyClaims {
    static func claim(owner: UUID, key: String, requestHash: String, now: Date, on db: any Database) async throws
        -> Bool
    {
        let sql = try db.sql
        let values: [BulkValue] = [
            .uuid(UUID()), .uuid(owner), .text(key), .text(requestHash), .integer(0), .text(""), .date(now),
        ]
        let rows = try await sql.insert(into: IdempotencyRecord.schema)
            .columns("id", "owner_id", "key", "request_hash", "status_code", "response_body", "created_at")
            .values(values.map(\.expression))
            .ignoringConflicts(with: ["owner_id", "key"])
            .returning("id").all()
        return !rows.isEmpty
    }
}
