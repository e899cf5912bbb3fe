import EarnedDomain
import EarnedServices
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

@Suite("Reply targets per priority, their warning, and case targets: set on the page and through the API")
struct ServiceTargetsSettingsTests {
    @Test("the page sets a priority's share, the warning and a case target; bad values are named, nothing saved")
    func page() async throws {
        try await withEarnedApp { app, f in
            let owner = try await app.session(for: f.owner)
            let north = f.north.id.description
            var form = ServiceSettingsForm(.standard, locations: [f.north, f.south]).values
            #expect(form["factor_\(north)_urgent"] == "25" && form["case_resolve_normal"] == "48")
            form["_csrf"] = owner.csrf
            form["warn_fraction_\(north)"] = "150"
            form["case_first_urgent"] = "10"
            form["case_resolve_urgent"] = "2"
            let bad = try await app.send(.POST, "/settings/service", cookie: owner.cookie, form: form)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("warn_fraction_\(north)-error") && bad.text.contains("case_resolve_urgent-error"))
            #expect(try await SettingsStore(db: app.db).service() == .standard)
            form["warn_fraction_\(north)"] = "50"
            form["warn_min_\(north)"] = "20"
            form["factor_\(north)_urgent"] = "10"
            form["case_first_urgent"] = "1"
            form["case_resolve_urgent"] = "8"
            let good = try await app.send(.POST, "/settings/service", cookie: owner.cookie, form: form)
            #expect(good.status == .seeOther)
            let rules = try await SettingsStore(db: app.db).service()
            let targets = rules.replyTargets(at: f.north.id)
            // Call: 1 h normal, so 6 minutes at urgent.
            #expect(targets.target(for: .call, priority: .urgent).firstResponse == 360)
            #expect(targets.warning == WarningLead(fraction: 0.5, minimum: 1200))
            #expect(rules.caseTargets.target(for: .urgent) == ServiceTarget(firstResponse: 3600, resolution: 8 * 3600))
            // The page shows what was saved.
            let page = try await app.send(.GET, "/settings/service", cookie: owner.cookie)
            #expect(page.text.contains("name=\"case_resolve_urgent\" value=\"8\""))
        }
    }

    @Test("a case's clock follows the owner's case targets: urgent cases are overdue sooner")
    func caseClock() async throws {
        try await withEarnedApp { app, f in
            let customer = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "Анна", homeLocationID: f.north.id), actor: f.owner, now: testNow)
            let opened = try await CaseRepository(db: app.db).open(
                ServiceCaseDraft(
                    customerID: customer.id, title: "Сломался замок", source: .complaint, priority: .urgent,
                    openedAt: testNow - 6 * 3600), actor: f.northStaff, now: testNow)
            let context = ServiceContext(db: app.db, now: testNow, currency: "RUB")
            func overdue() async throws -> Int {
                try await CaseListing.search(
                    .init(), overdue: true, actor: f.owner, locations: [f.north, f.south], in: context
                ).items.count
            }
            #expect(try await overdue() == 0)
            var rules = try await SettingsStore(db: app.db).service()
            rules.caseTargets.byPriority[.urgent] = ServiceTarget(firstResponse: 600, resolution: 1800)
            _ = try await SettingsStore(db: app.db).changeService(rules, actor: f.owner, now: testNow)
            #expect(try await overdue() == 1)
            _ = opened
        }
    }

    @Test("the API reads and changes priority factors, the warning and case targets; a bad key is named")
    func api() async throws {
        try await withEarnedApp { app, f in
            let token = f.token(f.owner)
            let read = try await app.send(.GET, "/api/v1/settings/service", token: token)
            let cases = try #require(try read.json()["case_targets"] as? [String: Any])
            #expect((cases["by_priority"] as? [String: Any])?["normal"] != nil)
            let changed = try await app.send(
                .PATCH, "/api/v1/settings/service", token: token,
                json: """
                    {"locations": [{"location_id": "\(f.north.id)", "priority_factors": {"high": 0.75},
                      "reply_warning": {"fraction": 0.1, "minimum_minutes": 5}}],
                     "case_targets": {"by_priority": {"high": {"first_response_minutes": 60, "resolution_hours": 12}}}}
                    """)
            #expect(changed.status == .ok, "\(changed.text)")
            let rules = try await SettingsStore(db: app.db).service()
            #expect(rules.replyTargets(at: f.north.id).priorityFactors[.high] == 0.75)
            #expect(rules.replyTargets(at: f.north.id).warning == WarningLead(fraction: 0.1, minimum: 300))
            #expect(rules.caseTargets.target(for: .high) == ServiceTarget(firstResponse: 3600, resolution: 12 * 3600))
            let bad = try await app.send(
                .PATCH, "/api/v1/settings/service", token: token,
                json:
                    #"{"case_targets": {"by_priority": {"asap": {"first_response_minutes": 1, "resolution_hours": 1}}}}"#
            )
            #expect(bad.status == .unprocessableEntity && bad.problemFields == ["case_targets.by_priority.asap"])
        }
    }
}
