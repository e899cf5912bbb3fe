import FluentKit
import SQLKit

/// Each message to a customer carries a one-click unsubscribe link: its token's hash, when the
/// link stops working, and when it was used.
struct UpdateOutboundMessagesAddUnsubscribe: AsyncMigration {
    var name: String { "0032_UpdateOutboundMessagesAddUnsubscribe" }

    func prepare(on database: any Database) async throws {
        // One column a statement: SQLite adds one at a time.
        try await database.schema("outbound_messages").field("unsubscribe_hash", .string).update()
        try await database.schema("outbound_messages").field("unsubscribe_expires_at", .datetime).update()
        try await database.schema("outbound_messages").field("unsubscribed_at", .datetime).update()
        let sql = try database.sql
        try await sql.create(index: "outbound_messages_unsubscribe").on("outbound_messages")
            .column("unsubscribe_hash").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql
        try await sql.drop(index: "outbound_messages_unsubscribe").run()
        for field in ["unsubscribe_hash", "unsubscribe_expires_at", "unsubscribed_at"] {
            try await database.schema("outbound_messages").deleteField(.key(.init(stringLiteral: field))).update()
        }
    }
}
