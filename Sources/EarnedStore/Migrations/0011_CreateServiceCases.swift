import FluentKit
import SQLKit

/// Cases: the whole case (events, corrective actions) as a JSON document, with the columns
/// the queue and the agenda filter on.
struct CreateServiceCases: AsyncMigration {
    var name: String { "0011_CreateServiceCases" }

    func prepare(on database: any Database) async throws {
        try await database.schema("service_cases")
            .id()
            .field("customer_id", .uuid, .required, .references("customers", "id"))
            .field("location_id", .uuid, .references("locations", "id", onDelete: .setNull))
            .field("owner_id", .uuid, .required, .references("staff", "id"))
            .field("holder_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .field("holder_department", .string)
            .field("status", .string, .required)
            .field("priority", .string, .required)
            .field("source", .string, .required)
            .field("link_id", .uuid)
            .field("opened_at", .datetime, .required)
            .field("document", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "service_cases_owner").on("service_cases").column("owner_id").column("status").run()
        try await sql.create(index: "service_cases_holder").on("service_cases").column("holder_id").column("status")
            .run()
        try await sql.create(index: "service_cases_location").on("service_cases").column("location_id")
            .column("status").run()
        try await sql.create(index: "service_cases_customer").on("service_cases").column("customer_id").run()
        try await sql.create(index: "service_cases_link").on("service_cases").column("link_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("service_cases").delete()
    }
}
