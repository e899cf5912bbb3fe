import EarnedDomain
import EarnedFormats
import EarnedServices
import EarnedStore
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import EarnedWeb

/// A date recorded on a customer after the day's greetings pass ran is greeted at once, by the
/// pass's own rules.
@Suite("Greetings at once for a date recorded after the day's pass")
struct GreetingAtOnceTests {
    func customer(_ app: Application, _ f: Fixture, consent: ContactChannel? = .sms) async throws -> Customer {
        try await CustomerRepository(db: app.db).create(
            CustomerDraft(
                name: "Анна Петрова", phones: ["+7 900 123-45-01"],
                consents: consent.map {
                    [Consent(channel: $0, given: true, at: testNow - 86_400 * 90, source: "form")]
                },
                ownerID: f.northStaff.id, homeLocationID: f.north.id), actor: f.owner, now: testNow)
    }

    func greetings(_ app: Application) async throws -> [ServiceTask] {
        try await TaskRepository(db: app.db).open().filter { $0.kind == .greeting }
    }

    /// Saves the customer's edit form as it was shown, with `dates` typed in.
    func saveForm(_ app: Application, _ f: Fixture, _ c: Customer, dates: String) async throws -> TestingHTTPResponse {
        let session = try await app.session(for: f.owner)
        let shown = CustomerForm.Values(try await CustomerRepository(db: app.db).get(c.id, actor: f.owner))
        var form: [String: String] = ["_csrf": session.csrf, "dates": dates]
        let fields: [String: String?] = [
            "kind": shown.kind, "name": shown.name, "phones": shown.phones, "owner_id": shown.owner_id,
            "home_location_id": shown.home_location_id, "language": shown.language,
            "consent_sms": shown.consent_sms, "consent_phone": shown.consent_phone,
        ]
        for (name, value) in fields { if let value { form[name] = value } }
        return try await app.send(.POST, "/customers/\(c.id)", cookie: session.cookie, form: form)
    }

    @Test(
        "an anniversary typed on the page today, after the pass, is one greeting task at once; saving again adds none")
    func fromThePage() async throws {
        try await withEarnedApp { app, f in
            let anna = try await customer(app, f)
            let gateway = try await WebhookReceiver.start()
            _ = try await WebhookStore(db: app.db).create(
                WebhookSubscriptionDraft(url: gateway.url, events: ["greeting.due"]), secret: "k",
                actor: f.owner, now: testNow)
            _ = try await Tick(app: app).run(now: testNow)
            #expect(try await greetings(app).isEmpty)

            let saved = try await saveForm(app, f, anna, dates: "годовщина 2015-11-18 свадьба")
            #expect(saved.status == .seeOther, "\(saved.text)")
            let found = try await greetings(app)
            #expect(found.count == 1)
            let greeting = try #require(found.first)
            #expect(greeting.customerID == anna.id && greeting.channel == .sms)
            #expect(greeting.assigneeID == f.northStaff.id)
            #expect(greeting.key.hasSuffix(":anniversary:2026-11-18"))
            #expect(greeting.text?.contains("свадьба") == true, "\(greeting.text ?? "")")
            #expect(try await app.count("customer_touches") == 1)
            let deliveries = try await WebhookStore(db: app.db).deliveries()
            #expect(deliveries.filter { $0.eventKind == .greetingDue }.count == 1)
            // The edit form shows the date back, its kind in the page's language.
            let session = try await app.session(for: f.owner)
            let edit = try await app.send(.GET, "/customers/\(anna.id)/edit", cookie: session.cookie)
            #expect(edit.text.contains("годовщина 2015-11-18 свадьба"), "\(edit.text)")

            let again = try await saveForm(app, f, anna, dates: "годовщина 2015-11-18 годовщина свадьбы")
            #expect(again.status == .seeOther)
            #expect(try await greetings(app).count == 1)
            #expect(try await app.count("customer_touches") == 1)
            // The next passes of the day add nothing either.
            #expect(try await Tick(app: app).run(now: testNow + 60).tasksCreated == 0)
            await gateway.stop()
        }
    }

    @Test("through the API: before the day's pass nothing (the pass greets); after it, at once and once")
    func fromTheAPI() async throws {
        try await withEarnedApp { app, f in
            // A customer created with a birthday today before today's pass: nothing at once.
            let created = try await app.send(
                .POST, "/api/v1/customers", token: f.token(f.owner),
                json: """
                    {"name": "Борис", "phones": ["+7 900 123-45-02"], "home_location_id": "\(f.north.id)",
                     "owner_id": "\(f.northStaff.id)", "dates": [{"kind": "other", "date": "--11-18", "label": "именины"}],
                     "consents": [{"channel": "sms", "given": true, "at": "2026-08-01T00:00:00Z", "source": "form"}]}
                    """)
            #expect(created.status == .created, "\(created.text)")
            #expect(try await greetings(app).isEmpty)
            _ = try await Tick(app: app).run(now: testNow)
            let byThePass = try await greetings(app)
            #expect(byThePass.count == 1 && byThePass.first?.key.hasSuffix(":other_date:2026-11-18") == true)
            // A birthday today added after the pass greeted another date: one greeting a day.
            let boris = try #require(byThePass.first?.customerID)
            let birthday = try await app.send(
                .PATCH, "/api/v1/customers/\(boris)", token: f.token(f.owner),
                json: """
                    {"dates": [{"kind": "birthday", "date": "1990-11-18"},
                               {"kind": "other", "date": "--11-18", "label": "именины"}]}
                    """)
            #expect(birthday.status == .ok, "\(birthday.text)")
            #expect(try await greetings(app).count == 1)

            let anna = try await customer(app, f)
            let body = #"{"dates": [{"kind": "anniversary", "date": "2015-11-18", "label": "свадьба"}]}"#
            let patched = try await app.send(
                .PATCH, "/api/v1/customers/\(anna.id)", token: f.token(f.owner), json: body)
            #expect(patched.status == .ok, "\(patched.text)")
            let found = try await greetings(app)
            #expect(found.count == 2)
            #expect(found.contains { $0.customerID == anna.id && $0.key.hasSuffix(":anniversary:2026-11-18") })
            _ = try await app.send(.PATCH, "/api/v1/customers/\(anna.id)", token: f.token(f.owner), json: body)
            #expect(try await greetings(app).count == 2)
        }
    }

    @Test("a date not today, or a customer with no consent, gets no greeting at once")
    func notToday() async throws {
        try await withEarnedApp { app, f in
            let anna = try await customer(app, f)
            let boris = try await customer(app, f, consent: nil)
            _ = try await Tick(app: app).run(now: testNow)
            #expect(try await saveForm(app, f, anna, dates: "anniversary 2015-11-19").status == .seeOther)
            #expect(try await saveForm(app, f, boris, dates: "anniversary 2015-11-18").status == .seeOther)
            #expect(try await greetings(app).isEmpty)
            #expect(try await app.count("customer_touches") == 0)
            let stored = try await CustomerRepository(db: app.db).get(boris.id, actor: f.owner)
            #expect(stored.dates.map(\.date) == [LocalDate(year: 2015, month: 11, day: 18)])
        }
    }

    @Test("customers imported with a birthday today, after the pass, are greeted at once; importing again adds none")
    func fromAnImport() async throws {
        try await withEarnedApp { app, f in
            _ = try await Tick(app: app).run(now: testNow)
            let file = """
                Код;ФИО;Телефон;Дата рождения;Согласие на SMS;Точка
                C-1;Анна Смирнова;8 916 111-22-33;18.11.1985;да;Север
                C-2;Борис Петров;+7 903 444-55-66;19.11.1985;да;Север
                C-3;Вера Орлова;+7 903 444-55-77;18.11.1985;;Север
                """
            func run() async throws -> ImportReport {
                try await ShopImport.run(
                    records: CSVRecordStream(data: Data(file.utf8)),
                    options: Importer.Options(
                        kind: .customers, overrides: [], partial: false,
                        timeZone: TimeZone(identifier: "Europe/Moscow")!),
                    actor: f.owner, now: testNow, on: app.db)
            }
            #expect(try await run().created == 3)
            let found = try await greetings(app)
            #expect(found.count == 1)
            #expect(found.first?.key.hasSuffix(":birthday:2026-11-18") == true)
            #expect(found.first?.text?.contains("Анна") == true)
            _ = try await run()
            #expect(try await greetings(app).count == 1)
            #expect(try await app.count("customer_touches") == 1)
        }
    }

    @Test("a date line the form cannot read is refused with a message and changes nothing")
    func badLine() async throws {
        try await withEarnedApp { app, f in
            let anna = try await customer(app, f)
            _ = try await Tick(app: app).run(now: testNow)
            let saved = try await saveForm(app, f, anna, dates: "годовщина 18 ноября")
            #expect(saved.status == .unprocessableEntity)
            #expect(saved.text.contains("Неверный формат") || saved.text.contains("Invalid format"))
            #expect(try await CustomerRepository(db: app.db).get(anna.id, actor: f.owner).dates.isEmpty)
            #expect(try await greetings(app).isEmpty)
        }
    }
}
