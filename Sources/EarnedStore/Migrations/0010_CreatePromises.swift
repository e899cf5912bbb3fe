import FluentKit
import SQLKit

/// Promises to customers. The whole promise (renegotiations included) is kept as a JSON
/// document; the columns beside it are what lists and figures filter and sort on.
struct CreatePromises: AsyncMigration {
    var name: String { "0010_CreatePromises" }

    func prepare(on database: any Database) async throws {
        try await database.schema("promises")
            .id()
            .field("customer_id", .uuid, .required, .references("customers", "id"))
            .field("owner_id", .uuid, .required, .references("staff", "id"))
            .field("location_id", .uuid, .references("locations", "id", onDelete: .setNull))
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("due_at", .datetime, .required)
            .field("due_in_force_at", .datetime, .required)
            .field("closed_at", .datetime)
            .field("link_id", .uuid)
            .field("document", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "promises_owner").on("promises").column("owner_id").column("status")
            .column("due_at").run()
        try await sql.create(index: "promises_location").on("promises").column("location_id").column("status")
            .column("due_at").run()
        try await sql.create(index: "promises_customer").on("promises").column("customer_id").run()
        try await sql.create(index: "promises_link").on("promises").column("link_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("promises").delete()
    }
}
