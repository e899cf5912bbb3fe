import FluentKit

/// People away and who covers for them: the absence as a document, beside the columns the
/// scheduler and the lists look it up by.
struct CreateAbsences: AsyncMigration {
    var name: String { "0025_CreateAbsences" }

    func prepare(on database: any Database) async throws {
        try await database.schema("absences")
            .id()
            .field("staff_id", .uuid, .required, .references("staff", "id", onDelete: .cascade))
            .field("cover_id", .uuid, .required, .references("staff", "id", onDelete: .cascade))
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("handed_over_at", .datetime)
            .field("handed_back_at", .datetime)
            .field("document", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("absences").delete()
    }
}
