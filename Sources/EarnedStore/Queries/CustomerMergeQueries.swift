import FluentKit
import Foundation
import SQLKit

/// The column-only half of a merge: every row that names the absorbed customer in a column and
/// keeps no copy of it in a document moves to the survivor. Rows that would become a duplicate
/// (both were affected by one incident, both referred the same person) or a customer referring
/// themselves are dropped first, since the survivor already has them.
enum CustomerMergeQueries {
    static func moveColumns(from absorbed: UUID, to survivor: UUID, on db: any Database) async throws {
        let sql = try db.sql
        for table in [
            "orders", "customer_notes", "customer_touches", "survey_invitations", "survey_answers", "outbound_messages",
            "telegram_chats", "telegram_links", "case_confirmations",
        ] {
            try await sql.update(table).set("customer_id", to: survivor).where("customer_id", .equal, absorbed).run()
        }
        for table in ["survey_invitations", "survey_answers"] {
            try await sql.update(table).set("subject_id", to: survivor).where("subject_kind", .equal, "customer")
                .where("subject_id", .equal, absorbed).run()
        }
        try await sql.raw(
            """
            DELETE FROM incident_customers WHERE customer_id = \(bind: absorbed) AND incident_id IN
                (SELECT incident_id FROM incident_customers WHERE customer_id = \(bind: survivor))
            """
        ).run()
        try await sql.update("incident_customers").set("customer_id", to: survivor)
            .where("customer_id", .equal, absorbed).run()
        try await sql.raw(
            """
            DELETE FROM referrals WHERE
                (referrer_id = \(bind: absorbed) AND referred_id = \(bind: survivor))
                OR (referrer_id = \(bind: survivor) AND referred_id = \(bind: absorbed))
                OR (referrer_id = \(bind: absorbed) AND referred_id IN
                    (SELECT referred_id FROM referrals WHERE referrer_id = \(bind: survivor)))
                OR (referred_id = \(bind: absorbed) AND referrer_id IN
                    (SELECT referrer_id FROM referrals WHERE referred_id = \(bind: survivor)))
            """
        ).run()
        try await sql.update("referrals").set("referrer_id", to: survivor).where("referrer_id", .equal, absorbed).run()
        try await sql.update("referrals").set("referred_id", to: survivor).where("referred_id", .equal, absorbed).run()
        // The absorbed customer's scores are the survivor's now; the next run scores them together.
        try await sql.delete(from: "customer_scores").where("customer_id", .equal, absorbed).run()
        // Stored API answers about the absorbed customer belong to the survivor, so erasing the
        // survivor removes them too.
        try await sql.update("idempotency_keys").set("resource_id", to: survivor)
            .where("resource_id", .equal, absorbed).run()
        try await sql.update("customers").set("merged_into_id", to: survivor)
            .where("merged_into_id", .equal, absorbed).run()
    }
}
