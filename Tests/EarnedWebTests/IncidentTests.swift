import EarnedDomain
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

@Suite("Call first: incidents")
struct IncidentTests {
    /// Three customers of the north: two bought the faulty coffee machine, one a kettle.
    func buyers(_ app: Application, _ f: Fixture) async throws -> [Customer] {
        var made: [Customer] = []
        for (name, items) in [
            ("Анна", "Кофемашина Delonghi ECAM"), ("Борис", "кофемашина delonghi, фильтры"), ("Вера", "Чайник"),
        ] {
            let c = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: name, homeLocationID: f.north.id, externalID: "X-" + name), actor: f.owner,
                now: testNow)
            _ = try await OrderRepository(db: app.db).create(
                OrderDraft(
                    customerID: c.id, sellerID: f.northStaff.id, locationID: f.north.id,
                    placedAt: testNow - 10 * 86_400,
                    amountMinorUnits: 50_000_00, itemsSummary: items), actor: f.owner, now: testNow)
            made.append(c)
        }
        return made
    }

    @Test("recorded once, it gives each affected customer an outreach task; the figure tells who was told first")
    func recordAndFigure() async throws {
        try await withEarnedApp { app, f in
            let people = try await buyers(app, f)
            let manager = try await app.session(for: f.manager)
            let staff = try await app.session(for: f.northStaff)
            let refused = try await app.send(
                .POST, "/incidents", cookie: staff.cookie,
                form: ["_csrf": staff.csrf, "title": "Брак партии", "scope": "product", "text": "кофемашина"])
            #expect(refused.status == .forbidden)
            let empty = try await app.send(
                .POST, "/incidents", cookie: manager.cookie,
                form: ["_csrf": manager.csrf, "title": "Брак партии", "scope": "product", "text": ""])
            #expect(empty.status == .unprocessableEntity)
            #expect(try await app.count("incidents") == 0)
            let made = try await app.send(
                .POST, "/incidents", cookie: manager.cookie,
                form: [
                    "_csrf": manager.csrf, "title": "Брак партии кофемашин", "scope": "product", "text": "КОФЕМАШИНА",
                    "found_at": FormDates.inputValue(testNow - 3600, zone: TimeZone(identifier: "Europe/Moscow")!),
                ])
            #expect(made.status == .seeOther, "\(made.text)")
            let outreach = try await TaskRepository(db: app.db).open(assignee: f.northStaff.id).filter {
                $0.kind == .outreach
            }
            #expect(Set(outreach.compactMap(\.customerID)) == [people[0].id, people[1].id])
            // Борис calls before anyone calls him; Анна is called first.
            _ = try await ContactRepository(db: app.db).create(
                InboundContactDraft(
                    channel: .call, customerID: people[1].id, receivedAt: testNow - 600, subject: "Течёт"),
                actor: f.northStaff, now: testNow)
            let anna = try #require(outreach.first { $0.customerID == people[0].id })
            // Closing Борис's task without reaching him tells him nothing.
            let boris = try #require(outreach.first { $0.customerID == people[1].id })
            let missed = try await app.send(
                .POST, "/tasks/\(boris.id)/complete", cookie: staff.cookie,
                form: ["_csrf": staff.csrf, "status": "done", "outcome_form": "1"])
            #expect(missed.status == .seeOther)
            // Анна was reached 20 minutes ago, before Борис called: told first, though the task is
            // closed only now.
            let zone = TimeZone(identifier: "Europe/Moscow")!
            let called = try await app.send(
                .POST, "/tasks/\(anna.id)/complete", cookie: staff.cookie,
                form: [
                    "_csrf": staff.csrf, "status": "done", "outcome_form": "1", "reached": "true",
                    "reached_at": FormDates.inputValue(testNow - 1200, zone: zone),
                ])
            #expect(called.status == .seeOther)
            let report = try #require(try await IncidentRepository(db: app.db).list(actor: f.manager).first)
            #expect(report.figure == IncidentFigure(affected: 2, toldFirst: 1, theyContactedFirst: 1, pending: 0))
            let toldAt = try #require(report.affected.first { $0.customerID == people[0].id }?.result.toldAt)
            #expect(abs(toldAt.timeIntervalSince(testNow - 1200)) < 60)
            #expect(report.affected.first { $0.customerID == people[1].id }?.result.toldAt == nil)
            let page = try await app.send(.GET, "/incidents/\(report.incident.id)", cookie: manager.cookie)
            #expect(page.status == .ok)
            #expect(page.text.contains("1 из 2") || page.text.contains("1 of 2"))
            let south = try await app.session(for: f.southStaff)
            #expect(
                try await app.send(.GET, "/incidents/\(report.incident.id)", cookie: south.cookie).status == .notFound)
        }
    }

    @Test("through the API: a list of customers, unknown ones named; the incident with each customer's outcome")
    func api() async throws {
        try await withEarnedApp { app, f in
            let people = try await buyers(app, f)
            let token = f.token(f.manager)
            let noScope = try await app.send(.POST, "/api/v1/incidents", token: token, json: #"{"title": "X"}"#)
            #expect(noScope.status == .unprocessableEntity && noScope.problemFields == ["scope"])
            let badKind = try await app.send(
                .POST, "/api/v1/incidents", token: token, json: #"{"title": "X", "scope": {"kind": "moon"}}"#)
            #expect(badKind.problemFields == ["scope.kind"])
            let made = try await app.send(
                .POST, "/api/v1/incidents", token: token,
                json:
                    #"{"title": "Опоздала доставка", "scope": {"kind": "customers", "customer_ids": ["\#(people[2].id)"]}}"#
            )
            #expect(made.status == .created, "\(made.text)")
            let body = try made.json()
            #expect(body["affected"] as? Int == 1 && body["pending"] as? Int == 1)
            let id = try #require(body["id"] as? String)
            let closed = try await app.send(.POST, "/api/v1/incidents/\(id)/close", token: token)
            #expect(try closed.json()["closed_at"] is String)
            #expect(try await app.send(.GET, "/api/v1/incidents", token: f.token(f.southStaff)).text == "[]")
        }
    }

    @Test("a business-wide incident: everyone sees its figure, each person only their locations' customers")
    func businessWide() async throws {
        try await withEarnedApp { app, f in
            let people = try await buyers(app, f)
            let south = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "Юрий Южный", homeLocationID: f.south.id), actor: f.owner, now: testNow)
            let report = try await IncidentRepository(db: app.db).record(
                IncidentDraft(title: "Сбой оплаты", scope: .customers(ids: [people[0].id, south.id])), actor: f.owner,
                now: testNow)
            #expect(report.incident.locationID == nil)
            let seen = try await IncidentRepository(db: app.db).get(report.incident.id, actor: f.southStaff)
            #expect(seen.figure.affected == 2 && seen.affected.map(\.customerID) == [south.id])
            let session = try await app.session(for: f.southStaff)
            let page = try await app.send(.GET, "/incidents/\(report.incident.id)", cookie: session.cookie)
            #expect(page.text.contains("Юрий Южный") && !page.text.contains("Анна"))
        }
    }
}
