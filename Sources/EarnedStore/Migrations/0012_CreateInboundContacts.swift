import FluentKit
import SQLKit

/// Inbound contacts (calls, e-mails, chats, messages, reviews, visits) with their reply
/// clocks' inputs in a JSON document; external ids unique for idempotent imports.
struct CreateInboundContacts: AsyncMigration {
    var name: String { "0012_CreateInboundContacts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("inbound_contacts")
            .id()
            .field("customer_id", .uuid, .references("customers", "id"))
            .field("location_id", .uuid, .required, .references("locations", "id"))
            .field("owner_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .field("channel", .string, .required)
            .field("priority", .string, .required)
            .field("status", .string, .required)
            .field("received_at", .datetime, .required)
            .field("external_id", .string)
            .field("document", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "external_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "inbound_contacts_location").on("inbound_contacts").column("location_id")
            .column("status").column("received_at").run()
        try await sql.create(index: "inbound_contacts_owner").on("inbound_contacts").column("owner_id")
            .column("status").run()
        try await sql.create(index: "inbound_contacts_customer").on("inbound_contacts").column("customer_id")
            .column("received_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("inbound_contacts").delete()
    }
}
