import FluentKit

/// Files uploaded for import, kept between the preview and the import (a day at most), so the
/// person can map columns and choose for unmatched names without sending the file again.
struct CreateImportUploads: AsyncMigration {
    var name: String { "0023_CreateImportUploads" }

    func prepare(on database: any Database) async throws {
        try await database.schema("import_uploads")
            .id()
            .field("staff_id", .uuid, .required, .references("staff", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("filename", .string, .required)
            .field("size", .int64, .required)
            .field("data", .data, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("import_uploads").delete()
    }
}
