import EarnedDomain
import EarnedServices
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

@Suite("Work that moves with people: handed on, snoozed, made by hand, covered while someone is away")
struct WorkMovesTests {
    /// The north's second staff member, who covers for Николай.
    func colleague(_ app: Application) async throws -> Staff {
        let made = try await StaffRepository(db: app.db).create(
            StaffDraft(
                name: "Пётр Север", email: "north2@test.earned", role: .staff,
                homeLocationID: try await LocationRepository(db: app.db).all().first { $0.name == "Север" }?.id),
            passwordHash: "x", actor: nil, now: testNow)
        return made
    }

    /// One of each kind of work Николай (north staff) holds: a task, a promise, a contact he
    /// answers, a case he owns and holds.
    func work(_ app: Application, _ f: Fixture) async throws -> (ServiceTask, Promise, InboundContact, ServiceCase) {
        let customer = try await CustomerRepository(db: app.db).create(
            CustomerDraft(name: "Анна Смирнова", phones: ["+7 900 111-22-33"], homeLocationID: f.north.id),
            actor: f.owner, now: testNow)
        let context = ServiceContext(db: app.db, now: testNow, currency: "RUB")
        let task = try await TaskActions.makeByHand(
            text: "Перезвонить про ткань дивана", assignee: f.northStaff.id, dueAt: testNow + 3600,
            customerID: customer.id, actor: f.northStaff, in: context)
        let promise = try await PromiseRepository(db: app.db).create(
            PromiseDraft(
                customerID: customer.id, kind: .callback, text: "Перезвонить про замер", dueAt: testNow + 7200),
            actor: f.northStaff, now: testNow)
        let contact = try await ContactRepository(db: app.db).create(
            InboundContactDraft(
                channel: .call, customerID: customer.id, locationID: f.north.id, receivedAt: testNow - 600,
                subject: "Где мой заказ?", ownerID: f.northStaff.id), actor: f.northStaff, now: testNow)
        let opened = try await CaseRepository(db: app.db).open(
            ServiceCaseDraft(customerID: customer.id, title: "Скрипит дверца", source: .complaint),
            actor: f.northStaff, now: testNow)
        return (task, promise, contact, opened)
    }

    @Test(
        "hand on a promise, a task and a contact from their pages: to a colleague where the work is, with an audit entry"
    )
    func handOn() async throws {
        try await withEarnedApp { app, f in
            let peter = try await colleague(app)
            let (task, promise, contact, _) = try await work(app, f)
            let session = try await app.session(for: f.northStaff)
            // Someone of another location cannot take it; nothing changes.
            let foreign = try await app.send(
                .POST, "/promises/\(promise.id)/action", cookie: session.cookie,
                form: ["_csrf": session.csrf, "action": "reassign", "staff_id": f.southStaff.id.description])
            #expect(foreign.status == .unprocessableEntity && foreign.text.contains("staff_id-error"))
            #expect(try await PromiseRepository(db: app.db).get(promise.id, actor: f.owner).ownerID == f.northStaff.id)
            let handed = try await app.send(
                .POST, "/promises/\(promise.id)/action", cookie: session.cookie,
                form: ["_csrf": session.csrf, "action": "reassign", "staff_id": peter.id.description])
            #expect(handed.status == .seeOther)
            let moved = try await PromiseRepository(db: app.db).get(promise.id, actor: f.owner)
            #expect(moved.ownerID == peter.id && moved.dueAt == promise.dueAt)
            let trail = try await AuditLog(db: app.db).recent(by: f.owner, entityID: promise.id.rawValue)
            #expect(trail.contains { $0.summary == "reassigned" && $0.actorID == f.northStaff.id })

            let taskPage = try await app.send(.GET, "/tasks/\(task.id)", cookie: session.cookie)
            #expect(taskPage.status == .ok && taskPage.text.contains("Перезвонить про ткань дивана"))
            let toPeter = try await app.send(
                .POST, "/tasks/\(task.id)/action", cookie: session.cookie,
                form: ["_csrf": session.csrf, "action": "reassign", "staff_id": peter.id.description])
            #expect(toPeter.status == .seeOther)
            #expect(try await TaskRepository(db: app.db).get(task.id, actor: f.owner).assigneeID == peter.id)
            // No longer his, he may not hand it on again.
            let notHis = try await app.send(
                .POST, "/api/v1/tasks/\(task.id)/actions", token: f.token(f.northStaff),
                json: #"{"action": "reassign", "staff_id": "\#(f.northStaff.id)"}"#)
            #expect(notHis.status == .forbidden && notHis.isProblem)

            let assigned = try await app.send(
                .POST, "/api/v1/contacts/\(contact.id)/actions", token: f.token(f.manager),
                json: #"{"action": "assign", "staff_id": "\#(peter.id)"}"#)
            #expect(assigned.status == .ok)
            #expect(try assigned.json()["owner_id"] as? String == peter.id.description)
            let noOne = try await app.send(
                .POST, "/api/v1/contacts/\(contact.id)/actions", token: f.token(f.manager),
                json: #"{"action": "assign"}"#)
            #expect(noOne.status == .unprocessableEntity && noOne.problemFields == ["staff_id"])
        }
    }

    @Test("a case handed on keeps its accountable owner; only a transfer with a reason changes it")
    func caseOwnerStays() async throws {
        try await withEarnedApp { app, f in
            let peter = try await colleague(app)
            let (_, _, _, opened) = try await work(app, f)
            let context = ServiceContext(db: app.db, now: testNow + 60, currency: "RUB")
            try await WorkActions.reassign(
                .init(kind: .serviceCase, id: opened.id.rawValue), to: peter.id, actor: f.northStaff, in: context)
            let handed = try await CaseRepository(db: app.db).get(opened.id, actor: f.owner)
            #expect(handed.holder.staffID == peter.id && handed.ownerID == f.northStaff.id)
        }
    }

    @Test("snooze a task from its page: a bad or past time is named, a good one moves it and is recorded")
    func snooze() async throws {
        try await withEarnedApp { app, f in
            let (task, _, _, _) = try await work(app, f)
            let session = try await app.session(for: f.northStaff)
            let zone = TimeZone(identifier: "Europe/Moscow")!
            let past = try await app.send(
                .POST, "/tasks/\(task.id)/action", cookie: session.cookie,
                form: [
                    "_csrf": session.csrf, "action": "snooze",
                    "until": FormDates.inputValue(testNow - 3600, zone: zone),
                ])
            #expect(past.status == .unprocessableEntity && past.text.contains("until-error"))
            let garbled = try await app.send(
                .POST, "/tasks/\(task.id)/action", cookie: session.cookie,
                form: ["_csrf": session.csrf, "action": "snooze", "until": "завтра"])
            #expect(garbled.status == .unprocessableEntity)
            #expect(try await TaskRepository(db: app.db).get(task.id, actor: f.owner).dueAt == task.dueAt)
            let later = testNow + 2 * 86_400
            let snoozed = try await app.send(
                .POST, "/tasks/\(task.id)/action", cookie: session.cookie,
                form: ["_csrf": session.csrf, "action": "snooze", "until": FormDates.inputValue(later, zone: zone)])
            #expect(snoozed.status == .seeOther)
            let moved = try await TaskRepository(db: app.db).get(task.id, actor: f.owner)
            #expect(abs(moved.dueAt.timeIntervalSince(later)) < 60)
            let trail = try await AuditLog(db: app.db).recent(by: f.owner, entityID: task.id.rawValue)
            #expect(trail.contains { $0.summary == "snoozed" })
        }
    }

    @Test("tasks made by hand: for oneself from a page; for a colleague only by a manager; bad input named")
    func byHand() async throws {
        try await withEarnedApp { app, f in
            let peter = try await colleague(app)
            let session = try await app.session(for: f.northStaff)
            let form = try await app.send(.GET, "/tasks/new", cookie: session.cookie)
            #expect(form.status == .ok && form.text.contains("name=\"text\""))
            let empty = try await app.send(
                .POST, "/tasks", cookie: session.cookie,
                form: ["_csrf": session.csrf, "text": " ", "due_at": "2026-11-19T10:00"])
            #expect(empty.status == .unprocessableEntity && empty.text.contains("text-error"))
            let made = try await app.send(
                .POST, "/tasks", cookie: session.cookie,
                form: ["_csrf": session.csrf, "text": "Заказать образцы ткани", "due_at": "2026-11-19T10:00"])
            #expect(made.status == .seeOther)
            let mine = try await TaskRepository(db: app.db).open(assignee: f.northStaff.id)
            #expect(mine.map(\.text) == ["Заказать образцы ткани"] && mine[0].kind == .manual)
            let today = try await app.send(.GET, "/today", cookie: session.cookie)
            #expect(today.text.contains("Заказать образцы ткани"))
            // Staff do not make work for colleagues.
            let forOther = try await app.send(
                .POST, "/api/v1/tasks", token: f.token(f.northStaff),
                json:
                    #"{"text": "Сделай", "due_at": "\#(APIDates.format(testNow + 3600))", "assignee_id": "\#(peter.id)"}"#
            )
            #expect(forOther.status == .forbidden)
            let byManager = try await app.send(
                .POST, "/api/v1/tasks", token: f.token(f.manager),
                json:
                    #"{"text": "Проверить витрину", "due_at": "\#(APIDates.format(testNow + 3600))", "assignee_id": "\#(peter.id)"}"#
            )
            #expect(byManager.status == .created)
            #expect(try byManager.json()["assignee_id"] as? String == peter.id.description)
            let missing = try await app.send(.POST, "/api/v1/tasks", token: f.token(f.manager), json: #"{"text": "x"}"#)
            #expect(missing.status == .unprocessableEntity && missing.problemFields == ["due_at"])
        }
    }

    @Test("an absence hands the open work to the cover and back, keeps the case owner, routes new work, audits it")
    func absence() async throws {
        try await withEarnedApp { app, f in
            let peter = try await colleague(app)
            let (task, promise, contact, opened) = try await work(app, f)
            let session = try await app.session(for: f.manager)
            let zone = TimeZone(identifier: "Europe/Moscow")!
            // Staff may not mark colleagues away; the page names a cover who is the person away.
            let staffSession = try await app.session(for: f.northStaff)
            #expect(try await app.send(.GET, "/absences", cookie: staffSession.cookie).status == .forbidden)
            let same = try await app.send(
                .POST, "/absences", cookie: session.cookie,
                form: [
                    "_csrf": session.csrf, "staff_id": f.northStaff.id.description,
                    "cover_id": f.northStaff.id.description, "starts_on": FormDates.dayValue(testNow, zone: zone),
                    "ends_on": FormDates.dayValue(testNow + 3 * 86_400, zone: zone),
                ])
            #expect(same.status == .unprocessableEntity && same.text.contains("cover_id-error"))
            let marked = try await app.send(
                .POST, "/absences", cookie: session.cookie,
                form: [
                    "_csrf": session.csrf, "staff_id": f.northStaff.id.description,
                    "cover_id": peter.id.description, "starts_on": FormDates.dayValue(testNow, zone: zone),
                    "ends_on": FormDates.dayValue(testNow + 3 * 86_400, zone: zone), "reason": "отпуск",
                ])
            #expect(marked.status == .seeOther)
            // The work is the cover's at once; the case's owner is still Николай.
            #expect(try await TaskRepository(db: app.db).get(task.id, actor: f.owner).assigneeID == peter.id)
            #expect(try await PromiseRepository(db: app.db).get(promise.id, actor: f.owner).ownerID == peter.id)
            #expect(try await ContactRepository(db: app.db).get(contact.id, actor: f.owner).ownerID == peter.id)
            let held = try await CaseRepository(db: app.db).get(opened.id, actor: f.owner)
            #expect(held.holder.staffID == peter.id && held.ownerID == f.northStaff.id)
            let peterSession = try await app.session(for: peter)
            let today = try await app.send(.GET, "/today", cookie: peterSession.cookie)
            #expect(today.text.contains("Перезвонить про ткань дивана") && today.text.contains("Где мой заказ?"))
            let list = try await app.send(.GET, "/absences", cookie: session.cookie)
            #expect(list.text.contains("Николай Север") && list.text.contains("отпуск"))
            // New work for Николай goes to Пётр while he is away.
            let context = ServiceContext(db: app.db, now: testNow + 600, currency: "RUB")
            let meant = try await TaskActions.makeByHand(
                text: "Позвонить поставщику", assignee: f.northStaff.id, dueAt: testNow + 7200, customerID: nil,
                actor: f.manager, in: context)
            #expect(meant.assigneeID == peter.id)
            // Пётр finishes the task; the rest goes back when the absence ends, the task stays done.
            try await TaskRepository(db: app.db).close(
                task.id, as: .done, outcome: nil, actor: peter, now: testNow + 900)
            let absence = try #require(
                try await AbsenceRepository(db: app.db).current(actor: f.manager, now: testNow).first)
            #expect(absence.handed.count == 4)
            let ended = try await app.send(
                .POST, "/absences/\(absence.id)/end", cookie: session.cookie, form: ["_csrf": session.csrf])
            #expect(ended.status == .seeOther)
            #expect(try await PromiseRepository(db: app.db).get(promise.id, actor: f.owner).ownerID == f.northStaff.id)
            #expect(try await ContactRepository(db: app.db).get(contact.id, actor: f.owner).ownerID == f.northStaff.id)
            #expect(
                try await CaseRepository(db: app.db).get(opened.id, actor: f.owner).holder.staffID == f.northStaff.id)
            let done = try await TaskRepository(db: app.db).get(task.id, actor: f.owner)
            #expect(done.status == .done && done.assigneeID == peter.id)
            let trail = try await AuditLog(db: app.db).recent(by: f.owner, entityID: absence.id.rawValue)
            #expect(Set(trail.map(\.summary)).isSuperset(of: ["absence recorded", "handed over", "handed back"]))
            let promiseTrail = try await AuditLog(db: app.db).recent(by: f.owner, entityID: promise.id.rawValue)
            #expect(promiseTrail.filter { $0.summary == "reassigned" }.count == 2)
        }
    }

    @Test("an absence ahead is handed over by the scheduler when it starts, and back when it ends")
    func absenceOnItsDates() async throws {
        try await withEarnedApp { app, f in
            let peter = try await colleague(app)
            let (task, _, _, _) = try await work(app, f)
            let starts = testNow + 86_400
            let ends = testNow + 3 * 86_400
            let made = try await app.send(
                .POST, "/api/v1/absences", token: f.token(f.manager),
                json:
                    #"{"staff_id": "\#(f.northStaff.id)", "cover_id": "\#(peter.id)", "starts_at": "\#(APIDates.format(starts))", "ends_at": "\#(APIDates.format(ends))"}"#
            )
            #expect(made.status == .created)
            #expect(try made.json()["active"] as? Bool == false)
            #expect(try await TaskRepository(db: app.db).get(task.id, actor: f.owner).assigneeID == f.northStaff.id)
            _ = try await Tick(app: app).run(now: starts + 60)
            #expect(try await TaskRepository(db: app.db).get(task.id, actor: f.owner).assigneeID == peter.id)
            _ = try await Tick(app: app).run(now: ends + 60)
            #expect(try await TaskRepository(db: app.db).get(task.id, actor: f.owner).assigneeID == f.northStaff.id)
            let backwards = try await app.send(
                .POST, "/api/v1/absences", token: f.token(f.manager),
                json:
                    #"{"staff_id": "\#(f.northStaff.id)", "cover_id": "\#(peter.id)", "starts_at": "\#(APIDates.format(ends))", "ends_at": "\#(APIDates.format(starts))"}"#
            )
            #expect(backwards.status == .unprocessableEntity && backwards.problemFields == ["ends_at"])
        }
    }

    @Test("a promise due soon shows once on Today, not again as its reminder, and counts once as overdue")
    func reminderShownOnce() async throws {
        try await withEarnedApp { app, f in
            let (_, promise, _, _) = try await work(app, f)
            _ = try await Tick(app: app).run(now: promise.dueAt - 600)
            let reminders = try await TaskRepository(db: app.db).open(assignee: f.northStaff.id).filter {
                $0.kind == .promiseReminder
            }
            #expect(reminders.count == 1)
            let session = try await app.session(for: f.northStaff)
            let today = try await app.send(.GET, "/today", cookie: session.cookie).text
            #expect(today.components(separatedBy: promise.text).count - 1 == 1)
            let counts = try await TaskRepository(db: app.db).overdueCounts(locations: nil, now: testNow + 86_400)
            // The hand-made task and the promise; the reminder is the promise, not a second item.
            #expect(counts[f.northStaff.id] == 2)
        }
    }
}
