import FluentKit
import SQLKit

/// The Telegram bot: the chats people started with it (a customer by the link they were given,
/// a member of staff for their notices), the one-use links that say who is starting it, and a
/// way to find a chat's latest conversation among contacts' messages.
struct CreateTelegram: AsyncMigration {
    var name: String { "0034_CreateTelegram" }

    func prepare(on database: any Database) async throws {
        try await database.schema("telegram_chats")
            .id()
            .field("chat_id", .int64, .required)
            .field("customer_id", .uuid, .references("customers", "id", onDelete: .setNull))
            .field("staff_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .field("username", .string)
            .field("name", .string, .required)
            .field("started_at", .datetime, .required)
            .field("stopped_at", .datetime)
            .field("updated_at", .datetime, .required)
            .unique(on: "chat_id")
            .create()
        try await database.schema("telegram_links")
            .id()
            .field("token_hash", .string, .required)
            .field("customer_id", .uuid, .references("customers", "id", onDelete: .cascade))
            .field("staff_id", .uuid, .references("staff", "id", onDelete: .cascade))
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        let sql = try database.sql
        try await sql.create(index: "telegram_chats_customer").on("telegram_chats").column("customer_id").run()
        try await sql.create(index: "telegram_chats_staff").on("telegram_chats").column("staff_id").run()
        try await sql.create(index: "telegram_links_expires").on("telegram_links").column("expires_at").run()
        try await sql.create(index: "contact_messages_from").on("contact_messages").column("from_address")
            .column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "contact_messages_from").run()
        try await database.schema("telegram_links").delete()
        try await database.schema("telegram_chats").delete()
    }
}
