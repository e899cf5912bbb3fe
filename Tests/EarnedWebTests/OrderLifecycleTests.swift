import EarnedDomain
import EarnedServices
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

@Suite("An order from the browser and the API: delivered, cancelled, returned")
struct OrderLifecycleTests {
    func customer(_ app: Application, _ f: Fixture, name: String = "Анна Смирнова") async throws -> Customer {
        try await CustomerRepository(db: app.db).create(
            CustomerDraft(
                name: name, phones: ["+7 900 111-22-33"],
                consents: [Consent(channel: .phone, given: true, at: testNow - 86_400 * 30, source: "form")],
                homeLocationID: f.north.id), actor: f.owner, now: testNow)
    }

    @Test("a shop with no integrator records an order, marks it delivered; the handover task is on Today at once")
    func deliverFromThePage() async throws {
        try await withEarnedApp { app, f in
            let c = try await customer(app, f)
            let session = try await app.session(for: f.northStaff)
            let recorded = try await app.send(
                .POST, "/orders", cookie: session.cookie,
                form: [
                    "_csrf": session.csrf, "customer_id": c.name, "amount": "2 490,50",
                    "items_summary": "Ручная кофемолка", "location_id": f.north.id.description,
                ])
            #expect(recorded.status == .seeOther)
            let path = try #require(recorded.headers.first(name: .location))
            #expect(path.hasPrefix("/orders/"))
            let order = try #require(try await OrderRepository(db: app.db).list(.init(), actor: f.owner).items.first)
            // The customer was named as a shop assistant knows them; the seller is who recorded it.
            #expect(order.customerID == c.id && order.sellerID == f.northStaff.id && order.amount.minorUnits == 249_050)
            let page = try await app.send(.GET, path, cookie: session.cookie)
            #expect(page.status == .ok)
            #expect(page.text.contains("Ручная кофемолка") && page.text.contains("name=\"delivered_at\""))
            #expect(page.text.contains("начнутся, когда заказ будет выдан"))
            // A time the form cannot read is named; nothing changes.
            let bad = try await app.send(
                .POST, path + "/action", cookie: session.cookie,
                form: ["_csrf": session.csrf, "action": "deliver", "delivered_at": "вчера"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("delivered_at-error"))
            #expect(try await OrderRepository(db: app.db).get(order.id, actor: f.owner).deliveredAt == nil)
            let delivered = try await app.send(
                .POST, path + "/action", cookie: session.cookie,
                form: [
                    "_csrf": session.csrf, "action": "deliver",
                    "delivered_at": FormDates.inputValue(testNow, zone: TimeZone(identifier: "Europe/Moscow")!),
                ])
            #expect(delivered.status == .seeOther)
            #expect(try await OrderRepository(db: app.db).get(order.id, actor: f.owner).deliveredAt == testNow)
            // No scheduler pass ran: the delivery itself made the seller's handover task, and the
            // day-1 follow-up that falls due within the after-sale lead.
            let tasks = try await TaskRepository(db: app.db).open(assignee: f.northStaff.id)
            #expect(tasks.map(\.kind) == [.handover, .followUp])
            let today = try await app.send(.GET, "/today", cookie: session.cookie)
            #expect(today.text.contains("href=\"/orders/\(order.id)\""))
            let after = try await app.send(.GET, path, cookie: session.cookie)
            #expect(after.text.contains("при выдаче") && !after.text.contains("name=\"delivered_at\""))
            // Delivering twice is refused with the page, not an error.
            let again = try await app.send(
                .POST, path + "/action", cookie: session.cookie,
                form: [
                    "_csrf": session.csrf, "action": "deliver",
                    "delivered_at": FormDates.inputValue(testNow, zone: TimeZone(identifier: "Europe/Moscow")!),
                ])
            #expect(again.status == .conflict && again.text.contains("Заказ уже изменили"))
            // Another location's staff do not see it.
            let south = try await app.session(for: f.southStaff)
            #expect(try await app.send(.GET, path, cookie: south.cookie).status == .notFound)
        }
    }

    @Test("a return needs a reason, skips the open follow-ups and shows in the customer's story; edit keeps state")
    func returnFromThePage() async throws {
        try await withEarnedApp { app, f in
            let c = try await customer(app, f)
            let context = ServiceContext(db: app.db, now: testNow, currency: "RUB")
            let order = try await OrderActions.record(
                OrderDraft(
                    customerID: c.id, sellerID: f.northStaff.id, locationID: f.north.id, placedAt: testNow - 7200,
                    amountMinorUnits: 100_000, deliveredAt: testNow - 3600), actor: f.owner, in: context)
            #expect(try await TaskRepository(db: app.db).open(assignee: f.northStaff.id).count == 2)
            let session = try await app.session(for: f.manager)
            let path = "/orders/\(order.id)"
            let page = try await app.send(.GET, path, cookie: session.cookie)
            #expect(page.text.contains("Оформить возврат") && !page.text.contains("Отменить заказ"))
            let noReason = try await app.send(
                .POST, path + "/action", cookie: session.cookie,
                form: ["_csrf": session.csrf, "action": "return", "reason": "  "])
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("reason-error"))
            #expect(try await OrderRepository(db: app.db).get(order.id, actor: f.owner).state == .active)
            let cancelled = try await app.send(
                .POST, path + "/action", cookie: session.cookie,
                form: ["_csrf": session.csrf, "action": "cancel", "reason": "передумал"])
            #expect(cancelled.status == .conflict)
            let returned = try await app.send(
                .POST, path + "/action", cookie: session.cookie,
                form: ["_csrf": session.csrf, "action": "return", "reason": "Не подошёл размер"])
            #expect(returned.status == .seeOther)
            let stored = try await OrderRepository(db: app.db).get(order.id, actor: f.owner)
            #expect(stored.state == .returned && stored.endReason == "Не подошёл размер" && stored.endedAt == testNow)
            let steps = try await TaskRepository(db: app.db).about(.init(kind: .order, id: order.id.rawValue))
            #expect(steps.count == 2 && steps.allSatisfy { $0.status == .skipped && $0.outcome == "order returned" })
            let customerPage = try await app.send(.GET, "/customers/\(c.id)", cookie: session.cookie)
            #expect(customerPage.text.contains("возвращён") && customerPage.text.contains("Не подошёл размер"))
            let orderPage = try await app.send(.GET, path, cookie: session.cookie)
            #expect(orderPage.text.contains("заказ возвращён") && orderPage.text.contains("пропущено"))
            // The edit form keeps the state and takes a changed summary.
            let form = try await app.send(.GET, path + "/edit", cookie: session.cookie)
            #expect(form.status == .ok && form.text.contains("value=\"1000\""))
            let edited = try await app.send(
                .POST, path + "/edit", cookie: session.cookie,
                form: [
                    "_csrf": session.csrf, "customer_id": c.id.description, "amount": "1000",
                    "items_summary": "Кроссовки", "location_id": f.north.id.description,
                ])
            #expect(edited.status == .seeOther)
            let after = try await OrderRepository(db: app.db).get(order.id, actor: f.owner)
            #expect(after.itemsSummary == "Кроссовки" && after.state == .returned)
            let badEdit = try await app.send(
                .POST, path + "/edit", cookie: session.cookie,
                form: ["_csrf": session.csrf, "customer_id": c.id.description, "amount": "дорого"])
            #expect(badEdit.status == .unprocessableEntity && badEdit.text.contains("amount-error"))
        }
    }

    @Test("the API delivers, cancels and returns; a wrong step is a problem naming why, another's order a 403")
    func throughTheAPI() async throws {
        try await withEarnedApp { app, f in
            let c = try await customer(app, f)
            let token = f.token(f.northStaff)
            let made = try await app.send(
                .POST, "/api/v1/orders", token: token,
                json: #"{"customer_id": "\#(c.id)", "amount_minor_units": 150000}"#)
            #expect(made.status == .created)
            let id = try #require(made.json()["id"] as? String)
            #expect(try made.json()["state"] as? String == "active")
            let delivered = try await app.send(
                .POST, "/api/v1/orders/\(id)/actions", token: token, json: #"{"action": "deliver"}"#)
            #expect(delivered.status == .ok)
            #expect(try delivered.json()["delivered_at"] as? String == APIDates.format(testNow))
            #expect(
                try await TaskRepository(db: app.db).open(assignee: f.northStaff.id).map(\.kind) == [
                    .handover, .followUp,
                ])
            let twice = try await app.send(
                .POST, "/api/v1/orders/\(id)/actions", token: token, json: #"{"action": "deliver"}"#)
            #expect(twice.status == .conflict && twice.isProblem)
            let cancel = try await app.send(
                .POST, "/api/v1/orders/\(id)/actions", token: token, json: #"{"action": "cancel", "reason": "x"}"#)
            #expect(cancel.status == .conflict && cancel.isProblem)
            let noReason = try await app.send(
                .POST, "/api/v1/orders/\(id)/actions", token: token, json: #"{"action": "return"}"#)
            #expect(noReason.status == .unprocessableEntity && noReason.problemFields == ["reason"])
            let unknown = try await app.send(
                .POST, "/api/v1/orders/\(id)/actions", token: token, json: #"{"action": "lose"}"#)
            #expect(unknown.status == .unprocessableEntity && unknown.problemFields == ["action"])
            // A colleague who did not sell it may not take it back; a manager may.
            let other = try await StaffRepository(db: app.db).create(
                StaffDraft(name: "Пётр Север", email: "north2@test.earned", role: .staff, homeLocationID: f.north.id),
                passwordHash: "x", actor: nil, now: testNow)
            let otherActor = try #require(try await StaffRepository(db: app.db).get(other.id, actor: f.owner))
            await #expect(throws: DomainError.self) {
                try await OrderActions.markReturned(
                    OrderID(string: id)!, reason: "брак", actor: otherActor,
                    in: ServiceContext(db: app.db, now: testNow, currency: "RUB"))
            }
            let returned = try await app.send(
                .POST, "/api/v1/orders/\(id)/actions", token: f.token(f.manager),
                json: #"{"action": "return", "reason": "брак"}"#)
            #expect(returned.status == .ok)
            #expect(try returned.json()["state"] as? String == "returned")
            #expect(try returned.json()["end_reason"] as? String == "брак")
            let foreign = try await app.send(
                .POST, "/api/v1/orders/\(id)/actions", token: f.token(f.southStaff), json: #"{"action": "deliver"}"#)
            #expect(foreign.status == .notFound)
            // An order not yet delivered is cancelled.
            let second = try await app.send(
                .POST, "/api/v1/orders", token: token,
                json: #"{"customer_id": "\#(c.id)", "amount_minor_units": 5000}"#)
            let secondID = try #require(second.json()["id"] as? String)
            let cancelled = try await app.send(
                .POST, "/api/v1/orders/\(secondID)/actions", token: token,
                json: #"{"action": "cancel", "reason": "клиент передумал"}"#)
            #expect(try cancelled.json()["state"] as? String == "cancelled")
            let lateDelivery = try await app.send(
                .PATCH, "/api/v1/orders/\(secondID)", token: token,
                json: #"{"delivered_at": "\#(APIDates.format(testNow))"}"#)
            #expect(lateDelivery.status == .conflict)
        }
    }

    @Test("cancelled orders leave revenue, the lifetime models and on time; returned ones leave the first two only")
    func endedOrdersInTheFigures() async throws {
        try await withEarnedApp { app, f in
            let kept = try await customer(app, f, name: "Покупатель")
            let back = try await customer(app, f, name: "Вернул")
            let context = ServiceContext(db: app.db, now: testNow, currency: "RUB")
            func order(_ c: Customer, late: Bool) async throws -> Order {
                try await OrderActions.record(
                    OrderDraft(
                        customerID: c.id, sellerID: f.northStaff.id, locationID: f.north.id,
                        placedAt: testNow - 10 * 86_400, amountMinorUnits: 100_000,
                        promisedAt: testNow - 9 * 86_400,
                        deliveredAt: testNow - 9 * 86_400 + (late ? 3600 : -3600)), actor: f.owner, in: context)
            }
            let sale = try await order(kept, late: false)
            let returned = try await order(back, late: true)
            let cancelled = try await OrderActions.record(
                OrderDraft(
                    customerID: kept.id, locationID: f.north.id, placedAt: testNow - 5 * 86_400,
                    amountMinorUnits: 900_000, promisedAt: testNow - 4 * 86_400), actor: f.owner, in: context)
            try await OrderActions.markReturned(returned.id, reason: "брак", actor: f.owner, in: context)
            try await OrderActions.cancel(cancelled.id, reason: "передумал", actor: f.owner, in: context)

            let facts = try await ScoreFactsReader(db: app.db).read(since: testNow - 365 * 86_400, now: testNow)
            // Revenue and the lifetime models: the one sale that stands.
            #expect(facts.orders.map(\.id) == [sale.id.rawValue])
            #expect(facts.orders.reduce(0) { $0 + $1.amountMinor } == 100_000)
            #expect(facts.customerIDs == [kept.id])
            // On time: the returned order's late delivery still counts; the cancelled one does not.
            #expect(facts.returnedOrders.map(\.id) == [returned.id.rawValue])
            let setting = try await Tick.Setting.load(app.db)
            let observed = ServiceObservations(facts: facts, setting: setting, now: testNow).records
                .filter { $0.measure == .deliveryOnTime }
            #expect(Set(observed.map(\.id)) == [sale.id.rawValue, returned.id.rawValue])
            #expect(observed.first { $0.id == returned.id.rawValue }?.value == 0)
        }
    }
}
