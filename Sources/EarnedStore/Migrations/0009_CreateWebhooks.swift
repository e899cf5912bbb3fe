import FluentKit
import SQLKit

/// Webhook subscriptions and their delivery log; one delivery per subscription and event.
struct CreateWebhooks: AsyncMigration {
    var name: String { "0009_CreateWebhooks" }

    func prepare(on database: any Database) async throws {
        try await database.schema("webhook_subscriptions")
            .id()
            .field("url", .string, .required)
            .field("events", .string, .required)
            .field("secret", .string, .required)
            .field("description", .string)
            .field("is_active", .bool, .required)
            .field("created_by_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("webhook_deliveries")
            .id()
            .field(
                "subscription_id", .uuid, .required, .references("webhook_subscriptions", "id", onDelete: .cascade)
            )
            .field("event_key", .string, .required)
            .field("event_kind", .string, .required)
            .field("payload", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime)
            .field("claimed_until", .datetime)
            .field("last_status_code", .int)
            .field("last_error", .string)
            .field("delivered_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "subscription_id", "event_key")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "webhook_deliveries_due").on("webhook_deliveries").column("status")
            .column("next_attempt_at").run()
        try await sql.create(index: "webhook_deliveries_subscription").on("webhook_deliveries")
            .column("subscription_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("webhook_deliveries").delete()
        try await database.schema("webhook_subscriptions").delete()
    }
}
