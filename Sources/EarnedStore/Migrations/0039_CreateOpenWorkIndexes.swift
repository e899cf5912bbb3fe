import FluentKit
import SQLKit

/// What a scheduler pass reads of the open work and the recently finished, by state instead of
/// every row: the active cases (open, waiting on the customer) whose reply targets it keeps, and
/// the contacts resolved and cases closed lately that surveys follow.
struct CreateOpenWorkIndexes: AsyncMigration {
    var name: String { "0039_CreateOpenWorkIndexes" }

    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("service_cases_status_opened", "service_cases", ["status", "opened_at"]),
        ("service_cases_status_updated", "service_cases", ["status", "updated_at"]),
        ("inbound_contacts_status_updated", "inbound_contacts", ["status", "updated_at"]),
    ]

    func prepare(on database: any Database) async throws {
        let sql = try database.sql
        for index in Self.indexes {
            var create = sql.create(index: index.name).on(index.table)
            for column in index.columns { create = create.column(column) }
            try await create.run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql
        for index in Self.indexes.reversed() { try await sql.drop(index: index.name).run() }
    }
}
