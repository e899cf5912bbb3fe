import FluentKit
import SQLKit

/// The link a customer gets when their case is resolved: "solved" closes the case as confirmed by
/// the customer, "not yet" reopens it. The token is kept only as a hash, works once, and expires.
struct CreateCaseConfirmations: AsyncMigration {
    var name: String { "0035_CreateCaseConfirmations" }

    func prepare(on database: any Database) async throws {
        try await database.schema("case_confirmations")
            .id()
            .field("token_hash", .string, .required)
            .field("case_id", .uuid, .required, .references("service_cases", "id", onDelete: .cascade))
            .field("customer_id", .uuid, .references("customers", "id", onDelete: .cascade))
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("answer", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.sql.create(index: "case_confirmations_case").on("case_confirmations").column("case_id")
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("case_confirmations").delete()
    }
}
