import EarnedDomain
import FluentKit
import Foundation

/// Cases: opened for a customer the actor may see, changed only through the case's rules
/// (handoff keeps the owner accountable; a transfer needs a reason). Opening one tells
/// webhook subscribers.
public struct CaseRepository: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    public func open(_ draft: ServiceCaseDraft, actor: Staff, now: Date) async throws -> ServiceCase {
        var draft = draft
        draft.ownerID = draft.ownerID ?? actor.id
        draft.openedByID = actor.id
        draft.locationID = try await WorkPlacement.location(
            customer: draft.customerID, location: draft.locationID, owner: draft.ownerID, actor: actor, on: db)
        let opened = try draft.validated(id: CaseID(), now: now)
        var references = References()
        references.add("link_id", .caseSource, opened.link)
        try await references.verify(actor: actor, on: db)
        try await db.transaction { db in try await Self.insert(opened, by: actor, now: now, on: db) }
        return opened
    }

    /// Stores a new case, records it in the audit log (by nobody when the system opened it,
    /// from a survey answer) and tells webhook subscribers.
    static func insert(_ opened: ServiceCase, by actor: Staff?, now: Date, on db: any Database) async throws {
        try await ServiceCaseRecord(opened).create(on: db)
        try await AuditLog(db: db).record(
            .created, "case", opened.id.rawValue, by: actor, summary: "title, owner, source", at: now)
        try await WebhookStore(db: db).publish(
            WebhookEvent(
                key: "case.opened:\(opened.id)", kind: .caseOpened, occurredAt: now,
                data: [
                    "case_id": opened.id.description, "customer_id": opened.customerID.description,
                    "owner_id": opened.ownerID.description, "source": opened.source.rawValue,
                    "priority": opened.priority.rawValue,
                ]), now: now)
    }

    public func get(_ id: CaseID, actor: Staff) async throws -> ServiceCase {
        let found = try await ServiceCaseRecord.value(id.rawValue, entity: "case", on: db)
        guard Policy.maySee(actor, recordAt: found.locationID, belongingTo: found.ownerID, found.holder.staffID)
        else { throw DomainError.notFound("case") }
        return found
    }

    /// Changes a case through one of its rules. The owner, the person holding it, and
    /// managers may work on a case; staff of the location may add notes and respond.
    @discardableResult
    public func change(
        _ id: CaseID, actor: Staff, now: Date, summary: String,
        _ rule: (inout ServiceCase) throws(DomainError) -> Void
    ) async throws -> ServiceCase {
        var found = try await get(id, actor: actor)
        try rule(&found)
        found.updatedAt = now
        let changed = found
        try await db.transaction { db in
            try await ServiceCaseRecord.overwrite(
                id.rawValue, with: changed, entity: "case", by: actor, summary: summary, at: now, on: db)
        }
        return changed
    }

    /// Active cases a person owns or holds.
    public func active(for staff: StaffID) async throws -> [ServiceCase] {
        let records = try await ServiceCaseRecord.query(on: db)
            .filter(\.$status ~~ [ServiceCase.Status.open.rawValue, ServiceCase.Status.waitingOnCustomer.rawValue])
            .group(.or) { $0.filter(\.$ownerID == staff.rawValue).filter(\.$holderID == staff.rawValue) }
            .sort(\.$openedAt).limit(500).all()
        return try records.map { try $0.domain() }
    }

    /// Cases in locations (nil: all), newest first; only those not closed when `activeOnly`.
    public func list(
        locations: Set<LocationID>?, activeOnly: Bool, customer: CustomerID? = nil, limit: Int = 200
    ) async throws -> [ServiceCase] {
        let q = ServiceCaseRecord.query(on: db)
        if let locations { q.filter(\.$locationID ~~ locations.map(\.rawValue)) }
        if let customer { q.filter(\.$customerID == customer.rawValue) }
        if activeOnly {
            q.filter(\.$status ~~ [ServiceCase.Status.open.rawValue, ServiceCase.Status.waitingOnCustomer.rawValue])
        }
        return try await q.sort(\.$openedAt, .descending).limit(limit).all().map { try $0.domain() }
    }

}
