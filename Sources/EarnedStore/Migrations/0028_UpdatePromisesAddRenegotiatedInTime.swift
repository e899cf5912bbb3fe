import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// Whether a renegotiation in time moved the promise's due time in force — with the status, the
/// closing time and the due time in force, all its outcome turns on — so the on-time report
/// counts outcomes from columns instead of decoding every promise of the period. Existing rows
/// are filled from their documents, a page at a time. The column stays nullable, as SQLite
/// adds columns; the app always writes it.
struct UpdatePromisesAddRenegotiatedInTime: AsyncMigration {
    var name: String { "0028_UpdatePromisesAddRenegotiatedInTime" }

    func prepare(on database: any Database) async throws {
        try await database.schema("promises").field("renegotiated_in_time", .bool).update()
        let sql = try database.sql
        // Each pass fills a thousand rows still empty, so the next finds the next thousand; a row
        // seen twice would mean the update missed it, and stops the migration rather than loop.
        var seen = Set<UUID>()
        while true {
            let rows = try await sql.select().column("id").column("document").from("promises")
                .where(SQLIdentifier("renegotiated_in_time"), .is, SQLLiteral.null).limit(1000).all()
            guard !rows.isEmpty else { break }
            var moved: [UUID] = []
            var kept: [UUID] = []
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                guard seen.insert(id).inserted else {
                    throw DomainError.conflict("promise \(id) was not filled in")
                }
                let promise = try DocumentCoding.decode(
                    Promise.self, try row.decode(column: "document", as: String.self))
                if promise.wasRenegotiatedInTime { moved.append(id) } else { kept.append(id) }
            }
            for (ids, value) in [(moved, true), (kept, false)] where !ids.isEmpty {
                try await sql.update("promises").set("renegotiated_in_time", to: value).where("id", .in, ids).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("promises").deleteField("renegotiated_in_time").update()
    }
}
