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
}
