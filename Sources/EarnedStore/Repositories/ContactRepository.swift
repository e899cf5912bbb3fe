import EarnedDomain
import FluentKit
import Foundation

/// Inbound contacts: logged from a page, the API or a CSV file, worked through their reply
/// rules, and read by the scheduler to warn before a reply target is missed. Staff see the
/// contacts of their locations and their own; an external id logs a contact once.
public struct ContactRepository: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    /// Logs a contact. A contact with an external id already logged is returned unchanged,
    /// so an integration may send the same message twice.
    public func create(_ draft: InboundContactDraft, actor: Staff, now: Date) async throws -> InboundContact {
        if let external = draft.externalID, !external.isEmpty,
            let existing = try await InboundContactRecord.query(on: db).filter(\.$externalID == external).first()
        {
            let contact = try existing.domain()
            guard actor.canSee(location: contact.locationID) else {
                throw DomainError.conflict("external_id is already used by a contact in another location")
            }
            return contact
        }
        var draft = draft
        draft.locationID = try await WorkPlacement.location(
            customer: draft.customerID, location: draft.locationID, owner: draft.ownerID, actor: actor, on: db)
        let contact = try draft.validated(id: ContactID(), now: now)
        var references = References()
        references.add("case_id", .serviceCase, contact.caseID?.rawValue)
        try await references.verify(actor: actor, on: db)
        try await db.transaction { db in
            try await InboundContactRecord(contact).create(on: db)
            try await AuditLog(db: db).record(
                .created, "contact", contact.id.rawValue, by: actor, summary: "channel, priority, subject", at: now)
        }
        return contact
    }

    /// Logs many contacts in one transaction; those whose external id is already logged are
    /// counted as unchanged. Returns how many were new.
    public func importContacts(_ drafts: [InboundContactDraft], actor: Staff, now: Date) async throws -> (
        created: Int, unchanged: Int
    ) {
        let externals = drafts.compactMap(\.externalID).filter { !$0.isEmpty }
        var known = Set<String>()
        for start in stride(from: 0, to: externals.count, by: 500) {
            let batch = Array(externals[start..<min(start + 500, externals.count)])
            for record in try await InboundContactRecord.query(on: db).filter(\.$externalID ~~ batch).all() {
                if let external = record.externalID { known.insert(external) }
            }
        }
        // A contact without an id of its own system is exported under Earned's id: read back by it.
        let ownIDs = Array(Set(externals.filter { !known.contains($0) }.compactMap(UUID.init(uuidString:))))
        for start in stride(from: 0, to: ownIDs.count, by: 500) {
            let batch = Array(ownIDs[start..<min(start + 500, ownIDs.count)])
            for record in try await InboundContactRecord.query(on: db).filter(\.$id ~~ batch)
                .filter(\.$externalID == nil).all()
            {
                known.formUnion([record.id!.uuidString, record.id!.uuidString.lowercased()])
            }
        }
        var contacts: [InboundContact] = []
        var unchanged = 0
        for draft in drafts {
            if let external = draft.externalID, !external.isEmpty {
                if known.contains(external) {
                    unchanged += 1
                    continue
                }
                known.insert(external)
            }
            contacts.append(try draft.validated(id: ContactID(), now: now))
        }
        let ready = contacts
        try await db.transaction { db in
            for contact in ready { try await InboundContactRecord(contact).create(on: db) }
            try await AuditLog(db: db).record(
                .imported, "contact", IDGenerator.next(), by: actor, summary: "\(ready.count) contacts", at: now)
        }
        return (contacts.count, unchanged)
    }

    public func get(_ id: ContactID, actor: Staff) async throws -> InboundContact {
        let contact = try await InboundContactRecord.value(id.rawValue, entity: "contact", on: db)
        guard Policy.maySee(actor, recordAt: contact.locationID, belongingTo: contact.ownerID) else {
            throw DomainError.notFound("contact")
        }
        return contact
    }

    /// Changes a contact through one of its rules (take, respond, wait, resume, resolve, reopen).
    @discardableResult
    public func change(
        _ id: ContactID, actor: Staff, now: Date, summary: String,
        _ rule: (inout InboundContact) throws(DomainError) -> Void
    ) async throws -> InboundContact {
        var contact = try await get(id, actor: actor)
        try rule(&contact)
        contact.updatedAt = now
        let changed = contact
        try await db.transaction { db in
            try await InboundContactRecord.overwrite(
                id.rawValue, with: changed, entity: "contact", by: actor, summary: summary, at: now, on: db)
        }
        return changed
    }

    /// Contacts not yet resolved, in locations (nil: all), oldest first.
    public func unresolved(locations: Set<LocationID>?, owner: StaffID? = nil, limit: Int = 1000) async throws
        -> [InboundContact]
    {
        let q = InboundContactRecord.query(on: db).filter(\.$status != InboundContact.Status.resolved.rawValue)
        if let locations { q.filter(\.$locationID ~~ locations.map(\.rawValue)) }
        if let owner { q.filter(\.$ownerID == owner.rawValue) }
        return try await q.sort(\.$receivedAt).limit(limit).all().map { try $0.domain() }
    }

    /// Every contact not resolved, oldest first, read a page at a time: what the scheduler keeps
    /// the reply targets of (a list's `unresolved` stops at its limit; a chain's open contacts
    /// may not).
    public func everyUnresolved(pageSize: Int = 1000) async throws -> [InboundContact] {
        let open = InboundContact.Status.allCases.filter { $0 != .resolved }.map(\.rawValue)
        return try await KeysetPage.all(
            InboundContactRecord.query(on: db).filter(\.$status ~~ open), time: "received_at", pageSize: pageSize,
            timeOf: \.receivedAt
        ).map { try $0.domain() }
    }

    /// What a contacts list asks for beyond the queue.
    public struct Query: Sendable {
        public var status: InboundContact.Status?
        public var owner: StaffID?
        public var location: LocationID?
        public var channel: InboundContact.Channel?
        public var from: Date?
        public var to: Date?
        public var customers: [CustomerID]?
        public var cursor: String?
        public var limit: Int

        public init(
            status: InboundContact.Status? = nil, owner: StaffID? = nil, location: LocationID? = nil,
            channel: InboundContact.Channel? = nil, from: Date? = nil, to: Date? = nil,
            customers: [CustomerID]? = nil, cursor: String? = nil, limit: Int = 50
        ) {
            self.status = status
            self.owner = owner
            self.location = location
            self.channel = channel
            self.from = from
            self.to = to
            self.customers = customers
            self.cursor = cursor
            self.limit = limit
        }
    }

    /// A page of the contacts the actor may see, newest received first, with the count.
    public func search(_ query: Query, actor: Staff) async throws -> ResultPage<InboundContact> {
        let q = InboundContactRecord.query(on: db)
        if let status = query.status { q.filter(\.$status == status.rawValue) }
        if let owner = query.owner { q.filter(\.$ownerID == owner.rawValue) }
        if let location = query.location { q.filter(\.$locationID == location.rawValue) }
        if let channel = query.channel { q.filter(\.$channel == channel.rawValue) }
        if let from = query.from { q.filter(\.$receivedAt >= from) }
        if let to = query.to { q.filter(\.$receivedAt < to) }
        if let customers = query.customers { q.filter(\.$customerID ~~ customers.map(\.rawValue)) }
        var parts = try await ListParts.visible(q, to: actor, location: "location_id", people: ["owner_id"])
        if query.status == nil {
            // Contacts are indexed by state, then time received: one walk per state.
            parts = ListParts.each(parts, of: "status", in: InboundContact.Status.allCases.map(\.rawValue))
        }
        let page = try await KeysetPage.fetch(
            parts: parts, time: "received_at", descending: true, cursor: query.cursor, limit: query.limit,
            timeOf: \.receivedAt)
        return ResultPage(
            items: try page.rows.map { try $0.domain() }, nextCursor: page.next, total: page.total,
            totalIsLowerBound: page.totalIsLowerBound)
    }

    /// Contacts of locations, newest first, optionally of one status or one customer, a page at
    /// a time.
    public func list(
        locations: Set<LocationID>?, status: InboundContact.Status? = nil, customer: CustomerID? = nil,
        before: Date? = nil, limit: Int = 100
    ) async throws -> [InboundContact] {
        let q = InboundContactRecord.query(on: db)
        if let locations { q.filter(\.$locationID ~~ locations.map(\.rawValue)) }
        if let status { q.filter(\.$status == status.rawValue) }
        if let customer { q.filter(\.$customerID == customer.rawValue) }
        if let before { q.filter(\.$receivedAt < before) }
        return try await q.sort(\.$receivedAt, .descending).limit(limit).all().map { try $0.domain() }
    }
}
