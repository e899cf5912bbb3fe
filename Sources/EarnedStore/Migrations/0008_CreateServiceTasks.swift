import FluentKit
import SQLKit

/// The tasks the scheduler hands to people; `key` is unique so no task is ever created twice.
struct CreateServiceTasks: AsyncMigration {
    var name: String { "0008_CreateServiceTasks" }

    func prepare(on database: any Database) async throws {
        try await database.schema("service_tasks")
            .id()
            .field("key", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("assignee_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .field("location_id", .uuid, .references("locations", "id", onDelete: .setNull))
            .field("customer_id", .uuid, .references("customers", "id"))
            .field("subject_kind", .string)
            .field("subject_id", .uuid)
            .field("due_at", .datetime, .required)
            .field("channel", .string)
            .field("text", .string)
            .field("completed_at", .datetime)
            .field("completed_by_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .field("outcome", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "key")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "service_tasks_assignee").on("service_tasks").column("assignee_id")
            .column("status").column("due_at").run()
        try await sql.create(index: "service_tasks_location").on("service_tasks").column("location_id")
            .column("status").column("due_at").run()
        try await sql.create(index: "service_tasks_customer").on("service_tasks").column("customer_id").run()
        try await sql.create(index: "service_tasks_subject").on("service_tasks").column("subject_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("service_tasks").delete()
    }
}
