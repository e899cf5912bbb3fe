import EarnedDomain
import EarnedServices
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

@Suite("Greetings on customers' own dates and each country's holidays")
struct GreetingCountryTests {
    func customer(
        _ app: Application, _ f: Fixture, name: String, phone: String, dates: [CustomerDate] = [],
        location: Location
    ) async throws -> Customer {
        try await CustomerRepository(db: app.db).create(
            CustomerDraft(
                name: name, phones: [phone], dates: dates,
                consents: [Consent(channel: .sms, given: true, at: testNow - 86_400 * 90, source: "form")],
                ownerID: f.northStaff.id, homeLocationID: location.id), actor: f.owner, now: testNow)
    }

    func greetings(_ app: Application) async throws -> [ServiceTask] {
        try await TaskRepository(db: app.db).open().filter { $0.kind == .greeting }
    }

    /// 12:00 UTC on a day.
    func noon(_ year: Int, _ month: Int, _ day: Int) -> Date {
        Date(
            timeIntervalSince1970: Double(CivilDays.dayNumber(year: year, month: month, day: day) * 86_400 + 12 * 3600))
    }

    @Test("a customer with a stored anniversary gets a greeting task on that day, and not the day before")
    func anniversary() async throws {
        try await withEarnedApp { app, f in
            let anna = try await customer(
                app, f, name: "Анна Петрова", phone: "+7 900 123-45-01",
                dates: [
                    CustomerDate(
                        kind: .anniversary, date: LocalDate(year: 2015, month: 11, day: 18), label: "годовщина свадьбы")
                ], location: f.north)
            let tick = Tick(app: app)
            _ = try await tick.run(now: testNow - 86_400)
            #expect(try await greetings(app).isEmpty)
            _ = try await tick.run(now: testNow)
            let found = try await greetings(app)
            #expect(found.count == 1)
            let greeting = try #require(found.first)
            #expect(greeting.customerID == anna.id && greeting.channel == .sms)
            #expect(greeting.key.hasSuffix(":anniversary:2026-11-18"))
            #expect(greeting.text?.contains("годовщина свадьбы") == true, "\(greeting.text ?? "")")
            #expect(try await tick.run(now: testNow + 60).tasksCreated == 0)
        }
    }

    @Test("a Berlin customer is greeted on German Unity Day and not on Russia Day; a Moscow one the other way round")
    func countries() async throws {
        try await withEarnedApp { app, f in
            let berlin = try await LocationRepository(db: app.db).create(
                LocationDraft(name: "Berlin", timeZone: "Europe/Berlin", country: "DE"), actor: f.owner, now: testNow)
            #expect(berlin.country == .de)
            let klaus = try await customer(app, f, name: "Klaus Weber", phone: "+49 30 1234567", location: berlin)
            let anna = try await customer(app, f, name: "Анна", phone: "+7 900 123-45-02", location: f.north)
            let tick = Tick(app: app)
            _ = try await tick.run(now: noon(2026, 10, 3))
            let unity = try await greetings(app)
            #expect(unity.map(\.customerID) == [klaus.id])
            #expect(unity.first?.key.hasSuffix(":holiday-de-unity-day:2026-10-03") == true)
            #expect(unity.first?.text?.contains("День германского единства") == true, "\(unity.first?.text ?? "")")
            _ = try await tick.run(now: noon(2027, 6, 12))
            let russia = try await greetings(app).filter { $0.key.contains("2027-06-12") }
            #expect(russia.map(\.customerID) == [anna.id])
            #expect(russia.first?.key.hasSuffix(":holiday-ru-russia-day:2027-06-12") == true)
        }
    }

    @Test("a German holiday is switched off on the settings page; a bad line in Germany's box is named there")
    func settingsPage() async throws {
        try await withEarnedApp { app, f in
            let owner = try await app.session(for: f.owner)
            let page = try await app.send(.GET, "/settings/outreach", cookie: owner.cookie)
            #expect(page.status == .ok && page.text.contains("holiday_de-unity-day"))
            #expect(page.text.contains("Пасха + 1 день") && page.text.contains("Пасха + 39 дней"))
            #expect(
                page.text.contains("Без поздравлений: Страстная пятница (Пасха − 2 дня), 26.12 Второй день Рождества"))
            var form = OutreachSettingsForm(.standard).values
            form["_csrf"] = owner.csrf
            form["holiday_de-unity-day"] = nil
            form["custom_holidays_de"] = "13-45; Плохой; Bad"
            let bad = try await app.send(.POST, "/settings/outreach", cookie: owner.cookie, form: form)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("custom_holidays_de-error"), "\(bad.text.prefix(0))")
            #expect(try await SettingsStore(db: app.db).outreach() == .standard)
            form["custom_holidays_de"] = "12-24; Сочельник; Christmas Eve"
            let good = try await app.send(.POST, "/settings/outreach", cookie: owner.cookie, form: form)
            #expect(good.status == .seeOther)
            let saved = try await SettingsStore(db: app.db).outreach()
            #expect(saved.holidays.disabledIDs == ["de-unity-day"])
            #expect(saved.holidays.custom.map(\.country) == [.de])
            #expect(saved.holidays.holidays(on: LocalDate(year: 2026, month: 12, day: 24), in: .ru).isEmpty)
            let again = try await app.send(.GET, "/settings/outreach", cookie: owner.cookie)
            #expect(again.text.contains("Christmas Eve"))
        }
    }

    @Test("a German holiday is switched off through the API; a bad country is named and changes nothing")
    func settingsAPI() async throws {
        try await withEarnedApp { app, f in
            let token = f.token(f.owner)
            let bad = try await app.send(
                .PATCH, "/api/v1/settings/outreach", token: token,
                json:
                    #"{"disabled_holidays": ["de-unity-day"], "custom_holidays": [{"id": "heiligabend", "month": 12, "day": 24, "name_ru": "Сочельник", "name_en": "Christmas Eve", "country": "XX"}]}"#
            )
            #expect(bad.status == .unprocessableEntity && bad.isProblem)
            #expect(bad.problemFields == ["custom_holidays.0.country"], "\(bad.text)")
            #expect(try await SettingsStore(db: app.db).outreach() == .standard)
            let good = try await app.send(
                .PATCH, "/api/v1/settings/outreach", token: token,
                json:
                    #"{"disabled_holidays": ["de-unity-day"], "custom_holidays": [{"id": "heiligabend", "month": 12, "day": 24, "name_ru": "Сочельник", "name_en": "Christmas Eve", "country": "de"}]}"#
            )
            #expect(good.status == .ok, "\(good.text)")
            let saved = try await SettingsStore(db: app.db).outreach()
            #expect(saved.holidays.disabledIDs == ["de-unity-day"])
            #expect(saved.holidays.custom.first?.country == .de)
            let read = try await app.send(.GET, "/api/v1/settings/outreach", token: token).json()
            let builtIn = try #require(read["built_in_holidays"] as? [[String: Any]])
            let unity = try #require(builtIn.first { $0["id"] as? String == "de-unity-day" })
            #expect(unity["enabled"] as? Bool == false && unity["country"] as? String == "DE")
            let ascension = try #require(builtIn.first { $0["id"] as? String == "de-ascension" })
            #expect(ascension["easter_offset"] as? Int == 39)
            let custom = try #require((read["custom_holidays"] as? [[String: Any]])?.first)
            #expect(custom["country"] as? String == "DE")
        }
    }

    @Test("a location's country through the API and its form: a bad one is named and nothing is made")
    func locationCountry() async throws {
        try await withEarnedApp { app, f in
            let token = f.token(f.owner)
            let before = try await app.count("locations")
            let bad = try await app.send(
                .POST, "/api/v1/locations", token: token,
                json: #"{"name": "Hamburg", "time_zone": "Europe/Berlin", "country": "XX"}"#)
            #expect(bad.status == .unprocessableEntity && bad.problemFields == ["country"], "\(bad.text)")
            #expect(try await app.count("locations") == before)
            let made = try await app.send(
                .POST, "/api/v1/locations", token: token, json: #"{"name": "Hamburg", "time_zone": "Europe/Berlin"}"#)
            #expect(made.status == .created, "\(made.text)")
            #expect(try made.json()["country"] as? String == "DE")
            let north = try await app.send(.GET, "/api/v1/locations/\(f.north.id)", token: token)
            #expect(try north.json()["country"] as? String == "RU")

            let owner = try await app.session(for: f.owner)
            var form = ["_csrf": owner.csrf, "name": "München", "time_zone": "Europe/Berlin", "country": "XX"]
            for day in 1...7 { form["hours_\(day)"] = "10:00-19:00" }
            let badForm = try await app.send(.POST, "/locations", cookie: owner.cookie, form: form)
            #expect(badForm.status == .unprocessableEntity)
            #expect(badForm.text.contains("country-error"))
            #expect(try await app.count("locations") == before + 1)
            form["country"] = "DE"
            // Special days written with the Russian words for their kinds, or the English ones.
            form["special_days"] =
                "2026-12-31 праздник Новый год\n2027-03-31 Инвентаризация Учёт 10:00-16:00\n2027-05-01 holiday Maifeiertag"
            let goodForm = try await app.send(.POST, "/locations", cookie: owner.cookie, form: form)
            #expect(goodForm.status == .seeOther, "\(goodForm.text.prefix(500))")
            let munich = try #require(try await LocationRepository(db: app.db).all().first { $0.name == "München" })
            #expect(munich.country == .de)
            #expect(munich.specialDays.map(\.kind) == [.holiday, .inventory, .holiday])
            #expect(munich.specialDays[1].label == "Учёт" && munich.specialDays[1].periods.count == 1)
            let edit = try await app.send(.GET, "/locations/\(munich.id)", cookie: owner.cookie)
            #expect(edit.text.contains(#"<option value="DE" selected"#))
            #expect(edit.text.contains("2026-12-31 праздник Новый год"))
        }
    }

    @Test(
        "a movable feast's day reads with the Russian plural of days",
        arguments: [
            (1, "Пасха + 1 день", "Easter + 1 day"), (-2, "Пасха − 2 дня", "Easter − 2 days"),
            (39, "Пасха + 39 дней", "Easter + 39 days"), (50, "Пасха + 50 дней", "Easter + 50 days"),
            (21, "Пасха + 21 день", "Easter + 21 days"),
        ])
    func easterWords(_ offset: Int, _ ru: String, _ en: String) {
        #expect(Strings(lang: .ru).easterRelative(offset) == ru)
        #expect(Strings(lang: .en).easterRelative(offset) == en)
    }
}
