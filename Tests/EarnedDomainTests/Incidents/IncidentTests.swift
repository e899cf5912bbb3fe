import Foundation
import Testing

@testable import EarnedDomain

@Suite("Incidents")
struct IncidentTests {
    typealias F = OutreachFixture
    let now = OutreachFixture.now
    let staff = StaffID()

    func draft(_ scope: Incident.Scope) -> IncidentDraft {
        IncidentDraft(
            title: "Брак партии кофемашин", detail: "Течёт бойлер", foundAt: F.utc(2025, 6, 9, 15), reportedByID: staff,
            scope: scope)
    }

    @Test("a valid draft becomes an incident")
    func valid() throws {
        let id = IncidentID()
        let incident = try draft(.product(text: "  Jura E8 ", from: F.utc(2025, 5, 1), to: F.utc(2025, 6, 1)))
            .validated(id: id, now: now)
        #expect(incident.id == id)
        #expect(incident.title == "Брак партии кофемашин")
        #expect(incident.scope == .product(text: "Jura E8", from: F.utc(2025, 5, 1), to: F.utc(2025, 6, 1)))
        #expect(incident.reportedByID == staff)
        #expect(incident.createdAt == now)
        #expect(incident.updatedAt == now)
        #expect(!incident.isClosed)
    }

    @Test("an update keeps what the draft leaves out and closes the incident")
    func update() throws {
        let original = try draft(.customers(ids: [CustomerID()])).validated(id: IncidentID(), now: now)
        let later = now.addingTimeInterval(3600)
        let closed = try IncidentDraft(closedAt: later).validated(id: original.id, now: later, existing: original)
        #expect(closed.title == original.title)
        #expect(closed.scope == original.scope)
        #expect(closed.createdAt == now)
        #expect(closed.updatedAt == later)
        #expect(closed.closedAt == later)
    }

    @Test("every bad field is reported at once")
    func allErrors() {
        let fields = F.invalidFields {
            _ = try IncidentDraft(
                title: String(repeating: "x", count: 201), foundAt: now.addingTimeInterval(3600),
                scope: .product(text: " a ", from: F.utc(2025, 6, 2), to: F.utc(2025, 6, 1)),
                closedAt: F.utc(2025, 1, 1)
            ).validated(id: IncidentID(), now: now)
        }
        #expect(fields == ["title", "found_at", "reported_by_id", "scope.text", "scope.to", "closed_at"])
        let empty = F.invalidFields { _ = try IncidentDraft().validated(id: IncidentID(), now: now) }
        #expect(empty == ["title", "reported_by_id", "scope"])
    }

    @Test(
        "scopes are checked",
        arguments: [
            (Incident.Scope.product(text: "J", from: nil, to: nil), "scope.text", FieldError.Code.tooShort),
            (.product(text: "   ", from: nil, to: nil), "scope.text", .required),
            (.product(text: String(repeating: "x", count: 201), from: nil, to: nil), "scope.text", .tooLong),
            (
                .dateRange(from: OutreachFixture.utc(2025, 6, 2), to: OutreachFixture.utc(2025, 6, 1)), "scope.to",
                .inconsistent
            ),
            (
                .location(id: LocationID(), from: OutreachFixture.utc(2025, 6, 2), to: OutreachFixture.utc(2025, 6, 1)),
                "scope.to", .inconsistent
            ),
            (.customers(ids: []), "scope.customer_ids", .required),
            (.customers(ids: (0...10_000).map { _ in CustomerID() }), "scope.customer_ids", .outOfRange),
        ])
    func scopes(_ scope: Incident.Scope, _ field: String, _ code: FieldError.Code) {
        let errors = F.fieldErrors { _ = try draft(scope).validated(id: IncidentID(), now: now) }
        #expect(errors.map(\.field) == [field])
        #expect(errors.map(\.code) == [code])
    }

    @Test("scope limits that are allowed: two letters, equal bounds, 10,000 customers")
    func scopeLimits() throws {
        let instant = F.utc(2025, 6, 1)
        for scope in [
            Incident.Scope.product(text: "Ож", from: nil, to: nil), .dateRange(from: instant, to: instant),
            .customers(ids: (0..<10_000).map { _ in CustomerID() }),
        ] {
            _ = try draft(scope).validated(id: IncidentID(), now: now)
        }
    }

    @Test("a repeated customer in the list is kept once")
    func repeatedCustomer() throws {
        let a = CustomerID()
        let b = CustomerID()
        let incident = try draft(.customers(ids: [a, b, a])).validated(id: IncidentID(), now: now)
        #expect(incident.scope == .customers(ids: [a, b]))
    }

    @Test(
        "products match ignoring case and diacritics",
        arguments: [
            ("Кофемашина DéLonghi Magnifica", "delonghi", true),
            ("Кофемашина Delonghi Magnifica", "DÉLONGHI", true),
            ("Ёлочная гирлянда", "елочная", true),
            ("Елочная гирлянда", "ЁЛОЧНАЯ", true),
            ("кофемашина Jura", "КОФЕМАШИНА", true),
            ("Кофемолка Jura", "кофемашина", false),
        ])
    func productText(_ items: String, _ text: String, _ matches: Bool) {
        let order = F.order(placedAt: F.utc(2025, 5, 5), items: items)
        #expect(Incident.Scope.product(text: text, from: nil, to: nil).matches(order) == matches)
    }

    @Test("time bounds include both ends")
    func bounds() {
        let from = F.utc(2025, 5, 1)
        let to = F.utc(2025, 5, 31, 23, 59, 59)
        let product = Incident.Scope.product(text: "jura", from: from, to: to)
        let range = Incident.Scope.dateRange(from: from, to: to)
        for (instant, inside) in [
            (from, true), (to, true), (from.addingTimeInterval(-1), false), (to.addingTimeInterval(1), false),
        ] {
            #expect(product.matches(F.order(placedAt: instant, items: "Jura E8")) == inside)
            #expect(range.matches(F.order(placedAt: instant)) == inside)
        }
        #expect(!product.matches(F.order(placedAt: from, items: nil)))
        #expect(
            Incident.Scope.product(text: "jura", from: nil, to: to).matches(
                F.order(placedAt: F.utc(2020, 1, 1), items: "jura")))
    }

    @Test("a location scope matches that location's orders, within optional bounds")
    func location() {
        let shop = LocationID()
        let scope = Incident.Scope.location(id: shop, from: F.utc(2025, 6, 1), to: nil)
        #expect(scope.matches(F.order(placedAt: F.utc(2025, 6, 5), locationID: shop)))
        #expect(!scope.matches(F.order(placedAt: F.utc(2025, 5, 5), locationID: shop)))
        #expect(!scope.matches(F.order(placedAt: F.utc(2025, 6, 5), locationID: LocationID())))
        #expect(!scope.matches(F.order(placedAt: F.utc(2025, 6, 5), locationID: nil)))
    }

    @Test("affected customers: each once, in the order of their first matching order")
    func affected() throws {
        let (a, b, c) = (CustomerID(), CustomerID(), CustomerID())
        let orders = [
            F.order(customerID: b, placedAt: F.utc(2025, 5, 3), items: "Jura E8"),
            F.order(customerID: c, placedAt: F.utc(2025, 5, 4), items: "Кофемолка"),
            F.order(customerID: a, placedAt: F.utc(2025, 5, 5), items: "jura e8, зерно"),
            F.order(customerID: b, placedAt: F.utc(2025, 5, 6), items: "JURA E8"),
        ]
        let incident = try draft(.product(text: "Jura", from: nil, to: nil)).validated(id: IncidentID(), now: now)
        #expect(incident.affectedCustomers(orders: orders) == [b, a])
        let listed = Incident(
            title: "x", foundAt: now, reportedByID: staff, scope: .customers(ids: [c, a, c]), createdAt: now,
            updatedAt: now)
        #expect(listed.affectedCustomers(orders: []) == [c, a])
        #expect(listed.scope.matches(orders[1]))
        #expect(!listed.scope.matches(orders[0]))
    }
}
