import EarnedDomain
import FluentKit
import Foundation

/// Inbound contacts: logged from a page, the API or CSV, worked through the reply rules.
public struct ContactRepository: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    public func log(_ draft: InboundContactDraft, actor: Staff, now: Date) async throws -> InboundContact {
        var draft = draft
        if let id = draft.customerID {
            let customer = try await CustomerRepository(db: db).get(id, actor: actor)
            draft.locationID = draft.locationID ?? customer.homeLocationID
        }
        draft.locationID = draft.locationID ?? actor.homeLocationID
        if let location = draft.locationID, !actor.canSee(location: location) {
            throw DomainError.forbidden("not one of your locations")
        }
        if let owner = draft.ownerID, owner != actor.id {
            try await PromiseRepository.requireColleague(owner, location: draft.locationID, on: db)
        }
        let contact = try draft.validated(id: ContactID(), now: now)
        try await InboundContactRecord(contact).create(on: db)
        return contact
    }

    public func get(_ id: ContactID, actor: Staff) async throws -> InboundContact {
        guard let record = try await InboundContactRecord.find(id.rawValue, on: db) else {
            throw DomainError.notFound("contact")
        }
        let contact = try record.domain()
        guard contact.ownerID == actor.id || actor.canSee(location: contact.locationID) else {
            throw DomainError.notFound("contact")
        }
        return contact
    }

    @discardableResult
    public func change(
        _ id: ContactID, actor: Staff, now: Date, _ rule: (inout InboundContact) throws(DomainError) -> Void
    ) async throws -> InboundContact {
        var contact = try await get(id, actor: actor)
        try rule(&contact)
        contact.updatedAt = now
        guard let record = try await InboundContactRecord.find(id.rawValue, on: db) else {
            throw DomainError.notFound("contact")
        }
        try record.apply(contact)
        try await record.update(on: db)
        return contact
    }

    /// Contacts not yet resolved, in locations (nil: all).
    public func unresolved(locations: Set<LocationID>?, limit: Int = 1000) async throws -> [InboundContact] {
        let q = InboundContactRecord.query(on: db).filter(\.$status != InboundContact.Status.resolved.rawValue)
        if let locations { q.filter(\.$locationID ~~ locations.map(\.rawValue)) }
        return try await q.sort(\.$receivedAt).limit(limit).all().map { try $0.domain() }
    }

    public func forCustomer(_ id: CustomerID) async throws -> [InboundContact] {
        try await InboundContactRecord.query(on: db).filter(\.$customerID == id.rawValue)
            .sort(\.$receivedAt, .descending).limit(200).all().map { try $0.domain() }
    }

    /// The first contact from each customer at or after `since`.
    public func firstInbound(customers: [CustomerID], since: Date) async throws -> [CustomerID: Date] {
        var first: [CustomerID: Date] = [:]
        for start in stride(from: 0, to: customers.count, by: 500) {
            let batch = customers[start..<min(start + 500, customers.count)].map(\.rawValue)
            for record in try await InboundContactRecord.query(on: db).filter(\.$customerID ~~ batch)
                .filter(\.$receivedAt >= since).all()
            {
                guard let customer = record.customerID.map(CustomerID.init) else { continue }
                first[customer] = min(first[customer] ?? record.receivedAt, record.receivedAt)
            }
        }
        return first
    }
}
