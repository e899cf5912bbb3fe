import FluentKit
import SQLKit

/// Where each scheduler step stopped (`SchedulerWatermarks`), so a steady pass reads only what
/// fell due or changed since, and the indexes those reads walk: orders by the time they were
/// delivered (the after-sale step's due windows, the surveys that follow a delivery) and by the
/// time they last changed (a delivery recorded late, an order that came back).
struct CreateSchedulerWatermarks: AsyncMigration {
    var name: String { "0038_CreateSchedulerWatermarks" }

    func prepare(on database: any Database) async throws {
        try await database.schema("scheduler_watermarks")
            .id()
            .field("step", .string, .required)
            .field("through", .datetime, .required)
            .field("fingerprint", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "step")
            .create()
        let sql = try database.sql
        try await sql.create(index: "orders_delivered").on("orders").column("delivered_at").run()
        try await sql.create(index: "orders_updated").on("orders").column("updated_at").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql
        try await sql.drop(index: "orders_updated").run()
        try await sql.drop(index: "orders_delivered").run()
        try await database.schema("scheduler_watermarks").delete()
    }
}
