import FluentKit
import SQLKit

/// What `earned score` computes and keeps: one row of figures per customer (segment, lifetime
/// model outputs), named snapshots of business-wide results as JSON documents (the fitted
/// models, the consistency analysis, the scorecards, the cost of a broken promise), and the
/// lease that lets only one instance compute at a time when several share the database.
struct CreateScores: AsyncMigration {
    var name: String { "0017_CreateScores" }

    func prepare(on database: any Database) async throws {
        try await database.schema("customer_scores")
            .id()
            .field("customer_id", .uuid, .required, .references("customers", "id", onDelete: .cascade))
            .field("segment", .string, .required)
            .field("at_risk", .bool, .required)
            .field("purchases", .int, .required)
            .field("p_alive", .double)
            .field("expected_purchases", .double)
            .field("clv_minor", .int64)
            .field("currency", .string)
            .field("discount_share", .double)
            .field("document", .string, .required)
            .field("computed_at", .datetime, .required)
            .unique(on: "customer_id")
            .create()
        try await database.schema("score_snapshots")
            .id()
            .field("key", .string, .required)
            .field("document", .string, .required)
            .field("computed_at", .datetime, .required)
            .unique(on: "key")
            .create()
        try await database.schema("leases")
            .id()
            .field("key", .string, .required)
            .field("holder", .string, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "key")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "customer_scores_segment").on("customer_scores").column("segment").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("leases").delete()
        try await database.schema("score_snapshots").delete()
        try await database.schema("customer_scores").delete()
    }
}
