import FluentKit
import Foundation
import SQLKit

/// The account writes that must hold with several instances on one database: counting API
/// requests per token and window, and using a one-time code or link exactly once. Each is one
/// statement (`… RETURNING`, SQLite 3.35+ and PostgreSQL), so the database settles any race.
enum AccountQueries {
    /// Adds one request to `key`'s window and returns the window's count so far.
    static func hit(key: String, window: Int64, on db: any Database) async throws -> Int {
        let sql = try db.sql
        let row = try await sql.raw(
            """
            INSERT INTO api_rate_windows (id, key, window_start, hits)
            VALUES (\(bind: UUID()), \(bind: key), \(bind: window), 1)
            ON CONFLICT (key, window_start) DO UPDATE SET hits = api_rate_windows.hits + 1
            RETURNING hits
            """
        ).first()
        let hits = try row?.decode(column: "hits", as: Int.self) ?? 1
        if hits == 1 {
            // A new window: the key's older ones will not be read again.
            try await sql.delete(from: "api_rate_windows").where("key", .equal, key)
                .where("window_start", .lessThan, window).run()
        }
        return hits
    }

    /// Forgets the rate windows that ended before `window`.
    static func dropRateWindows(before window: Int64, on db: any Database) async throws {
        let sql = try db.sql
        try await sql.delete(from: "api_rate_windows").where("window_start", .lessThan, window).run()
    }

    /// Records `step` as used when it is later than the last step used; false when a code of
    /// this step (or a later one) was already accepted.
    static func claimStep(staffID: UUID, step: Int64, on db: any Database) async throws -> Bool {
        let sql = try db.sql
        let rows = try await sql.raw(
            """
            UPDATE two_factor_secrets SET last_used_step = \(bind: step)
            WHERE staff_id = \(bind: staffID) AND (last_used_step IS NULL OR last_used_step < \(bind: step))
            RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// Marks an unused recovery code used; false when there is none with this hash.
    static func claimRecoveryCode(staffID: UUID, codeHash: String, now: Date, on db: any Database) async throws
        -> Bool
    {
        let sql = try db.sql
        let rows = try await sql.raw(
            """
            UPDATE recovery_codes SET used_at = \(bind: now)
            WHERE staff_id = \(bind: staffID) AND code_hash = \(bind: codeHash) AND used_at IS NULL
            RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// Counts one wrong code against a waiting sign-in and returns the count; nil when the
    /// sign-in is gone.
    static func failChallenge(_ id: UUID, on db: any Database) async throws -> Int? {
        let sql = try db.sql
        let row = try await sql.raw(
            """
            UPDATE sign_in_challenges SET attempts = attempts + 1 WHERE id = \(bind: id) RETURNING attempts
            """
        ).first()
        return try row?.decode(column: "attempts", as: Int.self)
    }

    /// Marks a live reset link used and returns whose it was; nil when it is unknown, used or
    /// expired.
    static func claimReset(tokenHash: String, now: Date, on db: any Database) async throws -> UUID? {
        let sql = try db.sql
        let row = try await sql.raw(
            """
            UPDATE password_resets SET used_at = \(bind: now)
            WHERE token_hash = \(bind: tokenHash) AND used_at IS NULL AND expires_at > \(bind: now)
            RETURNING staff_id
            """
        ).first()
        return try row?.decode(column: "staff_id", as: UUID.self)
    }
}
