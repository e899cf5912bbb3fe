import EarnedDomain
import EarnedServices
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

@Suite("Greetings in the scheduler")
struct GreetingSchedulerTests {
    let moscow = TimeZone(identifier: "Europe/Moscow")!

    func customer(
        _ app: Application, _ f: Fixture, name: String, birthday: LocalDate?, consent: ContactChannel?,
        language: String = "ru"
    ) async throws -> Customer {
        try await CustomerRepository(db: app.db).create(
            CustomerDraft(
                name: name, phones: ["+7 900 123-45-0\(name.count % 10)"],
                dates: birthday.map { [CustomerDate(kind: .birthday, date: $0)] },
                consents: consent.map {
                    [Consent(channel: $0, given: true, at: testNow - 86_400 * 90, source: "form")]
                },
                ownerID: f.northStaff.id, homeLocationID: f.north.id, language: language), actor: f.owner, now: testNow)
    }

    @Test("a birthday today becomes one greeting task in the consenting channel, in the sending hours, once a day")
    func birthday() async throws {
        try await withEarnedApp { app, f in
            let today = LocalDate(year: 1990, month: 11, day: 18)
            let anna = try await customer(app, f, name: "Анна Петрова", birthday: today, consent: .sms)
            _ = try await customer(app, f, name: "Борис", birthday: today, consent: nil)
            _ = try await customer(
                app, f, name: "Вера", birthday: LocalDate(year: 1990, month: 11, day: 19), consent: .sms)
            let gateway = try await WebhookReceiver.start()
            _ = try await WebhookStore(db: app.db).create(
                WebhookSubscriptionDraft(url: gateway.url, events: ["greeting.due"]), secret: "k",
                actor: f.owner, now: testNow)
            let tick = Tick(app: app)
            let first = try await tick.run(now: testNow)
            let greetings = try await TaskRepository(db: app.db).open(assignee: f.northStaff.id).filter {
                $0.kind == .greeting
            }
            #expect(greetings.count == 1)
            let greeting = try #require(greetings.first)
            #expect(greeting.customerID == anna.id && greeting.channel == .sms)
            #expect(greeting.text?.hasPrefix("Анна, с днём рождения") == true)
            #expect(!QuietHours.standard.isQuiet(at: greeting.dueAt, in: moscow))
            #expect(first.eventsQueued >= 1)
            let deliveries = try await WebhookStore(db: app.db).deliveries()
            let payload = try #require(deliveries.first { $0.eventKind == .greetingDue }?.payload)
            #expect(payload.contains("+79001234502") && payload.contains("с днём рождения"))
            // The day is planned: another pass, or another instance, adds nothing.
            #expect(try await tick.run(now: testNow + 60).tasksCreated == 0)
            #expect(try await app.count("customer_touches") == 1)
            await gateway.stop()
        }
    }

    @Test("planned late in the evening, a greeting waits for the morning; over the budget, none")
    func nightAndBudget() async throws {
        try await withEarnedApp { app, f in
            // 23:30 in Moscow on 18 November.
            let night = testNow + 9.4 * 3600
            #expect(QuietHours.standard.isQuiet(at: night, in: moscow))
            let anna = try await customer(
                app, f, name: "Анна", birthday: LocalDate(year: nil, month: 11, day: 18), consent: .email)
            let boris = try await customer(
                app, f, name: "Борис", birthday: LocalDate(year: nil, month: 11, day: 18), consent: .sms)
            try await TouchRepository(db: app.db).record(
                (1...4).map { (boris.id, Touch(at: testNow - Double($0) * 86_400, kind: .followUp), nil) })
            _ = try await Tick(app: app).run(now: night)
            let greetings = try await TaskRepository(db: app.db).open(locations: [f.north.id]).filter {
                $0.kind == .greeting
            }
            #expect(greetings.map(\.customerID) == [anna.id])
            let due = try #require(greetings.first?.dueAt)
            #expect(due > night && !QuietHours.standard.isQuiet(at: due, in: moscow))
        }
    }

    @Test("an owner changes the budget and a template on the settings page; bad values are named")
    func settingsPage() async throws {
        try await withEarnedApp { app, f in
            let manager = try await app.session(for: f.manager)
            #expect(try await app.send(.GET, "/settings/outreach", cookie: manager.cookie).status == .forbidden)
            let owner = try await app.session(for: f.owner)
            let page = try await app.send(.GET, "/settings/outreach", cookie: owner.cookie)
            #expect(page.status == .ok && page.text.contains("{first_name}"))
            let bad = try await app.send(
                .POST, "/settings/outreach", cookie: owner.cookie,
                form: [
                    "_csrf": owner.csrf, "max_touches": "0", "window_days": "30", "send_from": "10:00",
                    "send_until": "20:00", "template_birthday_ru": "С днём рождения, {nickname}!",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(try await SettingsStore(db: app.db).outreach() == .standard)
            let good = try await app.send(
                .POST, "/settings/outreach", cookie: owner.cookie,
                form: [
                    "_csrf": owner.csrf, "max_touches": "2", "window_days": "30", "send_from": "11:00",
                    "send_until": "19:30", "template_birthday_ru": "{first_name}, поздравляем!",
                    "greetings_enabled": "true",
                ])
            #expect(
                good.status == .seeOther,
                "\(good.text.components(separatedBy: "field-error").dropFirst().map { $0.prefix(200) })")
            let saved = try await SettingsStore(db: app.db).outreach()
            #expect(
                saved.budget.maxTouches == 2 && saved.quietHours.sendFrom == 11 * 60
                    && saved.quietHours.sendUntil == 19 * 60 + 30)
            #expect(saved.template(for: .birthday, language: "ru")?.text == "{first_name}, поздравляем!")
            #expect(saved.template(for: .birthday, language: "en") == GreetingTemplate.defaults[1])
        }
    }

    @Test("the webhooks page: the secret shown once, a bad URL named, pausing a subscription")
    func webhooksPage() async throws {
        try await withEarnedApp { app, f in
            let owner = try await app.session(for: f.owner)
            let bad = try await app.send(
                .POST, "/settings/webhooks", cookie: owner.cookie,
                form: ["_csrf": owner.csrf, "url": "ftp://nope", "event_case.opened": "true"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("url-error"))
            #expect(try await app.count("webhook_subscriptions") == 0)
            let made = try await app.send(
                .POST, "/settings/webhooks", cookie: owner.cookie,
                form: [
                    "_csrf": owner.csrf, "url": "https://sms-gateway.example/earned", "event_greeting.due": "true",
                    "description": "SMS",
                ])
            #expect(made.status == .ok)
            let hook = try #require(try await WebhookStore(db: app.db).subscriptions().first)
            #expect(hook.events == [.greetingDue] && made.text.contains(hook.secret))
            let later = try await app.send(.GET, "/settings/webhooks", cookie: owner.cookie)
            #expect(later.text.contains("sms-gateway.example") && !later.text.contains(hook.secret))
            let paused = try await app.send(
                .POST, "/settings/webhooks/\(hook.id)/active", cookie: owner.cookie,
                form: ["_csrf": owner.csrf, "active": "false"])
            #expect(paused.status == .seeOther)
            #expect(try await WebhookStore(db: app.db).subscriptions().first?.isActive == false)
            let staff = try await app.session(for: f.northStaff)
            #expect(try await app.send(.GET, "/settings/webhooks", cookie: staff.cookie).status == .forbidden)
        }
    }

    @Test(
        "service rules per location: the owner's after-sale days and reply targets are what the scheduler and the inbox use"
    )
    func serviceRules() async throws {
        try await withEarnedApp { app, f in
            let owner = try await app.session(for: f.owner)
            let north = f.north.id.description
            var form = ServiceSettingsForm(.standard, locations: [f.north, f.south]).values
            form["_csrf"] = owner.csrf
            form["offsets_\(north)"] = "0, 400"
            let bad = try await app.send(.POST, "/settings/service", cookie: owner.cookie, form: form)
            #expect(bad.status == .unprocessableEntity && bad.text.contains("offsets_\(north)-error"))
            #expect(try await SettingsStore(db: app.db).service() == .standard)
            form["offsets_\(north)"] = "2, 14"
            form["handover_\(north)"] = "call"
            form["first_\(north)_call"] = "30"
            let good = try await app.send(.POST, "/settings/service", cookie: owner.cookie, form: form)
            #expect(good.status == .seeOther)
            let rules = try await SettingsStore(db: app.db).service()
            #expect(rules.afterSale(at: f.north.id) == AfterSalePolicy(handover: .call, offsetsDays: [2, 14]))
            #expect(rules.replyTargets(at: f.north.id).target(for: .call, priority: .normal).firstResponse == 1800)

            let anna = try await CustomerRepository(db: app.db).create(
                CustomerDraft(
                    name: "Анна", phones: ["+7 900 555-00-11"],
                    consents: [Consent(channel: .phone, given: true, at: testNow - 86_400, source: "form")],
                    homeLocationID: f.north.id), actor: f.owner, now: testNow)
            let order = try await OrderRepository(db: app.db).create(
                OrderDraft(
                    customerID: anna.id, sellerID: f.northStaff.id, locationID: f.north.id,
                    placedAt: testNow - 4 * 86_400,
                    amountMinorUnits: 100_00, deliveredAt: testNow - 3 * 86_400), actor: f.owner, now: testNow)
            _ = try await Tick(app: app).run(now: testNow)
            let keys = Set(try await TaskRepository(db: app.db).open(assignee: f.northStaff.id).map(\.key))
            #expect(keys.contains(PlannedFollowUp.taskKey(order: order.id, step: .day(2))))
            #expect(!keys.contains(PlannedFollowUp.taskKey(order: order.id, step: .day(1))))
            // 14:06 in Moscow, open until 20:00: a call's first reply is due half an hour later.
            let contact = try await ContactRepository(db: app.db).create(
                InboundContactDraft(channel: .call, locationID: f.north.id, receivedAt: testNow, subject: "Звонок"),
                actor: f.northStaff, now: testNow)
            let api = try await app.send(.GET, "/api/v1/contacts/\(contact.id)", token: f.token(f.northStaff))
            #expect(try api.json()["first_response_due_at"] as? String == APIDates.format(testNow + 1800))
        }
    }

    @Test("follow-ups share the contact budget: over it, the follow-up is skipped and says why; a reached one counts")
    func followUpBudget() async throws {
        try await withEarnedApp { app, f in
            let boris = try await CustomerRepository(db: app.db).create(
                CustomerDraft(
                    name: "Борис", phones: ["+7 900 555-00-22"],
                    consents: [Consent(channel: .phone, given: true, at: testNow - 86_400 * 60, source: "form")],
                    homeLocationID: f.north.id), actor: f.owner, now: testNow)
            try await TouchRepository(db: app.db).record(
                (1...4).map { (boris.id, Touch(at: testNow - Double($0) * 3 * 86_400, kind: .greeting), nil) })
            let order = try await OrderRepository(db: app.db).create(
                OrderDraft(
                    customerID: boris.id, sellerID: f.northStaff.id, locationID: f.north.id,
                    placedAt: testNow - 4 * 86_400,
                    amountMinorUnits: 100_00, deliveredAt: testNow - 3 * 86_400), actor: f.owner, now: testNow)
            _ = try await Tick(app: app).run(now: testNow)
            let tasks = TaskRepository(db: app.db)
            let dayOne = try #require(try await tasks.withKey(PlannedFollowUp.taskKey(order: order.id, step: .day(1))))
            #expect(dayOne.status == .skipped && dayOne.outcome == "contact limit reached")
            let handover = try #require(
                try await tasks.withKey(PlannedFollowUp.taskKey(order: order.id, step: .handover)))
            #expect(handover.status == .open)
            try await TaskActions.recordFollowUp(
                handover.id, outcome: try FollowUpOutcomeDraft(reached: true, satisfied: true).validated(),
                summary: "ok", actor: f.northStaff,
                in: ServiceContext(db: app.db, now: testNow, currency: "RUB"))
            #expect(try await app.count("customer_touches") == 4)
        }
    }

    @Test("a follow-up in a written channel goes to the gateway as message.requested, in the customer's language")
    func followUpMessage() async throws {
        try await withEarnedApp { app, f in
            let gateway = try await WebhookReceiver.start()
            _ = try await WebhookStore(db: app.db).create(
                WebhookSubscriptionDraft(url: gateway.url, events: ["message.requested"]), secret: "k", actor: f.owner,
                now: testNow)
            let vera = try await CustomerRepository(db: app.db).create(
                CustomerDraft(
                    name: "Вера Павлова", phones: ["+7 900 555-00-33"],
                    consents: [Consent(channel: .sms, given: true, at: testNow - 86_400 * 60, source: "form")],
                    homeLocationID: f.north.id, language: "ru"), actor: f.owner, now: testNow)
            _ = try await OrderRepository(db: app.db).create(
                OrderDraft(
                    customerID: vera.id, sellerID: f.northStaff.id, locationID: f.north.id,
                    placedAt: testNow - 4 * 86_400,
                    amountMinorUnits: 100_00, deliveredAt: testNow - 3 * 86_400), actor: f.owner, now: testNow)
            _ = try await Tick(app: app).run(now: testNow)
            let message = try #require(
                try await WebhookStore(db: app.db).deliveries().first { $0.eventKind == .messageRequested })
            #expect(message.payload.contains("+79005550033") && message.payload.contains("Вера, добрый день"))
            #expect(message.payload.contains("1 день после покупки"))
            await gateway.stop()
        }
    }

    @Test("settings through the API: the owner changes them, others may not, bad values are named and change nothing")
    func settingsAPI() async throws {
        try await withEarnedApp { app, f in
            #expect(
                try await app.send(.GET, "/api/v1/settings/service", token: f.token(f.manager)).status == .forbidden)
            let token = f.token(f.owner)
            let rules = try await app.send(.GET, "/api/v1/settings/service", token: token)
            #expect(rules.status == .ok && rules.text.contains(f.north.id.description))
            let bad = try await app.send(
                .PATCH, "/api/v1/settings/service", token: token,
                json: #"{"locations": [{"location_id": "\#(f.north.id)", "follow_up_days": [3, 3]}]}"#)
            #expect(bad.status == .unprocessableEntity, "\(bad.text)")
            #expect(try await SettingsStore(db: app.db).service() == .standard)
            let good = try await app.send(
                .PATCH, "/api/v1/settings/service", token: token,
                json:
                    #"{"reminder_lead_minutes": {"callback": 30}, "locations": [{"location_id": "\#(f.north.id)", "handover": "call", "reply_targets": {"email": {"first_response_minutes": 120, "resolution_hours": 16}}}]}"#
            )
            #expect(good.status == .ok, "\(good.text)")
            let saved = try await SettingsStore(db: app.db).service()
            #expect(saved.reminders.leadMinutes(for: .callback) == 30)
            #expect(saved.afterSale(at: f.north.id).handover == .call)
            #expect(saved.replyTargets(at: f.north.id).target(for: .email, priority: .normal).firstResponse == 7200)
            let outreach = try await app.send(
                .PATCH, "/api/v1/settings/outreach", token: token,
                json: #"{"max_touches": 3, "send_from": "09:30", "disabled_holidays": ["ru-defender-day"]}"#)
            #expect(outreach.status == .ok, "\(outreach.text)")
            let o = try await SettingsStore(db: app.db).outreach()
            #expect(
                o.budget.maxTouches == 3 && o.quietHours.sendFrom == 570
                    && o.holidays.disabledIDs == ["ru-defender-day"])
            let badTime = try await app.send(
                .PATCH, "/api/v1/settings/outreach", token: token, json: #"{"send_from": "late"}"#)
            #expect(badTime.status == .unprocessableEntity && badTime.problemFields == ["send_from"])
        }
    }
}
