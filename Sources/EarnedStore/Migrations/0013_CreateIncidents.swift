import FluentKit
import SQLKit

/// Call-first incidents, and one row per affected customer: when the business told them.
struct CreateIncidents: AsyncMigration {
    var name: String { "0013_CreateIncidents" }

    func prepare(on database: any Database) async throws {
        try await database.schema("incidents")
            .id()
            .field("location_id", .uuid, .references("locations", "id", onDelete: .setNull))
            .field("found_at", .datetime, .required)
            .field("document", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("incident_customers")
            .id()
            .field("incident_id", .uuid, .required, .references("incidents", "id", onDelete: .cascade))
            .field("customer_id", .uuid, .required, .references("customers", "id"))
            .field("told_at", .datetime)
            .unique(on: "incident_id", "customer_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "incident_customers_customer").on("incident_customers").column("customer_id")
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("incident_customers").delete()
        try await database.schema("incidents").delete()
    }
}
