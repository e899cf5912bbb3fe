import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// What an orders list asks for.
public struct OrderQuery: Sendable {
    public var customerID: CustomerID?
    public var locationID: LocationID?
    public var sellerID: StaffID?
    public var from: Date?
    public var to: Date?
    public var state: Order.State?
    /// Only these customers' (what a search by name, phone or e-mail found); nil: anyone's.
    public var customers: [CustomerID]?
    public var cursor: String?
    public var limit: Int

    public init(
        customerID: CustomerID? = nil, locationID: LocationID? = nil, sellerID: StaffID? = nil, from: Date? = nil,
        to: Date? = nil, state: Order.State? = nil, customers: [CustomerID]? = nil, cursor: String? = nil,
        limit: Int = 50
    ) {
        self.customerID = customerID
        self.locationID = locationID
        self.sellerID = sellerID
        self.from = from
        self.to = to
        self.state = state
        self.customers = customers
        self.cursor = cursor
        self.limit = limit
    }
}

/// Orders, newest first; every call checks the actor may see the order's location.
public struct OrderRepository: Sendable {
    let db: any Database
    let defaultCurrency: String

    public init(db: any Database, defaultCurrency: String = "RUB") {
        self.db = db
        self.defaultCurrency = defaultCurrency
    }

    /// Active orders delivered (or whose service started) in [from, to]: what after-sale work
    /// follows. A cancelled or returned order starts none (`Order.countsAsSale`).
    public func delivered(from: Date, to: Date) async throws -> [Order] {
        Self.inDeliveryOrder(
            try await OrderRecord.query(on: db).filter(\.$deliveredAt >= from).filter(\.$deliveredAt <= to)
                .filter(\.$state == Order.State.active.rawValue).all().map(\.domain))
    }

    /// Orders by delivery time, then id: the order the scheduler works in, the same however they
    /// were read (a customer's budget of contacts goes to the first).
    static func inDeliveryOrder(_ orders: [Order]) -> [Order] {
        orders.sorted {
            ($0.deliveredAt ?? .distantPast, $0.id.rawValue.uuidString)
                < ($1.deliveredAt ?? .distantPast, $1.id.rawValue.uuidString)
        }
    }

    /// The active orders delivered in `[from, to]` that were delivered within one of `windows` or
    /// changed after `changedSince`, each once, in delivery order: what a steady scheduler pass
    /// reads instead of every delivery of the look-back (`orders_delivered`, `orders_updated`).
    public func delivered(from: Date, to: Date, within windows: [DateInterval], orChangedSince changedSince: Date)
        async throws -> [Order]
    {
        var found: [UUID: OrderRecord] = [:]
        for window in windows {
            let start = max(window.start, from)
            let end = min(window.end, to)
            guard start <= end else { continue }
            for record in try await OrderRecord.query(on: db).filter(\.$deliveredAt >= start)
                .filter(\.$deliveredAt <= end).filter(\.$state == Order.State.active.rawValue).all()
            {
                found[record.id!] = record
            }
        }
        for record in try await OrderRecord.query(on: db).filter(\.$updatedAt > changedSince)
            .filter(\.$deliveredAt >= from).filter(\.$deliveredAt <= to)
            .filter(\.$state == Order.State.active.rawValue).all()
        {
            found[record.id!] = record
        }
        return Self.inDeliveryOrder(found.values.map(\.domain))
    }

    /// A page of the orders the actor may see, newest placed first, with the whole count.
    public func list(_ query: OrderQuery, actor: Staff) async throws -> ResultPage<Order> {
        let q = OrderRecord.query(on: db)
        if let customer = query.customerID { q.filter(\.$customerID == customer.rawValue) }
        if let location = query.locationID { q.filter(\.$locationID == location.rawValue) }
        if let seller = query.sellerID { q.filter(\.$sellerID == seller.rawValue) }
        if let from = query.from { q.filter(\.$placedAt >= from) }
        if let to = query.to { q.filter(\.$placedAt < to) }
        if let state = query.state { q.filter(\.$state == state.rawValue) }
        if let customers = query.customers { q.filter(\.$customerID ~~ customers.map(\.rawValue)) }
        let page = try await KeysetPage.fetch(
            parts: ListParts.visible(q, to: actor, location: "location_id", people: ["seller_id"]), time: "placed_at",
            descending: true, cursor: query.cursor, limit: query.limit, timeOf: \.placedAt)
        return ResultPage(
            items: page.rows.map(\.domain), nextCursor: page.next, total: page.total,
            totalIsLowerBound: page.totalIsLowerBound)
    }

    public func get(_ id: OrderID, actor: Staff) async throws -> Order {
        guard let record = try await OrderRecord.find(id.rawValue, on: db),
            Policy.maySee(
                actor, recordAt: record.locationID.map(LocationID.init), belongingTo: record.sellerID.map(StaffID.init))
        else { throw DomainError.notFound("order") }
        return record.domain
    }

    public func create(_ draft: OrderDraft, actor: Staff, now: Date, id: OrderID = OrderID()) async throws -> Order {
        var draft = draft
        if draft.locationID == nil { draft.locationID = actor.homeLocationID }
        if draft.sellerID == nil, actor.role == .staff { draft.sellerID = actor.id }
        let order = try draft.validated(id: id, now: now, defaultCurrency: defaultCurrency)
        try await checkReferences(order, actor: actor)
        try await db.transaction { db in
            try await OrderRecord(order).create(on: db)
            try await AuditLog(db: db).record(
                .created, "order", order.id.rawValue, by: actor, summary: "order recorded", at: now)
        }
        return order
    }

    public func update(_ id: OrderID, _ draft: OrderDraft, actor: Staff, now: Date) async throws -> Order {
        let existing = try await get(id, actor: actor)
        let order = try draft.validated(id: id, now: now, defaultCurrency: defaultCurrency, existing: existing)
        try await checkReferences(order, actor: actor, existing: existing)
        try await db.transaction { db in
            guard let record = try await OrderRecord.find(id.rawValue, on: db) else {
                throw DomainError.notFound("order")
            }
            record.apply(order)
            try await record.update(on: db)
            try await AuditLog(db: db).record(
                .updated, "order", id.rawValue, by: actor, summary: "order changed", at: now)
        }
        return order
    }

    /// Applies one of the order's rules (delivered, cancelled, returned) to the stored order and
    /// records it in the audit log, in one transaction. The row is read again under a lock, so of
    /// two people acting at once the second meets the first one's result (a conflict, not a
    /// lost change). Cancelling and returning are for the seller or a manager.
    public func change(
        _ id: OrderID, actor: Staff, now: Date, summary: String, sellerOrManager: Bool = false,
        _ rule: @escaping @Sendable (inout Order) throws(DomainError) -> Void
    ) async throws -> Order {
        let visible = try await get(id, actor: actor)
        if sellerOrManager, !Policy.mayChange(actor, workHeldBy: visible.sellerID) {
            throw DomainError.forbidden("only the order's seller or a manager may do this")
        }
        return try await db.transaction { db in
            // Locks the row on PostgreSQL; SQLite's write transactions take the whole database.
            _ = try await db.sql.select().column("id").from(OrderRecord.schema).where("id", .equal, id.rawValue)
                .for(.update).first()
            guard let record = try await OrderRecord.find(id.rawValue, on: db) else {
                throw DomainError.notFound("order")
            }
            var order = record.domain
            try rule(&order)
            order.updatedAt = now
            record.apply(order)
            try await record.update(on: db)
            try await AuditLog(db: db).record(.updated, "order", id.rawValue, by: actor, summary: summary, at: now)
            return order
        }
    }

    public func delete(_ id: OrderID, actor: Staff, now: Date) async throws {
        try Policy.require(actor, .deleteOrders)
        let order = try await get(id, actor: actor)
        try await db.transaction { db in
            try await OrderRecord.query(on: db).filter(\.$id == order.id.rawValue).delete()
            try await AuditLog(db: db).record(
                .deleted, "order", order.id.rawValue, by: actor, summary: "order deleted", at: now)
        }
    }

    func checkReferences(_ order: Order, actor: Staff, existing: Order? = nil) async throws {
        var v = Validator()
        if order.customerID != existing?.customerID {
            if let customer = try await CustomerRecord.find(order.customerID.rawValue, on: db),
                customer.mergedIntoID == nil,
                actor.canSee(location: customer.homeLocationID.map(LocationID.init))
            {
                if customer.erasedAt != nil { v.add("customer_id", .inconsistent, detail: "the customer was erased") }
            } else {
                v.add("customer_id", .unknownReference)
            }
        }
        if let location = order.locationID {
            if try await LocationRecord.find(location.rawValue, on: db) == nil {
                v.add("location_id", .unknownReference)
            } else if !actor.canSee(location: location) {
                v.add("location_id", .outOfRange, detail: "not one of your locations")
            }
        } else if !Policy.may(actor, .workBusinessWide) {
            v.add("location_id", .required)
        }
        if let seller = order.sellerID, seller != existing?.sellerID,
            try await StaffRecord.find(seller.rawValue, on: db) == nil
        {
            v.add("seller_id", .unknownReference)
        }
        if let externalID = order.externalID, externalID != existing?.externalID,
            try await OrderRecord.query(on: db).filter(\.$externalID == externalID).first() != nil
        {
            v.add("external_id", .duplicate, detail: "another order")
        }
        try v.check()
    }
}
