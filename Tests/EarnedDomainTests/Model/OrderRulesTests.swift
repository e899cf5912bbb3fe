import Foundation
import Testing

@testable import EarnedDomain

@Suite("Order rules: delivered, cancelled, returned")
struct OrderRulesTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func order(delivered: Date? = nil) -> Order {
        Order(
            customerID: CustomerID(), sellerID: nil, locationID: nil, placedAt: now,
            amount: Money(minorUnits: 100, currency: "RUB"),
            deliveredAt: delivered, createdAt: now, updatedAt: now)
    }

    @Test("a delivery typed to the minute just before the placing reads as the placing; earlier is refused")
    func deliveryTime() throws {
        var o = order()
        try o.markDelivered(at: now - 30)
        #expect(o.deliveredAt == now)
        var early = order()
        #expect(throws: DomainError.self) { try early.markDelivered(at: now - 120) }
        #expect(early.deliveredAt == nil)
        #expect(throws: DomainError.self) { try o.markDelivered(at: now + 60) }
    }

    @Test("cancel before delivery, return after it, each with a reason; an ended order takes no step")
    func endings() throws {
        var open = order()
        #expect(throws: DomainError.self) { try open.markReturned(reason: "брак", at: now) }
        #expect(throws: DomainError.self) { try open.cancel(reason: " ", at: now) }
        try open.cancel(reason: "передумал", at: now + 60)
        #expect(open.state == .cancelled && open.endReason == "передумал" && open.endedAt == now + 60)
        #expect(!open.countsAsSale && !open.countsForDeliveryOnTime)
        #expect(throws: DomainError.self) { try open.markDelivered(at: now + 120) }

        var delivered = order(delivered: now + 3600)
        #expect(throws: DomainError.self) { try delivered.cancel(reason: "передумал", at: now) }
        try delivered.markReturned(reason: "Не подошёл размер", at: now + 7200)
        #expect(delivered.state == .returned && !delivered.countsAsSale && delivered.countsForDeliveryOnTime)
        #expect(throws: DomainError.self) { try delivered.markReturned(reason: "ещё раз", at: now + 7300) }
    }

    @Test("changing an ended order's fields keeps its state")
    func draftKeepsState() throws {
        var o = order()
        try o.cancel(reason: "передумал", at: now)
        let changed = try OrderDraft(itemsSummary: "Чайник").validated(
            id: o.id, now: now + 60, defaultCurrency: "RUB", existing: o)
        #expect(changed.state == .cancelled && changed.endReason == "передумал" && changed.itemsSummary == "Чайник")
    }
}
