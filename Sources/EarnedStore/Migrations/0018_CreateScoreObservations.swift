import FluentKit
import SQLKit

/// The records behind every scorecard figure, as the last `earned score` run counted them: a
/// row a record and step, so a figure drills down to exactly the promises, replies or cases
/// that make it; and indexes that list a segment's customers by value.
struct CreateScoreObservations: AsyncMigration {
    var name: String { "0018_CreateScoreObservations" }

    func prepare(on database: any Database) async throws {
        try await database.schema("score_observations")
            .id()
            .field("step", .string, .required)
            .field("record_id", .uuid, .required)
            .field("record_kind", .string)
            .field("at", .datetime, .required)
            .field("location_id", .uuid)
            .field("staff_id", .uuid)
            .field("team", .string)
            .field("success", .bool, .required)
            .field("value", .double)
            .field("slot", .string)
            .field("computed_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        // A figure's records, newest first, for the business and for one location, team or
        // person; a customer's page asks which of their records each step counted.
        try await sql.create(index: "score_observations_step_at").on("score_observations")
            .column("step").column("at").column("record_id").run()
        for scope in ["location_id", "staff_id", "team"] {
            try await sql.create(index: "score_observations_step_\(scope)").on("score_observations")
                .column("step").column(scope).column("at").column("record_id").run()
        }
        try await sql.create(index: "score_observations_record").on("score_observations").column("record_id").run()
        // A segment's customers and those at risk, most valuable first.
        try await sql.create(index: "customer_scores_segment_value").on("customer_scores")
            .column("segment").column("clv_minor").column("customer_id").run()
        try await sql.create(index: "customer_scores_risk_value").on("customer_scores")
            .column("at_risk").column("clv_minor").column("customer_id").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "customer_scores_risk_value").run()
        try await sql.drop(index: "customer_scores_segment_value").run()
        try await database.schema("score_observations").delete()
    }
}
