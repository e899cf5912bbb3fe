import FluentKit

/// Where a customer lives: a city and a street address, both optional text, as a shop's own
/// export carries them.
struct UpdateCustomersAddAddress: AsyncMigration {
    var name: String { "0021_UpdateCustomersAddAddress" }

    func prepare(on database: any Database) async throws {
        try await database.schema("customers").field("city", .string).update()
        try await database.schema("customers").field("address", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("customers").deleteField("address").update()
        try await database.schema("customers").deleteField("city").update()
    }
}
