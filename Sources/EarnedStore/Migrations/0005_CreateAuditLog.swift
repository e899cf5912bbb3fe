import FluentKit
import SQLKit

/// The audit log: who created, changed, merged, erased or deleted what, and when.
struct CreateAuditLog: AsyncMigration {
    var name: String { "0005_CreateAuditLog" }

    func prepare(on database: any Database) async throws {
        try await database.schema("audit_log")
            .id()
            .field("actor_id", .uuid)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .uuid, .required)
            .field("summary", .string, .required)
            .field("at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "audit_log_at").on("audit_log").column("at").run()
        try await sql.create(index: "audit_log_entity").on("audit_log").column("entity_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_log").delete()
    }
}
