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

    /// Messages Earned sends itself: what was not sent yet is not sent at all; what was sent
    /// keeps its delivery state, not its address, subject or words; their Telegram chat goes.
    static func clearOutbox(of customers: [CustomerID], on db: any Database) async throws {
        let sql = try db.sql
        for known in customers {
            try await sql.update("outbound_messages").set("status", to: OutboundMessage.Status.failed.rawValue)
                .set("last_result", to: "customer erased").set("next_attempt_at", to: SQLLiteral.null)
                .where("customer_id", .equal, known.rawValue).where("status", .equal, "pending").run()
            try await sql.update("outbound_messages").set("address", to: "").set("name", to: SQLLiteral.null)
                .set("subject", to: "").set("text", to: "").where("customer_id", .equal, known.rawValue).run()
            // Their Telegram chat and start links: nothing more goes to them.
            try await sql.delete(from: "telegram_chats").where("customer_id", .equal, known.rawValue).run()
            try await sql.delete(from: "telegram_links").where("customer_id", .equal, known.rawValue).run()
            try await sql.delete(from: "case_confirmations").where("customer_id", .equal, known.rawValue).run()
        }
    }

    /// The conversations by e-mail of these contacts keep when each message came and went, not
    /// what it said, who wrote it, or its files.
    static func clearMailThreads(of contacts: [UUID], on db: any Database) async throws {
        let sql = try db.sql
        for start in stride(from: 0, to: contacts.count, by: 500) {
            let batch = Array(contacts[start..<min(start + 500, contacts.count)])
            let messages = try await sql.select().column("id").from("contact_messages")
                .where("contact_id", .in, batch).all().map { try $0.decode(column: "id", as: UUID.self) }
            if !messages.isEmpty {
                try await sql.delete(from: "contact_attachments").where("message_id", .in, messages).run()
            }
            try await sql.update("contact_messages").set("text", to: "").set("subject", to: "")
                .set("from_address", to: SQLLiteral.null).set("from_name", to: SQLLiteral.null)
                .set("attachments_json", to: "[]").where("contact_id", .in, batch).run()
        }
    }
}
