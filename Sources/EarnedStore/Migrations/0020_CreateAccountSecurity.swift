import FluentKit
import SQLKit

/// Second factors (the TOTP secret sealed with the server's key), their hashed recovery codes,
/// one-time password-reset links, the sign-ins waiting for their second step, and the API's
/// per-token request counters; the audit log gains an index by person.
struct CreateAccountSecurity: AsyncMigration {
    var name: String { "0020_CreateAccountSecurity" }

    func prepare(on database: any Database) async throws {
        try await database.schema("two_factor_secrets")
            .id()
            .field("staff_id", .uuid, .required, .references("staff", "id", onDelete: .cascade))
            .field("sealed_secret", .string, .required)
            .field("enabled_at", .datetime)
            .field("last_used_step", .int64)
            .field("created_at", .datetime, .required)
            .unique(on: "staff_id")
            .create()
        try await database.schema("recovery_codes")
            .id()
            .field("staff_id", .uuid, .required, .references("staff", "id", onDelete: .cascade))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("password_resets")
            .id()
            .field("staff_id", .uuid, .required, .references("staff", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("created_by_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema("sign_in_challenges")
            .id()
            .field("staff_id", .uuid, .required, .references("staff", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("attempts", .int, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema("api_rate_windows")
            .id()
            .field("key", .string, .required)
            .field("window_start", .int64, .required)
            .field("hits", .int, .required)
            .unique(on: "key", "window_start")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "recovery_codes_staff").on("recovery_codes").column("staff_id").run()
        try await sql.create(index: "audit_log_actor").on("audit_log").column("actor_id").column("at").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "audit_log_actor").run()
        for table in [
            "api_rate_windows", "sign_in_challenges", "password_resets", "recovery_codes", "two_factor_secrets",
        ] {
            try await database.schema(table).delete()
        }
    }
}
