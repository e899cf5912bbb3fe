import FluentKit
import SQLKit

/// Business-wide settings as JSON documents under a key (outreach, per-location targets), and
/// the scheduler's marks: work done once per key (a day's greetings of a location), written
/// only after the work is done, so a pass killed half-way is redone.
struct CreateSettingsAndMarks: AsyncMigration {
    var name: String { "0015_CreateSettingsAndMarks" }

    func prepare(on database: any Database) async throws {
        try await database.schema("settings")
            .id()
            .field("key", .string, .required)
            .field("document", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("updated_by_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .unique(on: "key")
            .create()
        try await database.schema("scheduler_marks")
            .id()
            .field("key", .string, .required)
            .field("done_at", .datetime, .required)
            .unique(on: "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("scheduler_marks").delete()
        try await database.schema("settings").delete()
    }
}
