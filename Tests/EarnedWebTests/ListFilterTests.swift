import EarnedDomain
import EarnedServices
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

@Suite("Lists that find things: filters, search, paging with counts, the view as CSV")
struct ListFilterTests {
    func customers(_ app: Application, _ f: Fixture) async throws -> (Customer, Customer) {
        let repo = CustomerRepository(db: app.db)
        let anna = try await repo.create(
            CustomerDraft(name: "Анна Смирнова", phones: ["+7 900 111-22-33"], homeLocationID: f.north.id),
            actor: f.owner, now: testNow)
        let boris = try await repo.create(
            CustomerDraft(name: "Борис Ковалёв", phones: ["+7 900 444-55-66"], homeLocationID: f.north.id),
            actor: f.owner, now: testNow)
        return (anna, boris)
    }

    /// Three promises: two of Николай's (a callback for Анна tomorrow, a delivery for Борис in
    /// three days), one of the manager's (a callback for Анна in five days).
    func promises(_ app: Application, _ f: Fixture) async throws -> [Promise] {
        let (anna, boris) = try await customers(app, f)
        let repo = PromiseRepository(db: app.db)
        return [
            try await repo.create(
                PromiseDraft(
                    customerID: anna.id, kind: .callback, text: "Перезвонить про замер", dueAt: testNow + 86_400),
                actor: f.northStaff, now: testNow),
            try await repo.create(
                PromiseDraft(
                    customerID: boris.id, kind: .delivery, text: "=Привезти диван", dueAt: testNow + 3 * 86_400),
                actor: f.northStaff, now: testNow),
            try await repo.create(
                PromiseDraft(
                    customerID: anna.id, kind: .callback, text: "Сообщить о скидке", dueAt: testNow + 5 * 86_400),
                actor: f.manager, now: testNow),
        ]
    }

    @Test("promises by person, kind, period and customer; a staff member sees only their own")
    func promiseFilters() async throws {
        try await withEarnedApp { app, f in
            _ = try await promises(app, f)
            let manager = try await app.session(for: f.manager)
            func shown(_ query: String, _ session: (cookie: String, csrf: String)) async throws -> String {
                let page = try await app.send(.GET, "/promises?\(query)", cookie: session.cookie)
                #expect(page.status == .ok, "\(query)")
                return page.text
            }
            let nikolay = try await shown("person=\(f.northStaff.id)", manager)
            #expect(nikolay.contains("Найдено: 2") && nikolay.contains("Перезвонить про замер"))
            #expect(!nikolay.contains("Сообщить о скидке"))
            let deliveries = try await shown("kind=delivery", manager)
            #expect(deliveries.contains("Найдено: 1") && deliveries.contains("Привезти диван"))
            let moscowZone = TimeZone(identifier: "Europe/Moscow")!
            let day = FormDates.dayValue(testNow + 3 * 86_400, zone: moscowZone)
            let period = try await shown("from=\(day)&to=\(day)", manager)
            #expect(period.contains("Найдено: 1") && period.contains("Привезти диван"))
            let anna = try await shown("q=Смирнова", manager)
            #expect(anna.contains("Найдено: 2") && !anna.contains("Привезти диван"))
            // What the page cannot read is named, and the rest still applies.
            let garbled = try await shown("person=someone&from=вчера&kind=delivery", manager)
            #expect(garbled.contains("person-error") && garbled.contains("from-error"))
            #expect(garbled.contains("Найдено: 1"))
            // Staff: their own, whoever they ask for.
            let staff = try await app.session(for: f.northStaff)
            let own = try await shown("person=\(f.manager.id)&status=all", staff)
            #expect(own.contains("Найдено: 2") && !own.contains("Сообщить о скидке"))
        }
    }

    @Test("paging by cursor returns every promise once, with the whole count on each page")
    func paging() async throws {
        try await withEarnedApp { app, f in
            let made = try await promises(app, f)
            // One of each state: "all" reads each state's promises apart and merges them.
            let repo = PromiseRepository(db: app.db)
            try await repo.change(made[0].id, actor: f.owner, now: testNow) { (p: inout Promise) throws(DomainError) in
                try p.keep(at: testNow + 3600)
            }
            try await repo.change(made[1].id, actor: f.owner, now: testNow) { (p: inout Promise) throws(DomainError) in
                try p.markBroken(at: testNow + 3600, reason: "нет товара")
            }
            for actor in [f.owner, f.manager] {
                var query = PromiseRepository.Query(filter: .all, limit: 1)
                var seen: [PromiseID] = []
                repeat {
                    let page = try await repo.search(query, actor: actor, now: testNow)
                    #expect(page.total == 3 && page.items.count == 1)
                    seen += page.items.map(\.id)
                    query.cursor = page.nextCursor
                } while query.cursor != nil
                #expect(seen == made.reversed().map(\.id), "\(actor.name)")
            }
            let bad = try await app.send(
                .GET, "/promises?cursor=nonsense", cookie: try await app.session(for: f.owner).cookie)
            #expect(bad.status == .unprocessableEntity)
        }
    }

    @Test("the view as CSV: a Russian Excel's dialect (';' and a BOM) or commas, formulas defused, the same rows")
    func csv() async throws {
        try await withEarnedApp { app, f in
            _ = try await promises(app, f)
            let session = try await app.session(for: f.manager)
            let page = try await app.send(.GET, "/promises?status=all&kind=delivery", cookie: session.cookie)
            #expect(page.text.contains("csv=excel") && page.text.contains("csv=comma"))
            let excel = try await app.send(.GET, "/promises?status=all&kind=delivery&csv=excel", cookie: session.cookie)
            #expect(excel.status == .ok && excel.headers.contentType?.subType == "csv")
            let text = excel.text
            #expect(text.hasPrefix("\u{FEFF}"))
            let lines = text.dropFirst().split(separator: "\r\n")
            #expect(lines.count == 2)
            #expect(lines[0].hasPrefix("Вид;Что обещали;Клиент"))
            #expect(lines[1].contains("'=Привезти диван") && lines[1].contains("Борис Ковалёв"))
            let comma = try await app.send(.GET, "/promises?status=all&csv=comma", cookie: session.cookie)
            #expect(comma.text.split(separator: "\r\n").count == 4 && comma.text.contains("Вид,Что обещали"))
        }
    }

    @Test("cases: one person's overdue ones, as the case's clock says; the count and CSV agree")
    func overdueCases() async throws {
        try await withEarnedApp { app, f in
            let (anna, boris) = try await customers(app, f)
            let repo = CaseRepository(db: app.db)
            let old = try await repo.open(
                ServiceCaseDraft(
                    customerID: anna.id, title: "Скрипит дверца", source: .complaint, openedAt: testNow - 20 * 86_400),
                actor: f.northStaff, now: testNow)
            _ = try await repo.open(
                ServiceCaseDraft(customerID: boris.id, title: "Уточнить цвет", source: .problem),
                actor: f.northStaff, now: testNow)
            _ = try await repo.open(
                ServiceCaseDraft(
                    customerID: boris.id, title: "Долгая доставка", source: .complaint,
                    openedAt: testNow - 20 * 86_400), actor: f.manager, now: testNow)
            let session = try await app.session(for: f.manager)
            let page = try await app.send(
                .GET, "/cases?status=overdue&person=\(f.northStaff.id)", cookie: session.cookie)
            #expect(page.status == .ok)
            #expect(page.text.contains("Найдено: 1") && page.text.contains(old.title))
            #expect(!page.text.contains("Уточнить цвет") && !page.text.contains("Долгая доставка"))
            let all = try await app.send(.GET, "/cases?person=\(f.northStaff.id)", cookie: session.cookie)
            #expect(all.text.contains("Найдено: 2"))
            let csv = try await app.send(
                .GET, "/cases?status=overdue&person=\(f.northStaff.id)&csv=excel", cookie: session.cookie)
            #expect(csv.text.dropFirst().split(separator: "\r\n").count == 2 && csv.text.contains(old.title))
        }
    }

    @Test("orders by state, seller and customer, paged with the count; the CSV carries state and reason")
    func orderFilters() async throws {
        try await withEarnedApp { app, f in
            let (anna, boris) = try await customers(app, f)
            let context = ServiceContext(db: app.db, now: testNow, currency: "RUB")
            for (customer, seller) in [(anna, f.northStaff), (boris, f.northStaff), (anna, f.manager)] {
                try await OrderActions.record(
                    OrderDraft(
                        customerID: customer.id, sellerID: seller.id, locationID: f.north.id, amountMinorUnits: 100_000),
                    actor: f.owner, in: context)
            }
            let first = try #require(try await OrderRepository(db: app.db).list(.init(), actor: f.owner).items.first)
            try await OrderActions.cancel(first.id, reason: "передумал", actor: f.owner, in: context)
            let session = try await app.session(for: f.manager)
            let cancelled = try await app.send(.GET, "/orders?status=cancelled", cookie: session.cookie)
            #expect(cancelled.text.contains("Найдено: 1"))
            let nikolay = try await app.send(.GET, "/orders?person=\(f.northStaff.id)", cookie: session.cookie)
            #expect(nikolay.text.contains("Найдено: 2"))
            let annas = try await app.send(.GET, "/orders?q=Смирнова", cookie: session.cookie)
            #expect(annas.text.contains("Найдено: 2"))
            let wrong = try await app.send(.GET, "/orders?status=lost", cookie: session.cookie)
            #expect(wrong.status == .ok && wrong.text.contains("status-error") && wrong.text.contains("Найдено: 3"))
            let csv = try await app.send(.GET, "/orders?status=cancelled&csv=excel", cookie: session.cookie)
            let lines = csv.text.dropFirst().split(separator: "\r\n")
            #expect(lines.count == 2 && lines[1].contains("отменён") && lines[1].contains("передумал"))
        }
    }

    @Test("contacts: the queue by default; filtered by state and channel, resolved ones too")
    func contactFilters() async throws {
        try await withEarnedApp { app, f in
            let (anna, _) = try await customers(app, f)
            let repo = ContactRepository(db: app.db)
            for (subject, channel) in [("Где мой заказ?", InboundContact.Channel.call), ("Счёт", .email)] {
                _ = try await repo.create(
                    InboundContactDraft(
                        channel: channel, customerID: anna.id, locationID: f.north.id, receivedAt: testNow - 600,
                        subject: subject), actor: f.northStaff, now: testNow)
            }
            let resolved = try await repo.create(
                InboundContactDraft(
                    channel: .call, customerID: anna.id, locationID: f.north.id, receivedAt: testNow - 3600,
                    subject: "Спасибо за доставку", resolvedAt: testNow - 1800), actor: f.northStaff, now: testNow)
            let session = try await app.session(for: f.manager)
            let queue = try await app.send(.GET, "/contacts", cookie: session.cookie)
            #expect(queue.text.contains("Найдено: 2") && !queue.text.contains(resolved.subject))
            let calls = try await app.send(.GET, "/contacts?status=all&kind=call", cookie: session.cookie)
            #expect(calls.text.contains("Найдено: 2") && calls.text.contains(resolved.subject))
            let done = try await app.send(.GET, "/contacts?status=resolved", cookie: session.cookie)
            #expect(done.text.contains("Найдено: 1"))
        }
    }

    @Test("tasks by state, person, kind and customer; staff see their own; the CSV is the view")
    func taskFilters() async throws {
        try await withEarnedApp { app, f in
            let (anna, _) = try await customers(app, f)
            let context = ServiceContext(db: app.db, now: testNow, currency: "RUB")
            let measure = try await TaskActions.makeByHand(
                text: "Согласовать замер", assignee: f.northStaff.id, dueAt: testNow + 3600, customerID: anna.id,
                actor: f.manager, in: context)
            let repo = TaskRepository(db: app.db)
            let late = ServiceTask(
                key: "manual:late", kind: .manual, assigneeID: f.northStaff.id, locationID: f.north.id,
                customerID: nil, subject: nil, dueAt: testNow - 3600, text: "=Позвонить поставщику",
                createdAt: testNow - 7200, updatedAt: testNow - 7200)
            _ = try await repo.createNew([late])
            _ = try await TaskActions.makeByHand(
                text: "Проверить витрину", assignee: f.manager.id, dueAt: testNow + 7200, customerID: nil,
                actor: f.manager, in: context)
            try await repo.close(measure.id, as: .done, outcome: nil, actor: f.northStaff, now: testNow)

            let manager = try await app.session(for: f.manager)
            func shown(_ query: String, _ session: (cookie: String, csrf: String)) async throws -> String {
                let page = try await app.send(.GET, "/tasks?\(query)", cookie: session.cookie)
                #expect(page.status == .ok, "\(query)")
                return page.text
            }
            let open = try await shown("", manager)
            #expect(open.contains("Найдено: 2") && open.contains("Проверить витрину") && !open.contains("Согласовать"))
            let overdue = try await shown("status=overdue", manager)
            #expect(overdue.contains("Найдено: 1") && overdue.contains("Позвонить поставщику"))
            let done = try await shown("status=done&person=\(f.northStaff.id)", manager)
            #expect(done.contains("Найдено: 1") && done.contains("Согласовать замер"))
            let annas = try await shown("status=all&q=Смирнова", manager)
            #expect(annas.contains("Найдено: 1") && annas.contains("Анна Смирнова"))
            let none = try await shown("kind=greeting", manager)
            #expect(none.contains("Найдено: 0") && none.contains("Таких задач нет"))
            let wrong = try await shown("status=all&kind=lost", manager)
            #expect(wrong.contains("kind-error") && wrong.contains("Найдено: 3"))

            // Staff see their own, whatever person the address names.
            let nikolay = try await app.session(for: f.northStaff)
            let own = try await shown("status=all&person=\(f.manager.id)", nikolay)
            #expect(own.contains("Найдено: 2") && !own.contains("Проверить витрину"))

            let csv = try await app.send(.GET, "/tasks?status=all&csv=excel", cookie: manager.cookie)
            #expect(csv.headers.contentType?.subType == "csv" && csv.text.hasPrefix("\u{FEFF}"))
            let lines = csv.text.dropFirst().split(separator: "\r\n")
            #expect(lines.count == 4 && lines[0].hasPrefix("Срок;Тип;Что сделать"))
            #expect(lines.contains { $0.contains("'=Позвонить поставщику") && $0.contains("Николай Север") })
        }
    }

    @Test("the team's agenda is a page of 50 with the whole count, narrowed to a person's work or one kind")
    func teamAgendaPages() async throws {
        try await withEarnedApp { app, f in
            let tasks = (0..<55).map { k in
                ServiceTask(
                    key: "manual:team:\(k)", kind: .manual, assigneeID: k < 40 ? f.northStaff.id : f.manager.id,
                    locationID: f.north.id, customerID: nil, subject: nil, dueAt: testNow + Double(k + 1) * 600,
                    text: "Задача \(k)", createdAt: testNow, updatedAt: testNow)
            }
            _ = try await TaskRepository(db: app.db).createNew(tasks)
            let (anna, _) = try await customers(app, f)
            _ = try await PromiseRepository(db: app.db).create(
                PromiseDraft(customerID: anna.id, kind: .callback, text: "Перезвонить Анне", dueAt: testNow + 3600),
                actor: f.northStaff, now: testNow)
            let manager = try await app.session(for: f.manager)
            func agenda(_ query: String) async throws -> (text: String, items: Int) {
                let page = try await app.send(.GET, "/today?view=team\(query)", cookie: manager.cookie)
                #expect(page.status == .ok, "\(query)")
                return (page.text, page.text.components(separatedBy: "class=\"agenda-item\"").count - 1)
            }
            let first = try await agenda("")
            #expect(first.items == 50 && first.text.contains("Показаны 1–50 из 56"))
            #expect(first.text.contains("page=2"))
            let second = try await agenda("&page=2")
            #expect(second.items == 6 && second.text.contains("Показаны 51–56 из 56"))
            let nikolay = try await agenda("&person=\(f.northStaff.id)")
            #expect(nikolay.items == 41 && !nikolay.text.contains("Задача 45"))
            let promises = try await agenda("&kind=promise")
            #expect(promises.items == 1 && promises.text.contains("Перезвонить Анне"))
            let wrong = try await agenda("&kind=chores")
            #expect(wrong.text.contains("alert error") && wrong.items == 50)
            // A person's own Today under a page: Николай sees his 40 tasks and his promise, no pager.
            let nikolaySession = try await app.session(for: f.northStaff)
            let own = try await app.send(.GET, "/today", cookie: nikolaySession.cookie)
            #expect(own.text.components(separatedBy: "class=\"agenda-item\"").count - 1 == 41)
            #expect(!own.text.contains("class=\"pager\"") && !own.text.contains("Показаны"))

            // Over a page (100), a person's own Today is paged too, most urgent first.
            let more = (0..<70).map { k in
                ServiceTask(
                    key: "manual:own:\(k)", kind: .manual, assigneeID: f.northStaff.id, locationID: f.north.id,
                    customerID: nil, subject: nil, dueAt: testNow + 86_400 + Double(k) * 600, text: "Позже \(k)",
                    createdAt: testNow, updatedAt: testNow)
            }
            _ = try await TaskRepository(db: app.db).createNew(more)
            let page1 = try await app.send(.GET, "/today", cookie: nikolaySession.cookie)
            #expect(page1.text.components(separatedBy: "class=\"agenda-item\"").count - 1 == 100)
            #expect(page1.text.contains("Показаны 1–100 из 111") && page1.text.contains("href=\"/today?page=2\""))
            #expect(page1.text.contains("Задача 0") && !page1.text.contains("Позже 69"))
            let page2 = try await app.send(.GET, "/today?page=2", cookie: nikolaySession.cookie)
            #expect(page2.text.components(separatedBy: "class=\"agenda-item\"").count - 1 == 11)
            #expect(page2.text.contains("Позже 69") && page2.text.contains("Показаны 101–111 из 111"))
            let wrongPage = try await app.send(.GET, "/today?page=0", cookie: nikolaySession.cookie)
            #expect(wrongPage.status == .unprocessableEntity || wrongPage.text.contains("alert error"))
        }
    }
}
