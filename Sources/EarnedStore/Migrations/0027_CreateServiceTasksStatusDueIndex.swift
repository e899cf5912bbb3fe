import FluentKit
import SQLKit

/// The tasks list reads a state's tasks in due order across every location (an owner's "done"
/// or "open" tab): an index on the state and the due time lets it walk one page and count
/// without sorting a chain's whole task history; "all" walks the due time alone.
struct CreateServiceTasksStatusDueIndex: AsyncMigration {
    var name: String { "0027_CreateServiceTasksStatusDueIndex" }

    func prepare(on database: any Database) async throws {
        let sql = try database.sql
        try await sql.create(index: "service_tasks_status_due").on("service_tasks").column("status").column("due_at")
            .column("id").run()
        try await sql.create(index: "service_tasks_due").on("service_tasks").column("due_at").column("id").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql
        try await sql.drop(index: "service_tasks_status_due").run()
        try await sql.drop(index: "service_tasks_due").run()
    }
}
