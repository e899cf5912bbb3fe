import FluentKit
import SQLKit

/// What the lists walk (`ListParts`, `KeysetPage`):
/// - a rare state's rows in the list's order (orders cancelled or returned), everywhere or in
///   one location, instead of every order of a chain;
/// - a location's promises of one state in the order of their due time in force, and likewise
///   contacts by the time received and survey invitations by the time sent;
/// - a person's rows outside their locations (by the person, then the location), so a busy
///   seller's own work elsewhere is found without reading all of theirs.
struct CreateListIndexes: AsyncMigration {
    var name: String { "0029_CreateListIndexes" }

    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("orders_location_state_placed", "orders", ["location_id", "state", "placed_at"]),
        ("orders_state_placed", "orders", ["state", "placed_at", "id"]),
        ("orders_seller_location", "orders", ["seller_id", "location_id"]),
        ("promises_location_status_due", "promises", ["location_id", "status", "due_in_force_at"]),
        ("promises_status_due", "promises", ["status", "due_in_force_at", "id"]),
        ("promises_owner_location", "promises", ["owner_id", "location_id"]),
        ("service_tasks_assignee_location", "service_tasks", ["assignee_id", "location_id"]),
        (
            "inbound_contacts_location_status_received", "inbound_contacts",
            ["location_id", "status", "received_at", "id"]
        ),
        ("inbound_contacts_status_received", "inbound_contacts", ["status", "received_at", "id"]),
        ("survey_invitations_location_state_send", "survey_invitations", ["location_id", "state", "send_at"]),
        ("survey_invitations_state_send", "survey_invitations", ["state", "send_at", "id"]),
        ("inbound_contacts_owner_location", "inbound_contacts", ["owner_id", "location_id"]),
        ("survey_invitations_staff_location", "survey_invitations", ["staff_id", "location_id"]),
        ("service_cases_owner_location", "service_cases", ["owner_id", "location_id"]),
        ("service_cases_holder_location", "service_cases", ["holder_id", "location_id"]),
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
