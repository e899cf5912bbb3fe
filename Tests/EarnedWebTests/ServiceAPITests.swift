import EarnedDomain
import EarnedFormats
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

@Suite("The daily work through the API, the inbox page and contact imports")
struct ServiceAPITests {
    func customer(_ app: Application, _ f: Fixture) async throws -> Customer {
        try await CustomerRepository(db: app.db).create(
            CustomerDraft(
                name: "Пётр Иванов", phones: ["+7 900 222-33-44"], homeLocationID: f.north.id, externalID: "C-1"),
            actor: f.owner, now: testNow)
    }

    @Test("promises: record, renegotiate in time with the customer told, keep; others' locations get 404")
    func promises() async throws {
        try await withEarnedApp { app, f in
            let c = try await customer(app, f)
            let token = f.token(f.northStaff)
            let due = APIDates.format(testNow + 2 * 3600)
            let made = try await app.send(
                .POST, "/api/v1/promises", token: token,
                json:
                    #"{"customer_id": "\#(c.id)", "kind": "callback", "text": "Перезвонить про замер", "due_at": "\#(due)"}"#
            )
            #expect(made.status == .created, "\(made.text)")
            let id = try #require(made.json()["id"] as? String)
            #expect(try made.json()["owner_id"] as? String == f.northStaff.id.description)
            #expect(try made.json()["outcome"] as? String == "open")
            let moved = try await app.send(
                .POST, "/api/v1/promises/\(id)/actions", token: token,
                json:
                    #"{"action": "renegotiate", "due_at": "\#(APIDates.format(testNow + 86_400))", "told_via": "phone"}"#
            )
            #expect(moved.status == .ok, "\(moved.text)")
            let kept = try await app.send(
                .POST, "/api/v1/promises/\(id)/actions", token: token, json: #"{"action": "keep"}"#)
            #expect(try kept.json()["outcome"] as? String == "renegotiated")
            let bad = try await app.send(
                .POST, "/api/v1/promises/\(id)/actions", token: token, json: #"{"action": "forget"}"#)
            #expect(bad.status == .unprocessableEntity && bad.problemFields == ["action"])
            let foreign = try await app.send(.GET, "/api/v1/promises/\(id)", token: f.token(f.southStaff))
            #expect(foreign.status == .notFound)
            let missing = try await app.send(.POST, "/api/v1/promises", token: token, json: #"{"kind": "callback"}"#)
            #expect(missing.status == .unprocessableEntity && missing.problemFields.contains("customer_id"))
        }
    }

    @Test("cases: a handoff keeps the owner; a transfer needs a reason; time per department is reported")
    func cases() async throws {
        try await withEarnedApp { app, f in
            let c = try await customer(app, f)
            let token = f.token(f.northStaff)
            let opened = try await app.send(
                .POST, "/api/v1/cases", token: token,
                json: #"{"customer_id": "\#(c.id)", "title": "Сломалась ножка стула", "department": "sales"}"#)
            #expect(opened.status == .created, "\(opened.text)")
            let id = try #require(opened.json()["id"] as? String)
            let handed = try await app.send(
                .POST, "/api/v1/cases/\(id)/actions", token: token,
                json: #"{"action": "handoff", "department": "service"}"#)
            #expect(handed.status == .ok, "\(handed.text)")
            let body = try handed.json()
            #expect(body["owner_id"] as? String == f.northStaff.id.description)
            #expect(body["holder_department"] as? String == "service")
            #expect((body["events"] as? [[String: Any]])?.last?["kind"] as? String == "handed_off")
            #expect((body["seconds_by_department"] as? [String: Any]) != nil)
            let noReason = try await app.send(
                .POST, "/api/v1/cases/\(id)/actions", token: token,
                json: #"{"action": "transfer", "staff_id": "\#(f.manager.id)"}"#)
            #expect(noReason.status == .unprocessableEntity, "\(noReason.text)")
            #expect(
                try await CaseRepository(db: app.db).get(CaseID(string: id)!, actor: f.owner).ownerID == f.northStaff.id
            )
            let transferred = try await app.send(
                .POST, "/api/v1/cases/\(id)/actions", token: token,
                json:
                    #"{"action": "transfer", "staff_id": "\#(f.manager.id)", "reason": "нужна замена за счёт магазина"}"#
            )
            #expect(try transferred.json()["owner_id"] as? String == f.manager.id.description)
            let list = try await app.send(.GET, "/api/v1/cases", token: f.token(f.manager))
            #expect(list.text.contains(id))
            #expect(try await app.send(.GET, "/api/v1/cases", token: f.token(f.southStaff)).text == "[]")
        }
    }

    @Test("contacts: logged once per external id, paused while waiting, resolved; bad channel named")
    func contacts() async throws {
        try await withEarnedApp { app, f in
            let c = try await customer(app, f)
            let token = f.token(f.northStaff)
            let body =
                #"{"channel": "email", "priority": "high", "customer_id": "\#(c.id)", "subject": "Где мой заказ?", "external_id": "HD-77", "received_at": "\#(APIDates.format(testNow - 3600))"}"#
            let first = try await app.send(.POST, "/api/v1/contacts", token: token, json: body)
            #expect(first.status == .created, "\(first.text)")
            let id = try #require(first.json()["id"] as? String)
            #expect(try first.json()["first_response_due_at"] is String)
            let again = try await app.send(.POST, "/api/v1/contacts", token: token, json: body)
            #expect(try again.json()["id"] as? String == id)
            #expect(try await app.count("inbound_contacts") == 1)
            for action in ["respond", "wait"] {
                let r = try await app.send(
                    .POST, "/api/v1/contacts/\(id)/actions", token: token, json: #"{"action": "\#(action)"}"#)
                #expect(r.status == .ok, "\(r.text)")
            }
            let waiting = try await app.send(.GET, "/api/v1/contacts?status=waiting_on_customer", token: token)
            #expect(waiting.text.contains(id))
            let resolved = try await app.send(
                .POST, "/api/v1/contacts/\(id)/actions", token: token, json: #"{"action": "resolve"}"#)
            #expect(try resolved.json()["status"] as? String == "resolved")
            let bad = try await app.send(
                .POST, "/api/v1/contacts", token: token, json: #"{"channel": "pigeon", "subject": "x"}"#)
            #expect(bad.status == .unprocessableEntity && bad.isProblem)
            let badStatus = try await app.send(.GET, "/api/v1/contacts?status=lost", token: token)
            #expect(badStatus.status == .unprocessableEntity && badStatus.problemFields == ["status"])
            #expect(try await app.count("inbound_contacts") == 1)
        }
    }

    @Test("tasks: listed for their assignee, a follow-up's problem opens a case; webhooks are the owner's")
    func tasksAndWebhooks() async throws {
        try await withEarnedApp { app, f in
            let c = try await customer(app, f)
            let task = ServiceTask(
                key: "test:follow-up", kind: .followUp, assigneeID: f.northStaff.id, locationID: f.north.id,
                customerID: c.id, subject: nil, dueAt: testNow, text: "d1", createdAt: testNow, updatedAt: testNow)
            _ = try await TaskRepository(db: app.db).createNew([task])
            let mine = try await app.send(.GET, "/api/v1/tasks", token: f.token(f.northStaff))
            #expect(mine.text.contains(task.id.description))
            #expect(!(try await app.send(.GET, "/api/v1/tasks", token: f.token(f.southStaff))).text.contains("test:"))
            let done = try await app.send(
                .POST, "/api/v1/tasks/\(task.id)/complete", token: f.token(f.northStaff),
                json: #"{"reached": true, "satisfied": false, "problem": "Не работает пульт"}"#)
            #expect(done.status == .ok, "\(done.text)")
            #expect(try done.json()["status"] as? String == "done")
            #expect(
                try await CaseRepository(db: app.db).active(for: f.northStaff.id).map(\.title) == ["Не работает пульт"])

            let refused = try await app.send(.GET, "/api/v1/webhooks", token: f.token(f.manager))
            #expect(refused.status == .forbidden)
            let made = try await app.send(
                .POST, "/api/v1/webhooks", token: f.token(f.owner),
                json: #"{"url": "https://hooks.example.com/earned", "events": ["case.opened", "promise.broken"]}"#)
            #expect(made.status == .created, "\(made.text)")
            let secret = try #require(made.json()["secret"] as? String)
            #expect(secret.count >= 32)
            let hook = try #require((made.json()["subscription"] as? [String: Any])?["id"] as? String)
            let listed = try await app.send(.GET, "/api/v1/webhooks", token: f.token(f.owner))
            #expect(listed.text.contains(hook) && !listed.text.contains(secret))
            let paused = try await app.send(
                .PATCH, "/api/v1/webhooks/\(hook)", token: f.token(f.owner), json: #"{"is_active": false}"#)
            #expect(try paused.json()["is_active"] as? Bool == false)
            let log = try await app.send(.GET, "/api/v1/webhooks/\(hook)/deliveries", token: f.token(f.owner))
            #expect(log.status == .ok)
            let badEvent = try await app.send(
                .POST, "/api/v1/webhooks", token: f.token(f.owner),
                json: #"{"url": "https://x.example", "events": ["nope"]}"#)
            #expect(badEvent.status == .unprocessableEntity)
        }
    }

    @Test("the inbox: log a contact on the page, see it in the queue and on Today, reply to it")
    func inboxPage() async throws {
        try await withEarnedApp { app, f in
            let session = try await app.session(for: f.northStaff)
            let empty = try await app.send(
                .POST, "/contacts", cookie: session.cookie,
                form: ["_csrf": session.csrf, "channel": "call", "subject": ""])
            #expect(empty.status == .unprocessableEntity)
            #expect(try await app.count("inbound_contacts") == 0)
            let made = try await app.send(
                .POST, "/contacts", cookie: session.cookie,
                form: [
                    "_csrf": session.csrf, "channel": "call", "priority": "urgent", "subject": "Не привезли диван <b>",
                    "from_address": "+7 900 000-00-01", "owner_id": f.northStaff.id.description,
                ])
            #expect(made.status == .seeOther, "\(made.text)")
            let queue = try await app.send(.GET, "/contacts", cookie: session.cookie)
            #expect(queue.text.contains("Не привезли диван &lt;b&gt;"))
            let today = try await app.send(.GET, "/today", cookie: session.cookie)
            #expect(today.text.contains("Не привезли диван"))
            let contact = try #require(try await ContactRepository(db: app.db).unresolved(locations: nil).first)
            let replied = try await app.send(
                .POST, "/contacts/\(contact.id)/action", cookie: session.cookie,
                form: ["_csrf": session.csrf, "action": "respond"])
            #expect(replied.status == .seeOther)
            #expect(try await ContactRepository(db: app.db).get(contact.id, actor: f.owner).status == .inProgress)
            let south = try await app.session(for: f.southStaff)
            #expect(try await app.send(.GET, "/contacts/\(contact.id)", cookie: south.cookie).status == .notFound)
            #expect(!(try await app.send(.GET, "/contacts", cookie: south.cookie)).text.contains("диван"))
        }
    }

    @Test("a messy contacts CSV: every bad line named with its column, nothing written; fixed, it imports once")
    func contactImport() async throws {
        try await withEarnedApp { app, f in
            _ = try await customer(app, f)
            let bad = """
                Номер обращения;Код клиента;Канал;Приоритет;Дата;Тема
                HD-1;C-1;звонок;высокий;18.11.2026 10:15;Не работает кофемашина
                HD-2;C-404;почта;;18.11.2026 11:00;Счёт
                HD-3;C-1;голубь;;вчера;Отзыв
                """
            let options = Importer.Options(
                kind: .contacts, overrides: [], partial: false, timeZone: TimeZone(identifier: "Europe/Moscow")!,
                currency: "RUB")
            let report = try await Importer(db: app.db).run(
                records: CSVRecordStream(data: Data(bad.utf8)), options: options, actor: f.manager, now: testNow)
            #expect(report.rolledBack)
            #expect(report.problems.contains { $0.line == 3 && $0.column == "Код клиента" })
            #expect(report.problems.contains { $0.line == 4 && $0.column == "Канал" })
            #expect(report.problems.contains { $0.line == 4 && $0.column == "Дата" })
            #expect(try await app.count("inbound_contacts") == 0)
            let good = """
                Номер обращения;Код клиента;Канал;Приоритет;Дата;Тема
                HD-1;C-1;звонок;высокий;18.11.2026 10:15;Не работает кофемашина
                HD-2;;почта;;18.11.2026 11:00;Счёт
                """
            let imported = try await Importer(db: app.db).run(
                records: CSVRecordStream(data: Data(good.utf8)), options: options, actor: f.manager, now: testNow)
            #expect(!imported.rolledBack && imported.created == 2, "\(imported.problems)")
            let again = try await Importer(db: app.db).run(
                records: CSVRecordStream(data: Data(good.utf8)), options: options, actor: f.manager, now: testNow)
            #expect(again.created == 0 && again.unchanged == 2)
            let contacts = try await ContactRepository(db: app.db).unresolved(locations: nil)
            #expect(contacts.count == 2 && contacts.allSatisfy { $0.locationID == f.north.id })
            #expect(contacts.first { $0.externalID == "HD-1" }?.priority == .high)
        }
    }

    @Test("pages as a new user meets them: a customer picked by name, a follow-up not reached, a broken promise found")
    func pagesForPeople() async throws {
        try await withEarnedApp { app, f in
            let c = try await customer(app, f)
            _ = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "Пётр Сидоров", homeLocationID: f.north.id), actor: f.owner, now: testNow)
            let staff = try await app.session(for: f.northStaff)
            let due = "2026-11-19T12:00"
            let several = try await app.send(
                .POST, "/promises", cookie: staff.cookie,
                form: [
                    "_csrf": staff.csrf, "customer_id": "Пётр", "kind": "callback", "text": "Перезвонить",
                    "due_at": due,
                ])
            #expect(several.status == .unprocessableEntity && several.text.contains("Пётр Сидоров"))
            let made = try await app.send(
                .POST, "/promises", cookie: staff.cookie,
                form: [
                    "_csrf": staff.csrf, "customer_id": "Пётр Иванов", "kind": "callback", "text": "Перезвонить",
                    "due_at": due,
                ])
            #expect(made.status == .seeOther, "\(made.text)")
            let promise = try #require(try await PromiseRepository(db: app.db).open(owner: f.northStaff.id).first)
            #expect(promise.customerID == c.id)
            _ = try await app.send(
                .POST, "/promises/\(promise.id)/action", cookie: staff.cookie,
                form: ["_csrf": staff.csrf, "action": "break", "reason": "Мастер заболел"])
            let page = try await app.send(.GET, "/promises/\(promise.id)", cookie: staff.cookie)
            #expect(page.text.contains("Мастер заболел"))
            let manager = try await app.session(for: f.manager)
            let broken = try await app.send(.GET, "/promises?filter=broken", cookie: manager.cookie)
            #expect(broken.text.contains("Перезвонить"))
            let customerPage = try await app.send(.GET, "/customers/\(c.id)", cookie: manager.cookie)
            #expect(customerPage.text.contains("Перезвонить") && customerPage.text.contains("/promises/new?customer="))

            let task = ServiceTask(
                key: "test:d7", kind: .followUp, assigneeID: f.northStaff.id, locationID: f.north.id, customerID: c.id,
                subject: nil, dueAt: testNow - 3600, text: "d7", createdAt: testNow, updatedAt: testNow)
            _ = try await TaskRepository(db: app.db).createNew([task])
            let team = try await app.send(.GET, "/today?view=team", cookie: manager.cookie)
            #expect(team.text.contains("Николай Север"))
            #expect(
                try await TaskRepository(db: app.db).overdueCounts(locations: [f.north.id], now: testNow)[
                    f.northStaff.id] == 1)
            let notReached = try await app.send(
                .POST, "/tasks/\(task.id)/complete", cookie: staff.cookie,
                form: ["_csrf": staff.csrf, "status": "done", "outcome_form": "1"])
            #expect(notReached.status == .seeOther)
            let closed = try #require(try await TaskRepository(db: app.db).withKey("test:d7"))
            #expect(closed.outcome?.hasPrefix("✗") == true)
        }
    }

    @Test("erasing a customer clears the words of their promises, cases, contacts, tasks and unsent messages")
    func erasure() async throws {
        try await withEarnedApp { app, f in
            let c = try await customer(app, f)
            let promise = try await PromiseRepository(db: app.db).create(
                PromiseDraft(
                    customerID: c.id, kind: .callback, text: "Перезвонить Петру насчёт кредита", dueAt: testNow + 3600),
                actor: f.northStaff, now: testNow)
            let opened = try await CaseRepository(db: app.db).open(
                ServiceCaseDraft(customerID: c.id, title: "Пётр жалуется на соседа", detail: "Адрес: ул. Ленина, 5"),
                actor: f.northStaff, now: testNow)
            let contact = try await ContactRepository(db: app.db).create(
                InboundContactDraft(
                    channel: .email, customerID: c.id, subject: "Мой паспорт", body: "серия 1234",
                    fromAddress: "petr@x.ru"),
                actor: f.northStaff, now: testNow)
            _ = try await TaskRepository(db: app.db).createNew([
                ServiceTask(
                    key: "greeting:test", kind: .greeting, assigneeID: f.northStaff.id, locationID: f.north.id,
                    customerID: c.id, subject: nil, dueAt: testNow, text: "Пётр, с днём рождения!", createdAt: testNow,
                    updatedAt: testNow)
            ])
            _ = try await WebhookStore(db: app.db).create(
                WebhookSubscriptionDraft(url: "https://gw.example/x", events: ["greeting.due"]), secret: "s",
                actor: f.owner, now: testNow)
            try await WebhookStore(db: app.db).publish(
                WebhookEvent(
                    key: "greeting.due:test", kind: .greetingDue, occurredAt: testNow,
                    data: ["customer_id": c.id.description, "text": "Пётр, с днём рождения!"]), now: testNow)
            try await CustomerRepository(db: app.db).erase(c.id, actor: f.owner, now: testNow)
            let p = try await PromiseRepository(db: app.db).get(promise.id, actor: f.owner)
            #expect(p.text == Redaction.erasedText && p.kind == .callback && p.dueAt == promise.dueAt)
            let k = try await CaseRepository(db: app.db).get(opened.id, actor: f.owner)
            #expect(k.title == Redaction.erasedText && k.detail.isEmpty && k.ownerID == opened.ownerID)
            let m = try await ContactRepository(db: app.db).get(contact.id, actor: f.owner)
            #expect(m.subject == Redaction.erasedText && m.body == nil && m.fromAddress == nil)
            #expect(try await TaskRepository(db: app.db).withKey("greeting:test")?.text == nil)
            let pending = try await WebhookStore(db: app.db).deliveries()
            #expect(pending.allSatisfy { !$0.payload.contains("Пётр") && $0.status == .failed })
            let leaks = try await PersonalDataScan.find(["Пётр", "паспорт", "Ленина", "petr@x.ru"], in: app.db)
            #expect(leaks.isEmpty, "\(leaks)")
        }
    }

    @Test("referrals: recorded on the customer's page by name and through the API, each pair once, never oneself")
    func referrals() async throws {
        try await withEarnedApp { app, f in
            let petr = try await customer(app, f)
            let olga = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "Ольга Новикова", phones: ["+7 900 777-88-99"], homeLocationID: f.north.id),
                actor: f.owner, now: testNow)
            let staff = try await app.session(for: f.northStaff)
            let made = try await app.send(
                .POST, "/customers/\(petr.id)/referrals", cookie: staff.cookie,
                form: ["_csrf": staff.csrf, "referred": "+7 900 777-88-99"])
            #expect(made.status == .seeOther, "\(made.text)")
            let page = try await app.send(.GET, "/customers/\(olga.id)", cookie: staff.cookie)
            #expect(page.text.contains("Пётр Иванов"))
            let twice = try await app.send(
                .POST, "/api/v1/customers/\(petr.id)/referrals", token: f.token(f.northStaff),
                json: #"{"referred_id": "\#(olga.id)"}"#)
            #expect(twice.status == .unprocessableEntity && twice.problemFields == ["referred_id"])
            let oneself = try await app.send(
                .POST, "/api/v1/customers/\(olga.id)/referrals", token: f.token(f.northStaff),
                json: #"{"referred_id": "\#(olga.id)"}"#)
            #expect(oneself.status == .unprocessableEntity)
            let list = try await app.send(.GET, "/api/v1/customers/\(olga.id)/referrals", token: f.token(f.northStaff))
            #expect(list.text.contains(petr.id.description))
            #expect(try await app.count("referrals") == 1)
        }
    }
}
