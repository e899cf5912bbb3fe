import FluentKit
import SQLKit

/// Every time a customer was contacted on the business's initiative (the fatigue budget
/// counts these), and who referred whom.
struct CreateTouchesAndReferrals: AsyncMigration {
    var name: String { "0014_CreateTouchesAndReferrals" }

    func prepare(on database: any Database) async throws {
        try await database.schema("customer_touches")
            .id()
            .field("customer_id", .uuid, .required, .references("customers", "id"))
            .field("kind", .string, .required)
            .field("at", .datetime, .required)
            .field("task_key", .string)
            .unique(on: "task_key")
            .create()
        try await database.schema("referrals")
            .id()
            .field("referrer_id", .uuid, .required, .references("customers", "id"))
            .field("referred_id", .uuid, .required, .references("customers", "id"))
            .field("order_id", .uuid, .references("orders", "id", onDelete: .setNull))
            .field("recorded_by_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .field("recorded_at", .datetime, .required)
            .unique(on: "referrer_id", "referred_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "customer_touches_customer").on("customer_touches").column("customer_id")
            .column("at").run()
        try await sql.create(index: "referrals_referred").on("referrals").column("referred_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("referrals").delete()
        try await database.schema("customer_touches").delete()
    }
}
