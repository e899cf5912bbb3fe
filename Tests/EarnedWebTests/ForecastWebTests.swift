import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

/// The program forecaster from the API, the pages and the command line: only the owner may
/// forecast; before the first score run it says so; a run answers the same as the engine on the
/// stored baseline; saved forecasts keep their inputs, baseline and results; bad input is
/// refused field by field and writes nothing.
@Suite("Program forecasts on the web")
struct ForecastWebTests {
    static let baseline = {
        var b = matchedBaseline
        b.promiseEffectByModel = .init(purchases: -0.2, standardError: 0.05, horizonDays: 180)
        return b
    }()
    static let matchedBaseline = ForecastBaseline(
        computedAt: testNow, currency: "RUB",
        cohorts: [
            .init(
                segment: .trueLoyalty, customers: 800, activeCustomers: 600, monthlyPurchaseRate: 0.6,
                monthlyChurn: 0.02, averageOrderMinor: 250_000, spendGroups: ForecastBaseline.spendGroups([1, 2, 3])),
            .init(
                segment: .spuriousLoyalty, customers: 400, activeCustomers: 300, monthlyPurchaseRate: 0.8,
                monthlyChurn: 0.05, averageOrderMinor: 150_000, spendGroups: []),
        ], onTime: .init(perMonth: 500, share: 0.82, sampleSize: 1_500), replies: nil,
        promiseEffect: .init(purchases: -0.4, standardError: 0.1, horizonDays: 180), replyEffect: nil)

    static func storeBaseline(_ app: Application) async throws {
        try await ScoreStore(db: app.db).save(baseline, as: ForecastBaseline.key, at: testNow)
    }

    @Test("only the owner may forecast, on the pages and in the API")
    func access() async throws {
        try await withEarnedApp { app, f in
            try await Self.storeBaseline(app)
            for member in [f.manager, f.northStaff] {
                let session = try await app.session(for: member)
                for path in ["/forecast", "/forecast/saved"] {
                    #expect(try await app.send(.GET, path, cookie: session.cookie).status == .forbidden, "\(path)")
                }
                let api = try await app.send(.POST, "/api/v1/forecasts/run", token: f.token(member), json: "{}")
                #expect(api.status == .forbidden && api.isProblem)
                #expect(try await app.send(.GET, "/api/v1/forecasts", token: f.token(member)).status == .forbidden)
            }
            let session = try await app.session(for: f.manager)
            let page = try await app.send(.GET, "/today", cookie: session.cookie)
            #expect(!page.text.contains("href=\"/forecast\""))
        }
    }

    @Test("before the first score run the page and the API say there is no baseline yet")
    func noBaseline() async throws {
        try await withEarnedApp { app, f in
            let session = try await app.session(for: f.owner)
            let page = try await app.send(.GET, "/forecast", cookie: session.cookie + "; earned_lang=en")
            #expect(page.status == .ok)
            #expect(page.text.contains("after the first scoring run"))
            let api = try await app.send(.POST, "/api/v1/forecasts/run", token: f.token(f.owner), json: "{}")
            #expect(api.status == .conflict && api.isProblem)
        }
    }

    @Test("a run through the API is the engine's forecast on the stored baseline; bad input is refused by field")
    func runThroughAPI() async throws {
        try await withEarnedApp { app, f in
            try await Self.storeBaseline(app)
            let token = f.token(f.owner)
            let body = #"{"kind":"cashback","reward_rate":0.03,"horizon_months":12,"withdrawal":null,"seed":5}"#
            let response = try await app.send(.POST, "/api/v1/forecasts/run", token: token, json: body)
            #expect(response.status == .ok)
            let decoded = try APIDates.decoder.decode(Forecasting.Document.self, from: Data(response.text.utf8))
            let scenario = try JSONDecoder().decode(ProgramScenario.self, from: Data(body.utf8))
            var expected = ProgramForecast(scenario: scenario, baseline: Self.baseline).run()
            // The service alternative again with the lifetime model's smaller effect of a broken promise.
            var byModel = Self.baseline
            byModel.promiseEffect = byModel.promiseEffectByModel
            expected.serviceByModel = ProgramForecast(scenario: scenario, baseline: byModel).run().service
            #expect(decoded.result == expected)
            #expect(decoded.scenario == scenario)
            #expect(decoded.result.service?.onTimeFrom == 0.82)
            let matched = try #require(decoded.result.service?.outcome.npv.p50)
            let modelled = try #require(decoded.result.serviceByModel?.outcome.npv.p50)
            #expect(modelled < matched)

            let bad = try await app.send(
                .POST, "/api/v1/forecasts/run", token: token,
                json: #"{"participation":{"low":0.5,"likely":0.2,"high":0.9},"runs":5,"gross_margin":2}"#)
            #expect(bad.status == .unprocessableEntity && bad.isProblem)
            #expect(Set(bad.problemFields).isSuperset(of: ["participation", "runs", "gross_margin"]))
            let malformed = try await app.send(.POST, "/api/v1/forecasts/run", token: token, json: #"{"kind":"#)
            #expect(malformed.status == .badRequest && malformed.isProblem)
            let wrongType = try await app.send(
                .POST, "/api/v1/forecasts/run", token: token, json: #"{"kind":"lottery"}"#)
            #expect((400...422).contains(wrongType.status.code) && wrongType.isProblem)
            #expect(try await app.count("forecast_scenarios") == 0)

            let baseline = try await app.send(.GET, "/api/v1/forecasts/baseline", token: token)
            #expect(baseline.status == .ok)
            #expect((try baseline.json()["cohorts"] as? [Any])?.count == 2)
        }
    }

    @Test("a saved forecast keeps its inputs, baseline and results; it lists, reads and deletes, audited")
    func savedThroughAPI() async throws {
        try await withEarnedApp { app, f in
            try await Self.storeBaseline(app)
            let token = f.token(f.owner)
            let missing = try await app.send(.POST, "/api/v1/forecasts", token: token, json: #"{"scenario":{}}"#)
            #expect(missing.status == .unprocessableEntity && missing.problemFields == ["name"])
            let long = String(repeating: "я", count: ForecastStore.nameLimit + 1)
            let tooLong = try await app.send(
                .POST, "/api/v1/forecasts", token: token, json: #"{"name":"\#(long)","scenario":{}}"#)
            #expect(tooLong.status == .unprocessableEntity && tooLong.problemFields == ["name"])
            #expect(try await app.count("forecast_scenarios") == 0)

            let created = try await app.send(
                .POST, "/api/v1/forecasts", token: token, json: #"{"name":"Баллы 5 %","scenario":{"seed":9}}"#)
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? String)
            let list = try await app.send(.GET, "/api/v1/forecasts", token: token)
            let items = try #require(try list.json()["items"] as? [[String: Any]])
            #expect(items.count == 1 && items[0]["name"] as? String == "Баллы 5 %")
            #expect(items[0]["scenario"] == nil)
            let one = try await app.send(.GET, "/api/v1/forecasts/\(id)", token: token)
            #expect(one.status == .ok)
            let saved = try APIDates.decoder.decode(Forecasting.Document.self, from: Data(one.text.utf8))
            var scenario = ProgramScenario.standard
            scenario.seed = 9
            #expect(saved.result == Forecasting.run(scenario, on: Self.baseline).result)
            #expect(saved.result.serviceByModel != nil)
            #expect(saved.baseline == Self.baseline)
            #expect(try await app.send(.DELETE, "/api/v1/forecasts/\(id)", token: token).status == .noContent)
            #expect(try await app.send(.GET, "/api/v1/forecasts/\(id)", token: token).status == .notFound)
            #expect(try await app.send(.GET, "/api/v1/forecasts/not-an-id", token: token).status == .notFound)
            let audit = try await AuditLog(db: app.db).recent(by: f.owner, entityID: UUID(uuidString: id))
            #expect(Set(audit.map(\.action)) == [.created, .deleted])
        }
    }

    @Test("an owner fills the form, sees the verdict and charts, saves, finds it again and deletes it")
    func pages() async throws {
        try await withEarnedApp { app, f in
            try await Self.storeBaseline(app)
            let session = try await app.session(for: f.owner)
            let cookie = session.cookie + "; earned_lang=en"
            let blank = try await app.send(.GET, "/forecast", cookie: cookie)
            #expect(blank.status == .ok)
            #expect(blank.text.contains("now 82\u{00A0}%"))
            // Each program's own fields are marked, and a small script shows only the chosen one's.
            #expect(blank.text.contains(#"data-kinds="points""#) && blank.text.contains(#"data-kinds="tiers""#))
            #expect(blank.text.contains(#"<script src="/static/forecast-form.js" defer"#))
            let script = try await app.send(.GET, "/static/forecast-form.js")
            #expect(script.status == .ok && script.text.contains("data-kinds"))
            var form = ForecastForm(ProgramScenario.standard).values
            form["_csrf"] = session.csrf
            form["horizon_months"] = "24"
            form["withdrawal.month"] = "12"
            form["participation.likely"] = "40,5"
            let run = try await app.send(.POST, "/forecast", cookie: cookie, form: form)
            #expect(run.status == .ok)
            #expect(run.text.contains("The points program"))
            #expect(run.text.contains("<svg"))
            #expect(run.text.contains("Points liability"))
            #expect(run.text.contains("name=\"scenario\""))

            var bad = form
            bad["participation.low"] = "много"
            bad["horizon_months"] = "0"
            let refused = try await app.send(.POST, "/forecast", cookie: cookie, form: bad)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("participation-error"))
            #expect(!refused.text.contains("The points program"))
            let withoutToken = try await app.send(
                .POST, "/forecast", cookie: cookie, form: form.filter { $0.key != "_csrf" })
            #expect(withoutToken.status == .forbidden)

            var scenario = ProgramScenario.standard
            scenario.horizonMonths = 24
            scenario.withdrawal?.month = 12
            scenario.participation.likely = 0.405
            let json = String(decoding: try JSONEncoder().encode(scenario), as: UTF8.self)
            let unnamed = try await app.send(
                .POST, "/forecast/save", cookie: cookie, form: ["_csrf": session.csrf, "scenario": json, "name": " "])
            #expect(unnamed.status == .unprocessableEntity)
            #expect(try await app.count("forecast_scenarios") == 0)
            let saved = try await app.send(
                .POST, "/forecast/save", cookie: cookie,
                form: ["_csrf": session.csrf, "scenario": json, "name": "Points, 24 months"])
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers.first(name: .location))
            let list = try await app.send(.GET, "/forecast/saved", cookie: cookie)
            #expect(list.text.contains("Points, 24 months"))
            #expect(list.text.contains("href=\"\(location)\""))
            let page = try await app.send(.GET, location, cookie: cookie)
            #expect(page.status == .ok)
            #expect(page.text.contains("The points program"))
            let csv = try await app.send(.GET, location + "?export=figures", cookie: cookie)
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.text.contains("Program: NPV"))
            let id = String(location.split(separator: "/").last!)
            let again = try await app.send(.GET, "/forecast?from=\(id)", cookie: cookie)
            #expect(again.text.contains("value=\"40.5\""))
            let removed = try await app.send(
                .POST, location + "/delete", cookie: cookie, form: ["_csrf": session.csrf])
            #expect(removed.status == .seeOther)
            #expect(try await app.count("forecast_scenarios") == 0)
        }
    }

    @Test("the same form in Russian")
    func russian() async throws {
        try await withEarnedApp { app, f in
            try await Self.storeBaseline(app)
            let session = try await app.session(for: f.owner)
            var form = ForecastForm(ProgramScenario.standard).values
            form["_csrf"] = session.csrf
            let run = try await app.send(.POST, "/forecast", cookie: session.cookie + "; earned_lang=ru", form: form)
            #expect(run.status == .ok)
            #expect(run.text.contains("Программа «баллы» за 36 месяцев"))
            #expect(run.text.contains("из 10\u{00A0}000 прогонов"))
            // Decimals as a Russian reader writes them, money in its sign, and read back the same.
            let page = try await app.send(.GET, "/forecast", cookie: session.cookie + "; earned_lang=ru")
            let decimals = try #require(form.first { $0.value.contains(".") })
            #expect(page.text.contains("value=\"\(decimals.value.replacingOccurrences(of: ".", with: ","))\""))
            #expect(page.text.contains(", ₽") && !page.text.contains(", RUB"))
            var typed = form
            typed[decimals.key] = decimals.value.replacingOccurrences(of: ".", with: ",")
            let again = try await app.send(.POST, "/forecast", cookie: session.cookie + "; earned_lang=ru", form: typed)
            #expect(again.status == .ok)
        }
    }

    @Test("shares of runs never read 0 % or 100 % unless they are, in Russian cases after «из» and «около»")
    func wording() {
        let en = Strings(lang: .en)
        let ru = Strings(lang: .ru)
        #expect(en.probability(0.9996) == "over 99\u{00A0}%")
        #expect(en.probability(0.0004) == "under 1\u{00A0}%")
        #expect(en.probability(0.5) == "50\u{00A0}%")
        #expect(en.lossIn(1, of: 10_000) == "in every one of 10,000 runs")
        #expect(ru.lossIn(0, of: 10_000) == "ни в одном из 10\u{00A0}000 прогонов")
        #expect(ru.lossIn(0.78, of: 10_001) == "в 78\u{00A0}% из 10\u{00A0}001 прогона")
        #expect(ru.lossIn(0.78, of: 10_002) == "в 78\u{00A0}% из 10\u{00A0}002 прогонов")
        #expect(ru.aboutCustomers(21) == "21 клиента")
        #expect(ru.aboutCustomers(53) == "53 клиентов")
    }
}
