import FluentKit
import SQLKit

/// Saved program forecasts: the inputs, the baseline they ran on and what they found, with the
/// figures a list shows kept in columns.
struct CreateForecastScenarios: AsyncMigration {
    var name: String { "0019_CreateForecastScenarios" }

    func prepare(on database: any Database) async throws {
        try await database.schema("forecast_scenarios")
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("created_by_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .field("baseline_at", .datetime, .required)
            .field("npv_p50_minor", .int64, .required)
            .field("probability_of_loss", .double, .required)
            .field("verdict", .string, .required)
            .field("currency", .string)
            .field("document", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "forecast_scenarios_created").on("forecast_scenarios").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("forecast_scenarios").delete()
    }
}
