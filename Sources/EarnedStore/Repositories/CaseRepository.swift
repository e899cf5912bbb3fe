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

    /// What a cases list asks for. `status` "active" (open or waiting) is the default; a
    /// person matches as the accountable owner or as the holder.
    public struct Query: Sendable {
        public var statuses: [ServiceCase.Status]?
        public var person: StaffID?
        public var location: LocationID?
        public var source: ServiceCase.Source?
        public var priority: Priority?
        public var from: Date?
        public var to: Date?
        public var customers: [CustomerID]?
        public var cursor: String?
        public var limit: Int

        public init(
            statuses: [ServiceCase.Status]? = [.open, .waitingOnCustomer], person: StaffID? = nil,
            location: LocationID? = nil, source: ServiceCase.Source? = nil, priority: Priority? = nil,
            from: Date? = nil, to: Date? = nil, customers: [CustomerID]? = nil, cursor: String? = nil, limit: Int = 50
        ) {
            self.statuses = statuses
            self.person = person
            self.location = location
            self.source = source
            self.priority = priority
            self.from = from
            self.to = to
            self.customers = customers
            self.cursor = cursor
            self.limit = limit
        }
    }

    /// A page of the cases the actor may see, newest opened first, with the count. With `keep`
    /// (a rule the columns cannot answer, such as "its resolution target is missed"), the
    /// matching cases are read whole (at most `keepLimit`), kept by it, then paged.
    public func search(_ query: Query, actor: Staff, keep: (@Sendable (ServiceCase) -> Bool)? = nil)
        async throws -> ResultPage<ServiceCase>
    {
        let q = ServiceCaseRecord.query(on: db)
        if let statuses = query.statuses { q.filter(\.$status ~~ statuses.map(\.rawValue)) }
        if let person = query.person {
            q.group(.or) { $0.filter(\.$ownerID == person.rawValue).filter(\.$holderID == person.rawValue) }
        }
        if let location = query.location { q.filter(\.$locationID == location.rawValue) }
        if let source = query.source { q.filter(\.$source == source.rawValue) }
        if let priority = query.priority { q.filter(\.$priority == priority.rawValue) }
        if let from = query.from { q.filter(\.$openedAt >= from) }
        if let to = query.to { q.filter(\.$openedAt < to) }
        if let customers = query.customers { q.filter(\.$customerID ~~ customers.map(\.rawValue)) }
        let parts = try await ListParts.visible(
            q, to: actor, location: "location_id", people: ["owner_id", "holder_id"])
        guard let keep else {
            let page = try await KeysetPage.fetch(
                parts: parts, time: "opened_at", descending: true, cursor: query.cursor, limit: query.limit,
                timeOf: \.openedAt)
            return ResultPage(
                items: try page.rows.map { try $0.domain() }, nextCursor: page.next, total: page.total,
                totalIsLowerBound: page.totalIsLowerBound)
        }
        let read = try await KeysetPage.rows(
            parts: parts, time: "opened_at", descending: true, after: nil, limit: Self.keepLimit, timeOf: \.openedAt)
        let kept = try read.map { try $0.domain() }.filter(keep)
        var rest = kept[...]
        if let raw = query.cursor {
            guard let cursor = Cursor(encoded: raw), let seconds = Double(cursor.key) else {
                throw DomainError.invalid([FieldError(field: "cursor", code: .invalidFormat)])
            }
            // After the cursor's row; if it left the list meanwhile, after its time.
            if let index = kept.firstIndex(where: { $0.id.rawValue == cursor.id }) {
                rest = kept[(index + 1)...]
            } else {
                let at = Date(timeIntervalSince1970: seconds)
                rest = kept.drop { $0.openedAt >= at }
            }
        }
        let limit = max(1, min(query.limit, 500))
        let page = Array(rest.prefix(limit))
        let next =
            rest.count > limit
            ? page.last.map { Cursor(key: String($0.openedAt.timeIntervalSince1970), id: $0.id.rawValue).encoded }
            : nil
        return ResultPage(
            items: page, nextCursor: next, total: kept.count, totalIsLowerBound: read.count == Self.keepLimit)
    }

    /// The most cases a rule outside the columns reads at once.
    public static let keepLimit = 5000

    /// Every active case (open or waiting on the customer), oldest first, read a page at a time:
    /// what the scheduler keeps the reply targets of.
    public func everyActive(pageSize: Int = 1000) async throws -> [ServiceCase] {
        let active = [ServiceCase.Status.open.rawValue, ServiceCase.Status.waitingOnCustomer.rawValue]
        return try await KeysetPage.all(
            ServiceCaseRecord.query(on: db).filter(\.$status ~~ active), time: "opened_at", pageSize: pageSize,
            timeOf: \.openedAt
        ).map { try $0.domain() }
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
