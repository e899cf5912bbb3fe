import FluentKit
import SQLKit

/// Orders: amounts in minor units, promised and actual delivery times.
struct CreateOrders: AsyncMigration {
    var name: String { "0004_CreateOrders" }

    func prepare(on database: any Database) async throws {
        try await database.schema("orders")
            .id()
            .field("customer_id", .uuid, .required, .references("customers", "id"))
            .field("seller_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .field("location_id", .uuid, .references("locations", "id", onDelete: .setNull))
            .field("placed_at", .datetime, .required)
            .field("amount_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("discount_minor", .int64, .required)
            .field("quantity", .int, .required)
            .field("items_summary", .string)
            .field("channel", .string, .required)
            .field("promised_at", .datetime)
            .field("delivered_at", .datetime)
            .field("external_id", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "external_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "orders_customer_placed").on("orders").column("customer_id").column("placed_at")
            .run()
        try await sql.create(index: "orders_placed").on("orders").column("placed_at").column("id").run()
        try await sql.create(index: "orders_location_placed").on("orders").column("location_id").column("placed_at")
            .run()
        try await sql.create(index: "orders_seller").on("orders").column("seller_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("orders").delete()
    }
}
