import FluentKit
import SQLKit

/// An index that answers "how many live customers (not merged, not erased) in these
/// locations" from the index alone, without reading every customer row.
struct UpdateCustomersAddLiveIndex: AsyncMigration {
    var name: String { "0007_UpdateCustomersAddLiveIndex" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "customers_live_location").on("customers").column("home_location_id")
            .column("merged_into_id").column("erased_at").run()
        try await sql.create(index: "customers_live").on("customers").column("merged_into_id").column("erased_at")
            .run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "customers_live").run()
        try await sql.drop(index: "customers_live_location").run()
    }
}
