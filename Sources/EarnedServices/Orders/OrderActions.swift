import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

/// What recording, delivering, cancelling and returning an order does, the same from a page,
/// the API and (for deliveries) an import: a delivery starts the order's after-sale steps at
/// once, not at the scheduler's next pass; a cancel or a return closes the steps still open.
package enum OrderActions {
    /// Records an order; one recorded as delivered already starts its after-sale steps.
    @discardableResult
    package static func record(_ draft: OrderDraft, actor: Staff, in context: ServiceContext) async throws -> Order {
        try await context.db.transaction { db in
            let order = try await OrderRepository(db: db, defaultCurrency: context.currency).create(
                draft, actor: actor, now: context.now)
            try await startAfterSale(order, now: context.now, on: db)
            return order
        }
    }

    /// Changes an order's fields; a delivery time given for the first time starts its steps.
    @discardableResult
    package static func update(_ id: OrderID, _ draft: OrderDraft, actor: Staff, in context: ServiceContext)
        async throws -> Order
    {
        try await context.db.transaction { db in
            let repo = OrderRepository(db: db, defaultCurrency: context.currency)
            let before = try await repo.get(id, actor: actor)
            if before.state != .active, draft.deliveredAt != nil, before.deliveredAt == nil {
                throw DomainError.conflict("the order was \(before.state.rawValue)")
            }
            let order = try await repo.update(id, draft, actor: actor, now: context.now)
            if before.deliveredAt == nil { try await startAfterSale(order, now: context.now, on: db) }
            return order
        }
    }

    /// Marks the order delivered (or its service started) at `at`, by default now.
    @discardableResult
    package static func deliver(_ id: OrderID, at: Date?, actor: Staff, in context: ServiceContext) async throws
        -> Order
    {
        let now = context.now
        let deliveredAt = at ?? now
        if deliveredAt > now.addingTimeInterval(60) {
            throw DomainError.invalid([
                FieldError(field: "delivered_at", code: .outOfRange, detail: "cannot be in the future")
            ])
        }
        return try await context.db.transaction { db in
            let order = try await OrderRepository(db: db, defaultCurrency: context.currency).change(
                id, actor: actor, now: now, summary: "delivered"
            ) { (o) throws(DomainError) in try o.markDelivered(at: deliveredAt) }
            try await startAfterSale(order, now: now, on: db)
            return order
        }
    }

    /// Cancels an order not yet delivered, with a reason; its open steps are skipped.
    @discardableResult
    package static func cancel(_ id: OrderID, reason: String?, actor: Staff, in context: ServiceContext) async throws
        -> Order
    {
        try await end(id, actor: actor, in: context, summary: "cancelled", outcome: "order cancelled") {
            (o) throws(DomainError) in try o.cancel(reason: reason, at: context.now)
        }
    }

    /// Records that a delivered order came back, with a reason; its open steps are skipped.
    @discardableResult
    package static func markReturned(_ id: OrderID, reason: String?, actor: Staff, in context: ServiceContext)
        async throws -> Order
    {
        try await end(id, actor: actor, in: context, summary: "returned", outcome: "order returned") {
            (o) throws(DomainError) in try o.markReturned(reason: reason, at: context.now)
        }
    }

    private static func end(
        _ id: OrderID, actor: Staff, in context: ServiceContext, summary: String, outcome: String,
        _ rule: @escaping @Sendable (inout Order) throws(DomainError) -> Void
    ) async throws -> Order {
        try await context.db.transaction { db in
            let order = try await OrderRepository(db: db, defaultCurrency: context.currency).change(
                id, actor: actor, now: context.now, summary: summary, sellerOrManager: true, rule)
            try await TaskRepository(db: db).skipOpen(
                about: .init(kind: .order, id: id.rawValue), outcome: outcome, actor: actor, now: context.now)
            return order
        }
    }

    static func startAfterSale(_ order: Order, now: Date, on db: any Database) async throws {
        guard order.countsAsSale, order.deliveredAt != nil else { return }
        var report = Tick.Report()
        try await Tick.afterSale(of: [order], now: now, try await Tick.Setting.load(db), on: db, report: &report)
    }
}
