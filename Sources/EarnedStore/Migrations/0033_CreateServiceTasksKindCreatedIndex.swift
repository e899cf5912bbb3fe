import FluentKit
import SQLKit

/// The scheduler tells people of new work of a few kinds (a low score's call-back, an
/// escalation, a promise about to be late) by e-mail: it looks for those created in the last
/// minutes by kind and time.
struct CreateServiceTasksKindCreatedIndex: AsyncMigration {
    var name: String { "0033_CreateServiceTasksKindCreatedIndex" }

    func prepare(on database: any Database) async throws {
        try await database.sql.create(index: "service_tasks_kind_created").on("service_tasks").column("kind")
            .column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "service_tasks_kind_created").run()
    }
}
