import EarnedDomain
import FluentKit
import Foundation

/// Promises to customers. Staff record and close their own; managers and owners any in their
/// locations. A broken promise is told to webhook subscribers.
public struct PromiseRepository: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    public func create(_ draft: PromiseDraft, actor: Staff, now: Date) async throws -> Promise {
        var draft = draft
        draft.ownerID = draft.ownerID ?? actor.id
        draft.createdByID = actor.id
        draft.locationID = try await WorkPlacement.location(
            customer: draft.customerID, location: draft.locationID, owner: draft.ownerID, actor: actor, on: db)
        let promise = try draft.validated(id: PromiseID(), now: now)
        try await Self.checkLink(promise, on: db)
        try await db.transaction { db in
            try await PromiseRecord(promise).create(on: db)
            try await AuditLog(db: db).record(
                .created, "promise", promise.id.rawValue, by: actor, summary: "kind, due_at, owner", at: now)
        }
        return promise
    }

    /// A promise's link names an order, case or contact of the same customer.
    static func checkLink(_ promise: Promise, on db: any Database) async throws {
        guard let link = promise.link else { return }
        let customer: UUID?
        switch link.kind {
        case .order: customer = try await OrderRecord.find(link.id, on: db)?.customerID
        case .serviceCase: customer = try await ServiceCaseRecord.find(link.id, on: db)?.customerID
        case .contact:
            // A contact from someone not yet known as a customer may be what the promise is about.
            let contact = try await InboundContactRecord.find(link.id, on: db)
            customer = contact.map { $0.customerID ?? promise.customerID.rawValue }
        }
        guard let customer else {
            throw DomainError.invalid([FieldError(field: "link_id", code: .unknownReference)])
        }
        guard customer == promise.customerID.rawValue else {
            throw DomainError.invalid([
                FieldError(field: "link_id", code: .inconsistent, detail: "belongs to another customer")
            ])
        }
    }

    public func get(_ id: PromiseID, actor: Staff) async throws -> Promise {
        let promise = try await PromiseRecord.value(id.rawValue, entity: "promise", on: db)
        guard Policy.maySee(actor, recordAt: promise.locationID, belongingTo: promise.ownerID) else {
            throw DomainError.notFound("promise")
        }
        return promise
    }

    /// Changes a promise through one of its rules (keep, break, renegotiate).
    @discardableResult
    public func change(
        _ id: PromiseID, actor: Staff, now: Date, summary: String = "outcome, due_at",
        _ rule: (inout Promise) throws(DomainError) -> Void
    ) async throws -> Promise {
        var promise = try await get(id, actor: actor)
        guard Policy.mayChange(actor, workHeldBy: promise.ownerID) else {
            throw DomainError.forbidden("only the promise's owner or a manager may change it")
        }
        try rule(&promise)
        promise.updatedAt = now
        let changed = promise
        try await db.transaction { db in
            try await PromiseRecord.overwrite(
                id.rawValue, with: changed, entity: "promise", by: actor, summary: summary, at: now, on: db)
        }
        return changed
    }

    /// Open promises of one person, or of locations, optionally only those due before a time.
    public func open(
        owner: StaffID? = nil, locations: Set<LocationID>? = nil, dueBefore: Date? = nil, limit: Int = 500
    ) async throws -> [Promise] {
        let q = PromiseRecord.query(on: db).filter(\.$status == "open")
        if let owner { q.filter(\.$ownerID == owner.rawValue) }
        if let locations { q.filter(\.$locationID ~~ locations.map(\.rawValue)) }
        if let dueBefore { q.filter(\.$dueAt < dueBefore) }
        return try await q.sort(\.$dueAt).limit(limit).all().map { try $0.domain() }
    }

    /// Which promises a list shows.
    public enum Filter: String, Sendable, CaseIterable {
        case open, overdue, broken, kept, all
    }

    /// Promises of locations (nil: all), optionally one owner's or one customer's, newest due
    /// first (open ones soonest due first).
    public func list(
        _ filter: Filter, owner: StaffID? = nil, customer: CustomerID? = nil, locations: Set<LocationID>?, now: Date,
        limit: Int = 200
    ) async throws -> [Promise] {
        let q = PromiseRecord.query(on: db)
        if let locations { q.filter(\.$locationID ~~ locations.map(\.rawValue)) }
        if let owner { q.filter(\.$ownerID == owner.rawValue) }
        if let customer { q.filter(\.$customerID == customer.rawValue) }
        switch filter {
        case .open: q.filter(\.$status == "open").sort(\.$dueInForceAt)
        case .overdue: q.filter(\.$status == "open").filter(\.$dueInForceAt < now).sort(\.$dueInForceAt)
        case .broken: q.filter(\.$status == "broken").sort(\.$dueInForceAt, .descending)
        case .kept: q.filter(\.$status == "kept").sort(\.$dueInForceAt, .descending)
        case .all: q.sort(\.$dueInForceAt, .descending)
        }
        return try await q.limit(limit).all().map { try $0.domain() }
    }

    /// What a promises list asks for: a status, a person, a location, a kind, a period of the
    /// due time in force, some customers (a search), and a page.
    public struct Query: Sendable {
        public var filter: Filter
        public var owner: StaffID?
        public var location: LocationID?
        public var kind: Promise.Kind?
        public var from: Date?
        public var to: Date?
        /// Only these customers' (what a search by name, phone or e-mail found); nil: anyone's.
        public var customers: [CustomerID]?
        public var cursor: String?
        public var limit: Int

        public init(
            filter: Filter = .open, owner: StaffID? = nil, location: LocationID? = nil, kind: Promise.Kind? = nil,
            from: Date? = nil, to: Date? = nil, customers: [CustomerID]? = nil, cursor: String? = nil,
            limit: Int = 50
        ) {
            self.filter = filter
            self.owner = owner
            self.location = location
            self.kind = kind
            self.from = from
            self.to = to
            self.customers = customers
            self.cursor = cursor
            self.limit = limit
        }
    }

    /// A page of the promises the actor may see (`Policy.maySee`: their own, and those of
    /// their locations), open ones soonest due first, the rest latest first, with the count.
    public func search(_ query: Query, actor: Staff, now: Date) async throws -> ResultPage<Promise> {
        let q = PromiseRecord.query(on: db)
        if let owner = query.owner { q.filter(\.$ownerID == owner.rawValue) }
        if let location = query.location { q.filter(\.$locationID == location.rawValue) }
        if let kind = query.kind { q.filter(\.$kind == kind.rawValue) }
        if let from = query.from { q.filter(\.$dueInForceAt >= from) }
        if let to = query.to { q.filter(\.$dueInForceAt < to) }
        if let customers = query.customers { q.filter(\.$customerID ~~ customers.map(\.rawValue)) }
        var soonestFirst = false
        switch query.filter {
        case .open: q.filter(\.$status == "open"); soonestFirst = true
        case .overdue: q.filter(\.$status == "open").filter(\.$dueInForceAt < now); soonestFirst = true
        case .broken: q.filter(\.$status == "broken")
        case .kept: q.filter(\.$status == "kept")
        case .all: break
        }
        var parts = try await ListParts.visible(q, to: actor, location: "location_id", people: ["owner_id"])
        if query.filter == .all {
            // Promises are indexed by state, then due time in force: one walk per state.
            parts = ListParts.each(parts, of: "status", in: PromiseRecord.statuses)
        }
        let page = try await KeysetPage.fetch(
            parts: parts, time: "due_in_force_at", descending: !soonestFirst, cursor: query.cursor, limit: query.limit,
            timeOf: \.dueInForceAt)
        return ResultPage(
            items: try page.rows.map { try $0.domain() }, nextCursor: page.next, total: page.total,
            totalIsLowerBound: page.totalIsLowerBound)
    }

    /// Promises whose due time in force falls in [from, to), in locations (nil: all): what an
    /// on-time report counts.
    public func due(from: Date, to: Date, locations: Set<LocationID>?) async throws -> [Promise] {
        let q = PromiseRecord.query(on: db).filter(\.$dueInForceAt >= from).filter(\.$dueInForceAt < to)
        if let locations { q.filter(\.$locationID ~~ locations.map(\.rawValue)) }
        return try await q.all().map { try $0.domain() }
    }

    /// What the on-time figures need of the promises whose due time in force falls in
    /// [from, to), in locations (nil: all), of one owner if given: read from columns, without
    /// decoding the promises. A row 0028 has not filled (none after it ran) is read whole.
    public func dueFacts(from: Date, to: Date, locations: Set<LocationID>?, owner: StaffID? = nil) async throws
        -> [PromiseFacts]
    {
        let rows = try await PromiseFactQueries.due(from: from, to: to, locations: locations, owner: owner, on: db)
        var facts: [PromiseFacts] = []
        facts.reserveCapacity(rows.count)
        var unfilled: [UUID] = []
        for r in rows {
            guard let moved = r.moved, let kind = Promise.Kind(rawValue: r.kind) else {
                unfilled.append(r.id)
                continue
            }
            let closed = r.closed.map(Date.init(timeIntervalSince1970:))
            facts.append(
                PromiseFacts(
                    ownerID: StaffID(r.owner), locationID: r.location.map(LocationID.init), kind: kind,
                    dueInForce: Date(timeIntervalSince1970: r.due), keptAt: r.status == "kept" ? closed : nil,
                    brokenAt: r.status == "broken" ? closed : nil, renegotiatedInTime: moved))
        }
        if !unfilled.isEmpty {
            facts += try await PromiseRecord.query(on: db).filter(\.$id ~~ unfilled).all().map {
                PromiseFacts(try $0.domain())
            }
        }
        return facts
    }

    /// Open promises whose reminder is due and not yet sent.
    public func needingReminder(policy: PromiseReminderPolicy, now: Date) async throws -> [Promise] {
        let longest = Promise.Kind.allCases.map(policy.leadTime(for:)).max() ?? 86_400
        let horizon = now.addingTimeInterval(longest)
        return try await PromiseRecord.query(on: db).filter(\.$status == "open").filter(\.$dueAt <= horizon).all()
            .map { try $0.domain() }.filter { policy.needsReminder($0, at: now) }
    }

    public func markReminded(_ ids: [PromiseID], now: Date) async throws {
        for id in ids {
            guard let record = try await PromiseRecord.find(id.rawValue, on: db) else { continue }
            var promise = try record.domain()
            promise.markReminderSent(at: now)
            try record.apply(promise)
            try await record.update(on: db)
        }
    }
}
