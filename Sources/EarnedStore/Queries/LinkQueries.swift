import FluentKit
import Foundation
import SQLKit

/// The one-use links a customer or a person opens (a Telegram start link, a case's "is it
/// solved?" link): each kept as the hash of its token, with when it runs out and when it was used.
enum LinkQueries {
    /// Spends the live link of `table` whose token hashes to `hash`, once: it is marked used at
    /// `now` (with `also` beside) in one statement, so two who open it at the same moment cannot
    /// both use it. The row's `returning` columns, or nil when the link is unknown, used or expired.
    static func spend(
        _ table: String, hash: String, now: Date, also: [(String, String)] = [], returning columns: [String],
        on db: any Database
    ) async throws -> (any SQLRow)? {
        var update = try db.sql.update(table).set("used_at", to: now)
        for (column, value) in also { update = update.set(column, to: value) }
        return try await update.where("token_hash", .equal, hash).where("used_at", .is, SQLLiteral.null)
            .where("expires_at", .greaterThan, now).returning(columns.map { SQLIdentifier($0) }).first()
    }
}
