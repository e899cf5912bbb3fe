import FluentKit
import SQLKit

/// Sessions, failed sign-ins, API tokens and idempotency keys: kept in the database so any of
/// several instances can serve any request.
struct CreateSecurity: AsyncMigration {
    var name: String { "0006_CreateSecurity" }

    func prepare(on database: any Database) async throws {
        try await database.schema("sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("staff_id", .uuid, .required, .references("staff", "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema("sign_in_failures")
            .id()
            .field("key", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.schema("api_tokens")
            .id()
            .field("staff_id", .uuid, .required, .references("staff", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema("idempotency_keys")
            .id()
            .field("owner_id", .uuid, .required)
            .field("key", .string, .required)
            .field("request_hash", .string, .required)
            .field("status_code", .int, .required)
            .field("response_body", .string, .required)
            .field("resource_id", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "owner_id", "key")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "sign_in_failures_key").on("sign_in_failures").column("key").column("at").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["idempotency_keys", "api_tokens", "sign_in_failures", "sessions"] {
            try await database.schema(table).delete()
        }
    }
}
