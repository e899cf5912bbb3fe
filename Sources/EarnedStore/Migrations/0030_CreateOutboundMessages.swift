import FluentKit
import SQLKit

/// The outbox: messages Earned sends itself (e-mail), one per key, with their delivery state.
struct CreateOutboundMessages: AsyncMigration {
    var name: String { "0030_CreateOutboundMessages" }

    func prepare(on database: any Database) async throws {
        try await database.schema("outbound_messages")
            .id()
            .field("key", .string, .required)
            .field("kind", .string, .required)
            .field("channel", .string, .required)
            .field("customer_id", .uuid, .references("customers", "id", onDelete: .setNull))
            .field("staff_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .field("location_id", .uuid, .references("locations", "id", onDelete: .setNull))
            .field("task_id", .uuid)
            .field("subject_id", .uuid)
            .field("address", .string, .required)
            .field("name", .string)
            .field("subject", .string, .required)
            .field("text", .string, .required)
            .field("language", .string, .required)
            .field("message_id", .string)
            .field("in_reply_to", .string)
            .field("refs", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime)
            .field("claimed_until", .datetime)
            .field("last_result", .string)
            .field("sent_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "key")
            .create()
        let sql = try database.sql
        try await sql.create(index: "outbound_messages_due").on("outbound_messages").column("status")
            .column("next_attempt_at").run()
        try await sql.create(index: "outbound_messages_customer").on("outbound_messages").column("customer_id")
            .column("created_at").run()
        try await sql.create(index: "outbound_messages_created").on("outbound_messages").column("created_at").run()
        try await sql.create(index: "outbound_messages_message_id").on("outbound_messages").column("message_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbound_messages").delete()
    }
}
