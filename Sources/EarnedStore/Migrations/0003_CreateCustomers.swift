import FluentKit
import SQLKit

/// Customers with their contacts, dates, consents and notes.
struct CreateCustomers: AsyncMigration {
    var name: String { "0003_CreateCustomers" }

    func prepare(on database: any Database) async throws {
        try await database.schema("customers")
            .id()
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("sort_key", .string, .required)
            .field("search_text", .string, .required)
            .field("owner_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .field("home_location_id", .uuid, .references("locations", "id", onDelete: .setNull))
            .field("language", .string, .required)
            .field("preferred_channel", .string)
            .field("tags_json", .string, .required)
            .field("external_id", .string)
            .field("merged_into_id", .uuid)
            .field("erased_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "external_id")
            .create()
        try await database.schema("customer_contacts")
            .id()
            .field("customer_id", .uuid, .required, .references("customers", "id", onDelete: .cascade))
            .field("channel", .string, .required)
            .field("value", .string, .required)
            .field("label", .string)
            .field("position", .int, .required)
            .create()
        try await database.schema("customer_dates")
            .id()
            .field("customer_id", .uuid, .required, .references("customers", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("year", .int)
            .field("month", .int, .required)
            .field("day", .int, .required)
            .field("label", .string)
            .create()
        try await database.schema("customer_consents")
            .id()
            .field("customer_id", .uuid, .required, .references("customers", "id", onDelete: .cascade))
            .field("channel", .string, .required)
            .field("given", .bool, .required)
            .field("at", .datetime, .required)
            .field("source", .string, .required)
            .create()
        try await database.schema("customer_notes")
            .id()
            .field("customer_id", .uuid, .required, .references("customers", "id", onDelete: .cascade))
            .field("author_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .field("text", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "customers_sort").on("customers").column("sort_key").column("id").run()
        try await sql.create(index: "customers_location_sort").on("customers")
            .column("home_location_id").column("sort_key").column("id").run()
        try await sql.create(index: "customer_contacts_customer").on("customer_contacts").column("customer_id").run()
        try await sql.create(index: "customer_contacts_value").on("customer_contacts").column("channel")
            .column("value").run()
        try await sql.create(index: "customer_dates_customer").on("customer_dates").column("customer_id").run()
        try await sql.create(index: "customer_dates_day").on("customer_dates").column("month").column("day").run()
        try await sql.create(index: "customer_consents_customer").on("customer_consents").column("customer_id").run()
        try await sql.create(index: "customer_notes_customer").on("customer_notes").column("customer_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["customer_notes", "customer_consents", "customer_dates", "customer_contacts", "customers"] {
            try await database.schema(table).delete()
        }
    }
}
