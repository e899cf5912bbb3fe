import FluentKit
import SQLKit

/// Lists filtered by a rare state (an order cancelled or returned) walk that state's rows in
/// the list's order instead of every order of a chain; and a promise's list, ordered by the
/// due time in force, walks a location's promises of one state in that order.
struct CreateListOrderIndexes: AsyncMigration {
    var name: String { "0029_CreateListOrderIndexes" }

    func prepare(on database: any Database) async throws {
        let sql = try database.sql
        try await sql.create(index: "orders_location_state_placed").on("orders").column("location_id")
            .column("state").column("placed_at").run()
        try await sql.create(index: "orders_state_placed").on("orders").column("state").column("placed_at")
            .column("id").run()
        try await sql.create(index: "promises_location_status_due").on("promises").column("location_id")
            .column("status").column("due_in_force_at").run()
        try await sql.create(index: "promises_status_due").on("promises").column("status").column("due_in_force_at")
            .column("id").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql
        for index in [
            "orders_location_state_placed", "orders_state_placed", "promises_location_status_due",
            "promises_status_due",
        ] {
            try await sql.drop(index: index).run()
        }
    }
}
