import EarnedDomain
import EarnedServices
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

@Suite("Keeping promises: Today, follow-ups, promises, cases")
struct ServiceWorkTests {
    /// A customer of the north who consents to phone calls, and an order of theirs sold by the
    /// north's staff member and delivered three days ago.
    func deliveredOrder(_ app: Application, _ f: Fixture) async throws -> (Customer, Order) {
        let customer = try await CustomerRepository(db: app.db).create(
            CustomerDraft(
                name: "Анна Смирнова", phones: ["+7 900 111-22-33"],
                consents: [Consent(channel: .phone, given: true, at: testNow - 86_400 * 30, source: "form")],
                homeLocationID: f.north.id), actor: f.owner, now: testNow)
        let delivered = testNow - 3 * 86_400
        let order = try await OrderRepository(db: app.db).create(
            OrderDraft(
                customerID: customer.id, sellerID: f.northStaff.id, locationID: f.north.id,
                placedAt: delivered - 3600, amountMinorUnits: 250_000, deliveredAt: delivered), actor: f.owner,
            now: testNow)
        return (customer, order)
    }

    @Test("a delivered order gives its seller the handover contact and the due follow-ups, once")
    func afterSaleTasks() async throws {
        try await withEarnedApp { app, f in
            let (customer, order) = try await deliveredOrder(app, f)
            let tick = Tick(app: app)
            let first = try await tick.run(now: testNow)
            let tasks = try await TaskRepository(db: app.db).open(assignee: f.northStaff.id)
            #expect(first.tasksCreated == 2)
            #expect(Set(tasks.map(\.kind)) == [.handover, .followUp])
            #expect(tasks.allSatisfy { $0.customerID == customer.id && $0.subject?.id == order.id.rawValue })
            #expect(tasks.first { $0.kind == .followUp }?.channel == .phone)
            // Day 7 and day 30 are not due yet; a second pass, or a restart, adds nothing.
            #expect(try await tick.run(now: testNow).tasksCreated == 0)
            // A scheduler stopped for a week creates day 7 when it comes back.
            #expect(try await tick.run(now: testNow + 7 * 86_400).tasksCreated == 1)
        }
    }

    @Test("staff see Today, record a follow-up's outcome; a problem found opens a case for them")
    func todayAndFollowUp() async throws {
        try await withEarnedApp { app, f in
            _ = try await deliveredOrder(app, f)
            _ = try await Tick(app: app).run(now: testNow)
            let session = try await app.session(for: f.northStaff)
            let today = try await app.send(.GET, "/today", cookie: session.cookie)
            #expect(today.status == .ok)
            let html = today.body.string
            #expect(html.contains("Звонок после покупки") || html.contains("After-sale follow-up"))
            let followUp = try #require(
                try await TaskRepository(db: app.db).open(assignee: f.northStaff.id).first { $0.kind == .followUp })
            // Asking for a referral of a customer who is not satisfied is refused; nothing changes.
            let refused = try await app.send(
                .POST, "/tasks/\(followUp.id)/complete", cookie: session.cookie,
                form: ["_csrf": session.csrf, "status": "done", "reached": "true", "referral_asked": "true"])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await TaskRepository(db: app.db).withKey(followUp.key)?.status == .open)
            let done = try await app.send(
                .POST, "/tasks/\(followUp.id)/complete", cookie: session.cookie,
                form: [
                    "_csrf": session.csrf, "status": "done", "reached": "true", "satisfied": "false",
                    "problem": "Кофемолка шумит",
                ])
            #expect(done.status == .seeOther)
            let closed = try #require(try await TaskRepository(db: app.db).withKey(followUp.key))
            #expect(closed.status == .done && closed.completedByID == f.northStaff.id)
            let cases = try await CaseRepository(db: app.db).active(for: f.northStaff.id)
            #expect(cases.count == 1 && cases[0].title == "Кофемолка шумит" && cases[0].source == .followUp)
            // Another location's staff cannot close it.
            let south = try await app.session(for: f.southStaff)
            let other = try await TaskRepository(db: app.db).open(assignee: f.northStaff.id).first!
            let foreign = try await app.send(
                .POST, "/tasks/\(other.id)/complete", cookie: south.cookie, form: ["_csrf": south.csrf])
            #expect(foreign.status == .notFound)
        }
    }

    @Test("a promise recorded, renegotiated without telling the customer, and broken; others cannot see it")
    func promiseFlow() async throws {
        try await withEarnedApp { app, f in
            let (customer, _) = try await deliveredOrder(app, f)
            let session = try await app.session(for: f.northStaff)
            let bad = try await app.send(
                .POST, "/promises", cookie: session.cookie,
                form: ["_csrf": session.csrf, "customer_id": customer.id.description, "kind": "callback", "text": ""])
            #expect(bad.status == .unprocessableEntity)
            #expect(try await app.count("promises") == 0)
            let created = try await app.send(
                .POST, "/promises", cookie: session.cookie,
                form: [
                    "_csrf": session.csrf, "customer_id": customer.id.description, "kind": "callback",
                    "text": "Перезвонить про гарантию", "due_at": "2026-11-19T12:00",
                ])
            #expect(created.status == .seeOther)
            let path = try #require(created.headers.first(name: .location))
            let promise = try #require(try await PromiseRepository(db: app.db).open(owner: f.northStaff.id).first)
            _ = try await app.send(
                .POST, path + "/action", cookie: session.cookie,
                form: ["_csrf": session.csrf, "action": "renegotiate", "due_at": "2026-11-20T12:00", "told_via": ""])
            _ = try await app.send(
                .POST, path + "/action", cookie: session.cookie,
                form: ["_csrf": session.csrf, "action": "break", "reason": "забыли"])
            let broken = try await PromiseRepository(db: app.db).get(promise.id, actor: f.owner)
            #expect(broken.outcome(at: testNow) == .broken)
            #expect(broken.renegotiations.count == 1 && broken.renegotiations[0].customerToldVia == nil)
            // The page shows it; staff of another location get 404.
            #expect(try await app.send(.GET, path, cookie: session.cookie).body.string.contains("Не выполнено"))
            let south = try await app.session(for: f.southStaff)
            #expect(try await app.send(.GET, path, cookie: south.cookie).status == .notFound)
        }
    }

    @Test("a case handed to another department keeps its owner; the manager sees it on the team's Today")
    func caseHandoff() async throws {
        try await withEarnedApp { app, f in
            let (customer, _) = try await deliveredOrder(app, f)
            let session = try await app.session(for: f.northStaff)
            let opened = try await app.send(
                .POST, "/cases", cookie: session.cookie,
                form: [
                    "_csrf": session.csrf, "customer_id": customer.id.description, "title": "Не та комплектация",
                    "source": "complaint", "priority": "high",
                ])
            #expect(opened.status == .seeOther)
            let path = try #require(opened.headers.first(name: .location))
            let handed = try await app.send(
                .POST, path + "/action", cookie: session.cookie,
                form: ["_csrf": session.csrf, "action": "handoff", "department": "Склад", "staff_id": ""])
            #expect(handed.status == .seeOther)
            let found = try #require(try await CaseRepository(db: app.db).active(for: f.northStaff.id).first)
            #expect(found.ownerID == f.northStaff.id && found.holder.department == "Склад")
            // A transfer needs a reason: refused, shown again, nothing changed.
            let refused = try await app.send(
                .POST, path + "/action", cookie: session.cookie,
                form: ["_csrf": session.csrf, "action": "transfer", "staff_id": f.manager.id.description, "reason": ""])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await CaseRepository(db: app.db).get(found.id, actor: f.owner).ownerID == f.northStaff.id)
            let manager = try await app.session(for: f.manager)
            let team = try await app.send(.GET, "/today?view=team", cookie: manager.cookie)
            #expect(team.status == .ok && team.body.string.contains("Не та комплектация"))
            let casePage = try await app.send(.GET, path, cookie: manager.cookie)
            #expect(casePage.body.string.contains("Склад"))
        }
    }
}
