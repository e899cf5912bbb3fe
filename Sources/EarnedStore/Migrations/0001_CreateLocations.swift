import FluentKit

/// Locations with their time zone, weekly hours, special days and shifts.
struct CreateLocations: AsyncMigration {
    var name: String { "0001_CreateLocations" }

    func prepare(on database: any Database) async throws {
        try await database.schema("locations")
            .id()
            .field("name", .string, .required)
            .field("time_zone", .string, .required)
            .field("hours_json", .string, .required)
            .field("special_days_json", .string, .required)
            .field("shifts_json", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("locations").delete()
    }
}
