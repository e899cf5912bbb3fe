import FluentKit
import SQLKit

/// Staff accounts, and the further locations a manager looks after.
struct CreateStaff: AsyncMigration {
    var name: String { "0002_CreateStaff" }

    func prepare(on database: any Database) async throws {
        try await database.schema("staff")
            .id()
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("role", .string, .required)
            .field("home_location_id", .uuid, .references("locations", "id"))
            .field("department", .string)
            .field("is_active", .bool, .required)
            .field("password_hash", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "email")
            .create()
        try await database.schema("staff_locations")
            .id()
            .field("staff_id", .uuid, .required, .references("staff", "id", onDelete: .cascade))
            .field("location_id", .uuid, .required, .references("locations", "id", onDelete: .cascade))
            .unique(on: "staff_id", "location_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("staff_locations").delete()
        try await database.schema("staff").delete()
    }
}
