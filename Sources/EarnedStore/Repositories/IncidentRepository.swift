import EarnedDomain
import FluentKit
import Foundation

/// Call-first incidents: recorded once with who is affected; each affected customer gets an
/// outreach task; closing that task marks the customer told; the figure compares the telling
/// with the customer's first inbound contact after the incident was found.
public struct IncidentRepository: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    /// One affected customer: when they were told, and when they first got in touch.
    public struct Affected: Sendable, Hashable {
        public var customerID: CustomerID
        public var result: OutreachResult
        public var outcome: ToldFirst

        public init(customerID: CustomerID, result: OutreachResult, outcome: ToldFirst) {
            self.customerID = customerID
            self.result = result
            self.outcome = outcome
        }
    }

    /// An incident with its affected customers and its figure.
    public struct Report: Sendable {
        public var incident: Incident
        public var affected: [Affected]
        public var figure: IncidentFigure
        /// Each affected customer's home location, as read with them: who may see whom.
        var homes: [CustomerID: LocationID?] = [:]

        public init(incident: Incident, affected: [Affected], figure: IncidentFigure) {
            self.incident = incident
            self.affected = affected
            self.figure = figure
        }
    }

    /// How long after recording an incident its outreach calls are due.
    public static let outreachWithin: TimeInterval = 4 * 3600

    /// Records an incident: finds the affected customers among the orders of the actor's
    /// locations (or the listed customers), stores them, and creates one outreach task per
    /// customer for their relationship owner, else the seller of their latest affected order,
    /// else the reporter. Returns the incident's report.
    public func record(_ draft: IncidentDraft, actor: Staff, now: Date) async throws -> Report {
        try Policy.require(actor, .recordIncidents)
        var draft = draft
        draft.reportedByID = actor.id
        if let location = draft.locationID, !actor.canSee(location: location) {
            throw DomainError.forbidden("not one of your locations")
        }
        if draft.locationID == nil, !Policy.may(actor, .workBusinessWide) { draft.locationID = actor.homeLocationID }
        let incident = try draft.validated(id: IncidentID(), now: now)
        var references = References()
        references.add("location_id", .location, incident.locationID?.rawValue)
        if case .location(let id, _, _) = incident.scope { references.add("scope.location_id", .location, id.rawValue) }
        try await references.verify(actor: actor, on: db)
        let (customers, sellers) = try await affected(by: incident.scope, actor: actor)
        if customers.isEmpty {
            throw DomainError.invalid([
                FieldError(field: "scope", code: .inconsistent, detail: "matches no customer of your locations")
            ])
        }
        // One request tells at most as many customers as a list of them may hold; a wider scope
        // is narrowed by dates, product or location.
        if customers.count > IncidentDraft.customerLimit {
            throw DomainError.invalid([
                FieldError(
                    field: "scope", code: .outOfRange, limit: IncidentDraft.customerLimit,
                    detail: "at most \(IncidentDraft.customerLimit) customers")
            ])
        }
        let owners = try await CustomerRepository(db: db).byIDs(customers)
        let tasks = customers.map { customer in
            let owner = owners[customer]
            return ServiceTask(
                key: "outreach:\(incident.id):\(customer)", kind: .outreach,
                assigneeID: owner?.ownerID ?? sellers[customer] ?? actor.id,
                locationID: owner?.homeLocationID ?? incident.locationID, customerID: customer,
                subject: ServiceTask.Subject(kind: .incident, id: incident.id.rawValue),
                dueAt: now.addingTimeInterval(Self.outreachWithin), channel: owner?.preferredChannel,
                text: incident.title, createdAt: now, updatedAt: now)
        }
        try await db.transaction { db in
            try await IncidentRecord(incident).create(on: db)
            try await IncidentCustomerRecord.insert(incident: incident.id.rawValue, customers: customers, on: db)
            try await AuditLog(db: db).record(
                .created, "incident", incident.id.rawValue, by: actor,
                summary: "title, scope, \(customers.count) customers", at: now)
            _ = try await TaskRepository(db: db).createNew(tasks, announceAt: now)
        }
        return try await report(incident)
    }

    /// The customers a scope reaches among the orders the actor may see, each once, with the
    /// seller of their latest matching order.
    func affected(by scope: Incident.Scope, actor: Staff) async throws -> ([CustomerID], [CustomerID: StaffID]) {
        let visible = actor.visibleLocationIDs
        if case .customers(let ids) = scope {
            let found = try await CustomerRepository(db: db).byIDs(ids)
            let unknown = ids.enumerated().filter { found[$0.element] == nil }
            if !unknown.isEmpty {
                throw DomainError.invalid(
                    unknown.map { FieldError(field: "scope.customer_ids.\($0.offset)", code: .unknownReference) })
            }
            return (
                ids.filter { id in
                    found[id].map { visible == nil || actor.canSee(location: $0.homeLocationID) } ?? false
                }, [:]
            )
        }
        // A cancelled order was never handed over: its customer met nothing of the incident.
        let q = OrderRecord.query(on: db).filter(\.$state != Order.State.cancelled.rawValue)
        if let visible { q.filter(\.$locationID ~~ visible.map(\.rawValue)) }
        switch scope {
        case .product(_, let from, let to), .location(_, let from, let to):
            if let from { q.filter(\.$placedAt >= from) }
            if let to { q.filter(\.$placedAt <= to) }
        case .dateRange(let from, let to):
            q.filter(\.$placedAt >= from).filter(\.$placedAt <= to)
        case .customers: break
        }
        if case .location(let id, _, _) = scope { q.filter(\.$locationID == id.rawValue) }
        if case .product = scope { q.filter(\.$itemsSummary != nil) }
        var customers: [CustomerID] = []
        var seen = Set<CustomerID>()
        var sellers: [CustomerID: StaffID] = [:]
        for order in try await q.sort(\.$placedAt).all().map(\.domain) where scope.matches(order) {
            if seen.insert(order.customerID).inserted { customers.append(order.customerID) }
            if let seller = order.sellerID { sellers[order.customerID] = seller }
        }
        return (customers, sellers)
    }

    public func get(_ id: IncidentID, actor: Staff) async throws -> Report {
        let incident = try await IncidentRecord.value(id.rawValue, entity: "incident", on: db)
        guard
            // An incident of no one location is the whole business's, as in `list`.
            Policy.maySee(actor, incidentAt: incident.locationID, reportedBy: incident.reportedByID)
        else { throw DomainError.notFound("incident") }
        return try await visible(try await report(incident), to: actor)
    }

    /// The report as the actor may see it: the figure whole, the customers listed only when
    /// they belong to one of the actor's locations.
    func visible(_ report: Report, to actor: Staff) async throws -> Report {
        guard actor.visibleLocationIDs != nil else { return report }
        let homes = report.homes
        var seen = report
        seen.affected = report.affected.filter { a in
            homes[a.customerID].map { actor.canSee(location: $0) } ?? false
        }
        return seen
    }

    /// Incidents the actor may see, newest first, each with its figure.
    public func list(actor: Staff, limit: Int = 100) async throws -> [Report] {
        let q = IncidentRecord.query(on: db)
        if let visible = actor.visibleLocationIDs {
            q.group(.or) { $0.filter(\.$locationID ~~ visible.map(\.rawValue)).filter(\.$locationID == nil) }
        }
        var reports: [Report] = []
        for record in try await q.sort(\.$foundAt, .descending).limit(limit).all() {
            reports.append(try await visible(try await report(try record.domain()), to: actor))
        }
        return reports
    }

    /// Closes an incident: no new outreach is expected; its figure stays.
    public func close(_ id: IncidentID, actor: Staff, now: Date) async throws -> Report {
        var incident = try await get(id, actor: actor).incident
        try Policy.require(actor, .recordIncidents)
        incident = try IncidentDraft(closedAt: now).validated(id: incident.id, now: now, existing: incident)
        let closed = incident
        try await db.transaction { db in
            try await IncidentRecord.overwrite(
                id.rawValue, with: closed, entity: "incident", by: actor, summary: "closed", at: now, on: db)
        }
        return try await report(incident)
    }

    /// Marks an affected customer told, at the time they were reached (by a person, or by a
    /// message the shop's own channels delivered); the first time counts.
    public func markTold(incident: UUID, customer: CustomerID, at: Date) async throws {
        guard
            let row = try await IncidentCustomerRecord.query(on: db).filter(\.$incidentID == incident)
                .filter(\.$customerID == customer.rawValue).first(), row.toldAt == nil
        else { return }
        row.toldAt = at
        try await row.update(on: db)
    }

    func report(_ incident: Incident) async throws -> Report {
        let rows = try await IncidentQueries.affected(incident, on: db)
        var inbound: [UUID: Date] = [:]
        var homes: [CustomerID: LocationID?] = [:]
        for row in rows {
            homes[CustomerID(row.customerID)] = row.home
            if let first = row.firstInbound { inbound[row.customerID] = min(inbound[row.customerID] ?? first, first) }
        }
        let affected = rows.map { row in
            let result = OutreachResult(
                customerID: CustomerID(row.customerID), toldAt: row.toldAt, firstInboundAt: inbound[row.customerID])
            return Affected(
                customerID: result.customerID, result: result,
                outcome: ToldFirst.classify(
                    foundAt: incident.foundAt, toldAt: result.toldAt, firstInboundAt: result.firstInboundAt))
        }
        let figure = IncidentFigure(
            foundAt: incident.foundAt, affected: affected.map(\.customerID), results: affected.map(\.result))
        var report = Report(incident: incident, affected: affected, figure: figure)
        report.homes = homes
        return report
    }
}
