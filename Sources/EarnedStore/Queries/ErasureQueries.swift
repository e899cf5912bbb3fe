import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// The bulk clearing a customer's erasure does beyond the records it redacts one by one.
enum ErasureQueries {
    /// Survey answers keep their scores for the figures, not the customer's words; their open
    /// links stop working.
    static func clearSurveys(of customer: CustomerID, on db: any Database) async throws {
        let id = customer.rawValue
        let surveys = try db.sql
        try await surveys.update("survey_answers").set("comment", to: SQLLiteral.null).where("customer_id", .equal, id)
            .run()
        try await surveys.update("survey_invitations").set("state", to: "expired").where("customer_id", .equal, id)
            .where("state", .equal, "open").run()
    }

    /// Messages for gateways (a greeting's words and address) that name any of `customers`
    /// and were not delivered yet are not sent at all; those sent keep their delivery record,
    /// not their words.
    static func clearWebhookPayloads(naming customers: [CustomerID], on db: any Database) async throws {
        let sql = try db.sql
        for known in customers {
            let pattern = "%\(known.rawValue.uuidString.lowercased())%"
            try await sql.update("webhook_deliveries").set("payload", to: "{}").set("status", to: "failed")
                .set("last_error", to: "customer erased").where("status", .equal, "pending")
                .where("payload", .like, pattern).run()
            try await sql.update("webhook_deliveries").set("payload", to: "{}").where("payload", .like, pattern).run()
        }
    }

    /// E-mail Earned sends itself: what was not sent yet is not sent at all; what was sent keeps
    /// its delivery state, not its address, subject or words.
    static func clearOutbox(of customers: [CustomerID], on db: any Database) async throws {
        let sql = try db.sql
        for known in customers {
            try await sql.update("outbound_messages").set("status", to: OutboundMessage.Status.failed.rawValue)
                .set("last_result", to: "customer erased").set("next_attempt_at", to: SQLLiteral.null)
                .where("customer_id", .equal, known.rawValue).where("status", .equal, "pending").run()
            try await sql.update("outbound_messages").set("address", to: "").set("name", to: SQLLiteral.null)
                .set("subject", to: "").set("text", to: "").where("customer_id", .equal, known.rawValue).run()
        }
    }
}
