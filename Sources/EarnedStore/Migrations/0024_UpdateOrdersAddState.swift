import FluentKit
import FluentSQL

/// An order's state (active, cancelled, returned), when it ended and why: a sale that did not
/// stand stays on record, out of revenue and the lifetime models. One column a statement, as
/// SQLite adds them.
struct UpdateOrdersAddState: AsyncMigration {
    var name: String { "0024_UpdateOrdersAddState" }

    func prepare(on database: any Database) async throws {
        try await database.schema("orders").field("state", .string, .required, .sql(.default("active"))).update()
        try await database.schema("orders").field("ended_at", .datetime).update()
        try await database.schema("orders").field("end_reason", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("orders").deleteField("end_reason").update()
        try await database.schema("orders").deleteField("ended_at").update()
        try await database.schema("orders").deleteField("state").update()
    }
}
