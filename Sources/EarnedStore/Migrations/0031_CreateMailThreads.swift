import FluentKit
import SQLKit

/// Mail in: where Earned stands in each mailbox it reads (with a lease, so one instance reads a
/// mailbox at a time), each contact's conversation by e-mail, and the files that came with it.
struct CreateMailThreads: AsyncMigration {
    var name: String { "0031_CreateMailThreads" }

    func prepare(on database: any Database) async throws {
        try await database.schema("mailbox_states")
            .id()
            .field("scope", .string, .required)
            .field("uid_validity", .int64)
            .field("last_uid", .int64)
            .field("claimed_until", .datetime)
            .field("polled_at", .datetime)
            .field("last_error", .string)
            .field("updated_at", .datetime, .required)
            .unique(on: "scope")
            .create()
        try await database.schema("contact_messages")
            .id()
            .field("contact_id", .uuid, .required, .references("inbound_contacts", "id", onDelete: .cascade))
            .field("direction", .string, .required)
            .field("at", .datetime, .required)
            .field("from_address", .string)
            .field("from_name", .string)
            .field("subject", .string, .required)
            .field("text", .string, .required)
            .field("message_id", .string)
            .field("in_reply_to", .string)
            .field("refs", .string, .required)
            .field("outbound_id", .uuid)
            .field("staff_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .field("attachments_json", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("contact_attachments")
            .id()
            .field("message_id", .uuid, .required, .references("contact_messages", "id", onDelete: .cascade))
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("data", .data, .required)
            .create()
        let sql = try database.sql
        try await sql.create(index: "contact_messages_contact").on("contact_messages").column("contact_id")
            .column("at").run()
        try await sql.create(index: "contact_messages_message_id").on("contact_messages").column("message_id").run()
        try await sql.create(index: "contact_attachments_message").on("contact_attachments").column("message_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("contact_attachments").delete()
        try await database.schema("contact_messages").delete()
        try await database.schema("mailbox_states").delete()
    }
}
