import EarnedDomain
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
}
