import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// The scheduler's writes that must stay correct with several instances on one database:
/// creating a task only when its key is new, and claiming a webhook delivery so only one
/// instance sends it. Both are single statements, so the database settles any race. Also the
/// overdue counts of the team's agenda, grouped in the database.
enum TaskQueries {
    /// Inserts the tasks whose keys are new and returns their ids; a key that exists is left
    /// alone (`ON CONFLICT (key) DO NOTHING … RETURNING id`, on both databases).
    static func insertNew(_ tasks: [ServiceTask], on db: any Database) async throws -> Set<UUID> {
        guard !tasks.isEmpty else { return [] }
        let sql = try db.sql
        var created = Set<UUID>()
        for start in stride(from: 0, to: tasks.count, by: 200) {
            let batch = tasks[start..<min(start + 200, tasks.count)]
            let insert = sql.insert(into: ServiceTaskRecord.schema).columns(
                "id", "key", "kind", "status", "assignee_id", "location_id", "customer_id", "subject_kind",
                "subject_id", "due_at", "channel", "text", "completed_at", "completed_by_id", "outcome", "created_at",
                "updated_at")
            for t in batch {
                let values: [BulkValue] = [
                    .uuid(t.id.rawValue), .text(t.key), .text(t.kind.rawValue), .text(t.status.rawValue),
                    .uuid(t.assigneeID?.rawValue), .uuid(t.locationID?.rawValue), .uuid(t.customerID?.rawValue),
                    .text(t.subject?.kind.rawValue), .uuid(t.subject?.id), .date(t.dueAt), .text(t.channel?.rawValue),
                    .text(t.text), .date(t.completedAt), .uuid(t.completedByID?.rawValue), .text(t.outcome),
                    .date(t.createdAt), .date(t.updatedAt),
                ]
                insert.values(values.map(\.expression))
            }
            let rows = try await insert.ignoringConflicts(with: ["key"]).returning("id").all()
            for row in rows { created.insert(try row.decode(column: "id", as: UUID.self)) }
        }
        return created
    }

    /// Marks up to `limit` due deliveries as taken by this instance until `leaseUntil` and
    /// returns their ids. A delivery another instance holds (its lease not run out) is skipped.
    static func claimDeliveries(limit: Int, now: Date, leaseUntil: Date, on db: any Database) async throws -> [UUID] {
        let sql = try db.sql
        let rows = try await sql.raw(
            """
            UPDATE webhook_deliveries SET claimed_until = \(bind: leaseUntil)
            WHERE id IN (
                SELECT id FROM webhook_deliveries
                WHERE status = 'pending' AND next_attempt_at <= \(bind: now)
                    AND (claimed_until IS NULL OR claimed_until < \(bind: now))
                ORDER BY next_attempt_at LIMIT \(unsafeRaw: String(max(1, limit))))
            AND (claimed_until IS NULL OR claimed_until < \(bind: now))
            RETURNING id
            """
        ).all()
        return try rows.map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// Inserts one delivery per subscription for an event, skipping a subscription that already
    /// has it (the event key is unique per subscription).
    static func enqueue(
        event: WebhookEvent, payload: String, subscriptions: [WebhookSubscriptionID], now: Date, on db: any Database
    ) async throws -> Int {
        guard !subscriptions.isEmpty else { return 0 }
        let sql = try db.sql
        let insert = sql.insert(into: WebhookDeliveryRecord.schema).columns(
            "id", "subscription_id", "event_key", "event_kind", "payload", "status", "attempts", "next_attempt_at",
            "created_at", "updated_at")
        for subscription in subscriptions {
            let values: [BulkValue] = [
                .uuid(IDGenerator.next()), .uuid(subscription.rawValue), .text(event.key), .text(event.kind.rawValue),
                .text(payload), .text(WebhookDelivery.Status.pending.rawValue), .integer(0), .date(now), .date(now),
                .date(now),
            ]
            insert.values(values.map(\.expression))
        }
        let rows = try await insert.ignoringConflicts(with: ["subscription_id", "event_key"]).returning("id").all()
        return rows.count
    }

    /// A delivery queued for a subscription, by the event's key.
    struct QueuedPair: Hashable {
        var subscription: UUID
        var key: String
    }

    /// The (subscription, event key) pairs already queued among these subscriptions and keys,
    /// looked up through the deliveries' unique index (subscription, then key).
    static func queuedPairs(subscriptions: [UUID], eventKeys: [String], on db: any Database) async throws
        -> Set<QueuedPair>
    {
        let sql = try db.sql
        var found = Set<QueuedPair>()
        let keys = Array(Set(eventKeys))
        for subscription in subscriptions {
            for start in stride(from: 0, to: keys.count, by: 500) {
                let batch = Array(keys[start..<min(start + 500, keys.count)])
                for row in try await sql.select().column("event_key").from(WebhookDeliveryRecord.schema)
                    .where("subscription_id", .equal, subscription).where("event_key", .in, batch).all()
                {
                    found.insert(
                        QueuedPair(
                            subscription: subscription, key: try row.decode(column: "event_key", as: String.self)))
                }
            }
        }
        return found
    }

    /// How many open tasks and open promises each person has past due at `now`, in `locations`
    /// (nil: all), counted in the database.
    static func overdueCounts(locations: Set<LocationID>?, now: Date, on db: any Database) async throws
        -> [StaffID: Int]
    {
        let sql = try db.sql
        var counts: [StaffID: Int] = [:]
        for (table, person, due, open) in [
            ("service_tasks", "assignee_id", "due_at", ServiceTask.Status.open.rawValue),
            ("promises", "owner_id", "due_in_force_at", "open"),
        ] {
            var query = sql.select().column(SQLIdentifier(person)).column(
                SQLFunction("COUNT", args: SQLLiteral.all), as: "n"
            )
            .from(table).where(SQLIdentifier("status"), .equal, SQLBind(open))
            .where(SQLIdentifier(due), .lessThan, SQLBind(now)).where(SQLIdentifier(person), .isNot, SQLLiteral.null)
            if let locations {
                query = query.where(SQLIdentifier("location_id"), .in, SQLBind.group(locations.map(\.rawValue)))
            }
            // A promise's reminder is the promise itself, counted once, as the promise.
            if table == "service_tasks" {
                query = query.where(
                    SQLIdentifier("kind"), .notEqual, SQLBind(ServiceTask.Kind.promiseReminder.rawValue))
            }
            for row in try await query.groupBy(SQLIdentifier(person)).all() {
                let id = StaffID(try row.decode(column: person, as: UUID.self))
                counts[id, default: 0] += try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }
}
