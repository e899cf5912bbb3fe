import EarnedDomain
import FluentKit
import Foundation

/// Writes the demo business's service history with multi-row INSERTs (through `BulkWriter`, so
/// SQLite and PostgreSQL are handled as for customers and orders): tens of thousands of tasks,
/// promises, contacts and cases, where a Fluent `create` a row would take minutes.
///
/// Every column holds what the row's record (`PromiseRecord`, `ServiceCaseRecord`,
/// `InboundContactRecord`, `IncidentRecord`, `ServiceTaskRecord`, …) would write for the same
/// value, documents included, so the rows read back through the repositories equal to the
/// generated values.
public struct DemoServiceWriter: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    /// Writes one part of the history, in foreign-key order. The customers, staff and locations
    /// it names must exist, and so must the incidents its `outreach` points at (the business-wide
    /// part holds them: write that part's incidents before any batch's part). Domain values only:
    /// the demo's own history types live in EarnedDemo, which hands their parts over here.
    public func write(
        incidents: [Incident] = [], outreach: [(incidentID: IncidentID, result: OutreachResult)] = [],
        cases: [ServiceCase] = [], contacts: [InboundContact] = [], promises: [Promise] = [],
        tasks: [ServiceTask] = [], touches: [(customerID: CustomerID, touch: Touch, taskKey: String)] = [],
        referrals: [Referral] = []
    ) async throws {
        let bulk = BulkWriter(db: db)
        try await bulk.insert(
            "incidents", columns: ["id", "location_id", "found_at", "document", "updated_at"],
            rows: incidents.map { i in
                [
                    .uuid(i.id.rawValue), .uuid(i.locationID?.rawValue), .date(i.foundAt),
                    .text(try DocumentCoding.string(i)), .date(i.updatedAt),
                ]
            })
        try await bulk.insert(
            "incident_customers", columns: ["id", "incident_id", "customer_id", "told_at"],
            rows: outreach.map { o in
                [
                    .uuid(IDGenerator.next()), .uuid(o.incidentID.rawValue), .uuid(o.result.customerID.rawValue),
                    .date(o.result.toldAt),
                ]
            })
        try await bulk.insert(
            "service_cases",
            columns: [
                "id", "customer_id", "location_id", "owner_id", "holder_id", "holder_department", "status",
                "priority", "source", "link_id", "opened_at", "document", "updated_at",
            ],
            rows: cases.map { c in
                [
                    .uuid(c.id.rawValue), .uuid(c.customerID.rawValue), .uuid(c.locationID?.rawValue),
                    .uuid(c.ownerID.rawValue), .uuid(c.holder.staffID?.rawValue), .text(c.holder.department),
                    .text(c.status.rawValue), .text(c.priority.rawValue), .text(c.source.rawValue), .uuid(c.link),
                    .date(c.openedAt), .text(try DocumentCoding.string(c)), .date(c.updatedAt),
                ]
            })
        try await bulk.insert(
            "inbound_contacts",
            columns: [
                "id", "customer_id", "location_id", "owner_id", "channel", "priority", "status", "received_at",
                "external_id", "document", "updated_at",
            ],
            rows: contacts.map { c in
                [
                    .uuid(c.id.rawValue), .uuid(c.customerID?.rawValue), .uuid(c.locationID.rawValue),
                    .uuid(c.ownerID?.rawValue), .text(c.channel.rawValue), .text(c.priority.rawValue),
                    .text(c.status.rawValue), .date(c.receivedAt), .text(c.externalID),
                    .text(try DocumentCoding.string(c)), .date(c.updatedAt),
                ]
            })
        try await bulk.insert(
            "promises",
            columns: [
                "id", "customer_id", "owner_id", "location_id", "kind", "status", "due_at", "due_in_force_at",
                "closed_at", "renegotiated_in_time", "link_id", "document", "created_at", "updated_at",
            ],
            rows: promises.map { p in
                [
                    .uuid(p.id.rawValue), .uuid(p.customerID.rawValue), .uuid(p.ownerID.rawValue),
                    .uuid(p.locationID?.rawValue), .text(p.kind.rawValue),
                    .text(p.keptAt != nil ? "kept" : p.brokenAt != nil ? "broken" : "open"), .date(p.dueAt),
                    .date(p.dueInForce), .date(p.keptAt ?? p.brokenAt), .bool(p.wasRenegotiatedInTime),
                    .uuid(p.link?.id),
                    .text(try DocumentCoding.string(p)), .date(p.createdAt), .date(p.updatedAt),
                ]
            })
        try await bulk.insert(
            "service_tasks",
            columns: [
                "id", "key", "kind", "status", "assignee_id", "location_id", "customer_id", "subject_kind",
                "subject_id", "due_at", "channel", "text", "completed_at", "completed_by_id", "outcome", "created_at",
                "updated_at",
            ],
            rows: tasks.map { t in
                [
                    .uuid(t.id.rawValue), .text(t.key), .text(t.kind.rawValue), .text(t.status.rawValue),
                    .uuid(t.assigneeID?.rawValue), .uuid(t.locationID?.rawValue), .uuid(t.customerID?.rawValue),
                    .text(t.subject?.kind.rawValue), .uuid(t.subject?.id), .date(t.dueAt), .text(t.channel?.rawValue),
                    .text(t.text), .date(t.completedAt), .uuid(t.completedByID?.rawValue), .text(t.outcome),
                    .date(t.createdAt), .date(t.updatedAt),
                ]
            })
        try await bulk.insert(
            "customer_touches", columns: ["id", "customer_id", "kind", "at", "task_key"],
            rows: touches.map { t in
                [
                    .uuid(IDGenerator.next()), .uuid(t.customerID.rawValue), .text(t.touch.kind.rawValue),
                    .date(t.touch.at), .text(t.taskKey),
                ]
            })
        try await bulk.insert(
            "referrals", columns: ["id", "referrer_id", "referred_id", "order_id", "recorded_by_id", "recorded_at"],
            rows: referrals.map { r in
                [
                    .uuid(r.id.rawValue), .uuid(r.referrerID.rawValue), .uuid(r.referredID.rawValue),
                    .uuid(r.orderID?.rawValue), .uuid(r.recordedByID?.rawValue), .date(r.recordedAt),
                ]
            })
    }
}
