import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// The scheduler's marks of work done: a key is written once however many instances do the
/// same work (`ON CONFLICT (key) DO NOTHING`, on both databases).
enum SettingsQueries {
    /// Whether a mark under `key` exists.
    static func isMarked(_ key: String, on db: any Database) async throws -> Bool {
        let sql = try db.sql
        return try await sql.select().column("key").from("scheduler_marks").where("key", .equal, key).first() != nil
    }

    /// Writes the mark `key` done at `now`, unless it is there already.
    static func mark(_ key: String, at now: Date, on db: any Database) async throws {
        let sql = try db.sql
        try await sql.raw(
            "INSERT INTO scheduler_marks (id, key, done_at) VALUES (\(bind: IDGenerator.next()), \(bind: key), \(bind: now)) ON CONFLICT (key) DO NOTHING"
        ).run()
    }
}
