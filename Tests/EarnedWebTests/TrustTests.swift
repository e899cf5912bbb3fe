import EarnedDomain
import EarnedFormats
import EarnedServices
import FluentKit
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import EarnedStore
@testable import EarnedWeb

@Suite("Writes at once")
struct ConcurrentWriteTests {
    @Test("every SQLite connection waits for a busy database instead of failing")
    func everyConnectionTuned() async throws {
        try await withEarnedApp(seed: false) { app, _ in
            guard SQLiteTuning.isSQLite(app.db) else { return }
            for loop in app.eventLoopGroup.makeIterator() {
                let db = try #require(app.databases.database(logger: app.logger, on: loop))
                #expect(try await SQLiteTuning.busyTimeout(db) == SQLiteTuning.busyTimeoutMilliseconds)
            }
        }
    }

    @Test("8 writers for 10 s through the app: no server error, every acknowledged write is there")
    func eightWriters() async throws {
        try await withEarnedApp { app, f in
            // The writers share one token; on a fast machine they pass the per-minute limit, whose
            // 429 is not what this test is about.
            app.earned.config.apiRateLimit = 0
            let shared = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "Общий клиент", homeLocationID: f.north.id), actor: f.owner, now: testNow)
            let token = f.token(f.owner)
            let deadline = ContinuousClock.now + .seconds(10)
            let results = try await withThrowingTaskGroup(of: WriterTally.self) { group in
                for writer in 0..<8 {
                    group.addTask {
                        var tally = WriterTally()
                        var n = 0
                        while ContinuousClock.now < deadline {
                            n += 1
                            // Alternate: a new customer, a note on the shared one, an edit of it.
                            let response: TestingHTTPResponse
                            switch n % 3 {
                            case 0:
                                response = try await app.send(
                                    .POST, "/api/v1/customers", token: token,
                                    json:
                                        #"{"name": "Писатель \#(writer)-\#(n)", "home_location_id": "\#(f.north.id)"}"#)
                                if response.status == .created, let id = try response.json()["id"] as? String {
                                    tally.customers.append(id)
                                }
                            case 1:
                                response = try await app.send(
                                    .POST, "/api/v1/customers/\(shared.id)/notes", token: token,
                                    json: #"{"text": "заметка \#(writer)-\#(n)"}"#)
                                if response.status == .created { tally.notes.append("заметка \(writer)-\(n)") }
                            default:
                                response = try await app.send(
                                    .PATCH, "/api/v1/customers/\(shared.id)", token: token,
                                    json: #"{"name": "Общий клиент \#(writer)-\#(n)"}"#)
                            }
                            tally.requests += 1
                            if response.status.code >= 500 { tally.serverErrors.append(response.text) }
                            if response.status.code >= 300 { tally.other.append(response.status.code) }
                        }
                        return tally
                    }
                }
                var all: [WriterTally] = []
                for try await tally in group { all.append(tally) }
                return all
            }
            let requests = results.map(\.requests).reduce(0, +)
            #expect(requests >= 8, "each writer got at least one request through")
            #expect(results.flatMap(\.serverErrors).isEmpty, "\(results.flatMap(\.serverErrors).prefix(3))")
            #expect(results.flatMap(\.other).isEmpty, "statuses: \(results.flatMap(\.other).prefix(5))")
            let sql = try app.db.sql
            for id in results.flatMap(\.customers) {
                let row = try await sql.select().column("id").from("customers").where(
                    "id", .equal, UUID(uuidString: id)
                )
                .first()
                #expect(row != nil, "customer \(id) was acknowledged but is missing")
            }
            let notes = Set(
                try await CustomerRepository(db: app.db).notes(of: shared.id, actor: f.owner).map(\.text))
            #expect(notes == Set(results.flatMap(\.notes)))
        }
    }

    struct WriterTally: Sendable {
        var requests = 0
        var other: [UInt] = []
        var customers: [String] = []
        var notes: [String] = []
        var serverErrors: [String] = []
    }
}

@Suite("Idempotency across a crash")
struct IdempotencyCrashTests {
    /// Stands for a server killed after the commit but before the answer left: the work is
    /// done, the client never hears of it.
    struct LoseAnswer: AsyncMiddleware {
        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            let response = try await next.respond(to: request)
            if request.headers.first(name: "X-Test-Lose-Answer") != nil { return Response(status: .serviceUnavailable) }
            return response
        }
    }

    /// Stands for a server killed before the commit: the request's work is rolled back.
    struct DieBeforeCommit: AsyncMiddleware {
        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            let response = try await next.respond(to: request)
            if request.headers.first(name: "X-Test-Die") != nil { throw Abort(.internalServerError) }
            return response
        }
    }

    @Test("a request whose answer was lost after its commit: the retry returns the same customer")
    func committedThenLost() async throws {
        try await withEarnedApp { app, f in
            app.middleware.use(LoseAnswer(), at: .beginning)
            let body = #"{"name": "Вера Повторная", "home_location_id": "\#(f.north.id)"}"#
            let first = try await app.send(
                .POST, "/api/v1/customers", token: f.token(f.owner), json: body,
                headers: ["Idempotency-Key": "crash-1", "X-Test-Lose-Answer": "1"])
            #expect(first.status == .serviceUnavailable)
            #expect(try await app.count("customers") == 1)
            let retry = try await app.send(
                .POST, "/api/v1/customers", token: f.token(f.owner), json: body,
                headers: ["Idempotency-Key": "crash-1"])
            #expect(retry.status == .created)
            #expect(retry.headers.first(name: "Idempotent-Replayed") == "true")
            let stored = try await CustomerRepository(db: app.db).list(CustomerQuery(), actor: f.owner).items
            #expect(stored.count == 1)
            #expect(try retry.json()["id"] as? String == stored.first?.id.description)
        }
    }

    @Test("a request that died before its commit: the retry runs it, once")
    func diedBeforeCommit() async throws {
        try await withEarnedApp { app, f in
            app.middleware.use(DieBeforeCommit())
            let body = #"{"name": "Вера Повторная", "home_location_id": "\#(f.north.id)"}"#
            let first = try await app.send(
                .POST, "/api/v1/customers", token: f.token(f.owner), json: body,
                headers: ["Idempotency-Key": "crash-2", "X-Test-Die": "1"])
            #expect(first.status == .internalServerError)
            #expect(try await app.count("customers") == 0)
            #expect(try await app.count("idempotency_keys") == 0)
            let retry = try await app.send(
                .POST, "/api/v1/customers", token: f.token(f.owner), json: body,
                headers: ["Idempotency-Key": "crash-2"])
            #expect(retry.status == .created)
            #expect(retry.headers.first(name: "Idempotent-Replayed") == nil)
            let again = try await app.send(
                .POST, "/api/v1/customers", token: f.token(f.owner), json: body,
                headers: ["Idempotency-Key": "crash-2"])
            #expect(again.status == .created && again.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(try await app.count("customers") == 1)
        }
    }

    @Test("a claim left in progress by a request outside a transaction is taken over after its lease")
    func abandonedClaim() async throws {
        try await withEarnedApp { app, f in
            let store = SecurityStore(db: app.db)
            let owner = f.owner.id.rawValue
            let first = try await store.claim(owner: owner, key: "k", requestHash: "h", now: testNow, lease: 60)
            let during = try await store.claim(owner: owner, key: "k", requestHash: "h", now: testNow + 30, lease: 60)
            let after = try await store.claim(owner: owner, key: "k", requestHash: "h", now: testNow + 61, lease: 60)
            #expect(first && !during && after)
            #expect(try await app.count("idempotency_keys") == 1)
        }
    }
}

@Suite("Text is stored as given or refused")
struct ControlCharacterTests {
    @Test("NUL or another control character in any JSON text: 422 naming the field, nothing written")
    func jsonRefused() async throws {
        try await withEarnedApp { app, f in
            let token = f.token(f.owner)
            let customer = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "Анна", homeLocationID: f.north.id), actor: f.owner, now: testNow)
            let cases: [(HTTPMethod, String, String, String)] = [
                (.POST, "/api/v1/customers", #"{"name": "Анна\u0000Б", "home_location_id": "\#(f.north.id)"}"#, "name"),
                (.PATCH, "/api/v1/customers/\(customer.id)", #"{"name": "A", "tags": ["ok", "b\u0007"]}"#, "tags.1"),
                (.POST, "/api/v1/customers/\(customer.id)/notes", #"{"text": "\u001b[31m"}"#, "text"),
                (.POST, "/api/v1/locations", #"{"name": "Точка\u007f", "time_zone": "Europe/Moscow"}"#, "name"),
                (
                    .POST, "/api/v1/promises",
                    #"{"customer_id": "\#(customer.id)", "kind": "callback", "text": "x\u0000", "due_at": "2026-11-20T10:00:00Z"}"#,
                    "text"
                ),
            ]
            let before = try await rowCounts(app)
            for (method, path, body, field) in cases {
                let response = try await app.send(method, path, token: token, json: body)
                #expect(response.status == .unprocessableEntity, "\(path): \(response.text)")
                #expect(response.isProblem)
                #expect(response.problemFields == [field], "\(path)")
            }
            #expect(try await rowCounts(app) == before)
            #expect(try await CustomerRepository(db: app.db).get(customer.id, actor: f.owner).name == "Анна")
        }
    }

    @Test("tabs and line breaks are text: what is stored is what a read returns")
    func lineBreaksKept() async throws {
        try await withEarnedApp { app, f in
            let token = f.token(f.owner)
            let customer = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "Анна", homeLocationID: f.north.id), actor: f.owner, now: testNow)
            let posted = try await app.send(
                .POST, "/api/v1/customers/\(customer.id)/notes", token: token,
                json: #"{"text": "строка 1\nстрока\t2"}"#)
            #expect(posted.status == .created)
            let notes = try await app.send(.GET, "/api/v1/customers/\(customer.id)/notes", token: token)
            #expect(notes.text.contains(#"строка 1\nстрока\t2"#))
        }
    }

    @Test("a form with a NUL is refused with the field named, and nothing changes")
    func formRefused() async throws {
        try await withEarnedApp { app, f in
            let customer = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "Анна", homeLocationID: f.north.id), actor: f.owner, now: testNow)
            let session = try await app.session(for: f.owner)
            let response = try await app.send(
                .POST, "/customers/\(customer.id)/notes", cookie: session.cookie,
                form: ["_csrf": session.csrf, "text": "до\u{0}после"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("text"))
            #expect(try await app.count("customer_notes") == 0)
        }
    }

    @Test("the domain's text rule refuses control characters and keeps tab and line breaks")
    func rule() {
        #expect(!TextRule.allows("a\u{0}b"))
        #expect(!TextRule.allows("a\u{7F}"))
        #expect(!TextRule.allows("a\u{85}"))
        #expect(TextRule.allows("a\tb\nc\r\nd"))
        #expect(TextRule.allows("Ёлка 🎄"))
        var v = Validator()
        v.text("name", "x\u{1}", max: 10)
        #expect(v.errors == [TextRule.error(field: "name")])
    }
}

/// Rows in every table, to show a refused request wrote nothing.
func rowCounts(_ app: Application) async throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for table in [
        "customers", "customer_notes", "customer_contacts", "locations", "promises", "service_cases",
        "inbound_contacts", "service_tasks", "referrals", "incidents", "audit_log", "idempotency_keys",
    ] {
        counts[table] = try await app.count(table)
    }
    return counts
}

@Suite("Merge moves everything, erasure reaches everything")
struct MergeEraseTests {
    struct Person {
        var name: String
        var phone: String
        var email: String
        var externalID: String
    }

    /// A customer with one of every kind of record, made through the API as an integration
    /// would (stored Idempotency-Key answers included).
    static func customerWithEverything(_ person: Person, _ app: Application, _ f: Fixture) async throws -> CustomerID {
        let token = f.token(f.owner)
        func post(_ path: String, _ json: String, key: String? = nil) async throws -> [String: Any] {
            let response = try await app.send(
                .POST, path, token: token, json: json, headers: key.map { ["Idempotency-Key": $0] } ?? [:])
            #expect(response.status == .created, "\(path): \(response.text)")
            return try response.json()
        }
        let created = try await post(
            "/api/v1/customers",
            #"{"name": "\#(person.name)", "phones": ["\#(person.phone)"], "emails": ["\#(person.email)"], "home_location_id": "\#(f.north.id)", "external_id": "\#(person.externalID)", "consents": [{"channel": "email", "given": true, "at": "2026-01-01T00:00:00Z", "source": "анкета \#(person.name)"}]}"#,
            key: "create-" + person.externalID)
        let id = try #require(CustomerID(string: created["id"] as! String))
        let order = try await post(
            "/api/v1/orders",
            #"{"customer_id": "\#(id)", "amount_minor_units": 150000, "location_id": "\#(f.north.id)"}"#,
            key: "order-" + person.externalID)
        _ = try await post("/api/v1/customers/\(id)/notes", #"{"text": "заметка про \#(person.name)"}"#)
        _ = try await post(
            "/api/v1/promises",
            #"{"customer_id": "\#(id)", "kind": "callback", "text": "Перезвонить \#(person.name) на \#(person.phone)", "due_at": "\#(APIDates.format(testNow + 86_400))"}"#
        )
        _ = try await post(
            "/api/v1/cases", #"{"customer_id": "\#(id)", "title": "Жалоба \#(person.name)", "department": "sales"}"#)
        _ = try await post(
            "/api/v1/contacts",
            #"{"channel": "email", "customer_id": "\#(id)", "subject": "Письмо от \#(person.email)", "received_at": "\#(APIDates.format(testNow - 3600))"}"#
        )
        _ = try await post(
            "/api/v1/incidents",
            #"{"title": "Брак партии", "found_at": "\#(APIDates.format(testNow - 600))", "scope": {"kind": "customers", "customer_ids": ["\#(id)"]}}"#
        )
        let friend = try await CustomerRepository(db: app.db).create(
            CustomerDraft(name: "Друг " + String(person.externalID.count), homeLocationID: f.north.id), actor: f.owner,
            now: testNow)
        _ = try await post(
            "/api/v1/customers/\(id)/referrals",
            #"{"referred_id": "\#(friend.id)", "order_id": "\#(try #require(order["id"] as? String))"}"#)
        try await TouchRepository(db: app.db).record([
            (customer: id, touch: Touch(at: testNow, kind: .followUp), taskKey: nil)
        ])
        let answers =
            "Номер ответа;Клиент;Дата ответа;Оценка;Комментарий\n\(UUID().uuidString);\(person.externalID);01.11.2026 12:00;2;Я \(person.name), звоните \(person.phone)\n"
        let report = try await Importer(db: app.db).run(
            records: CSVRecordStream(data: Data(answers.utf8)), options: .init(kind: .surveyAnswers), actor: f.owner,
            now: testNow)
        #expect(report.problems.isEmpty, "\(report.problems)")
        return id
    }

    @Test("merge then erase: every kind of record moves to the survivor, then no text of either person remains")
    func mergeThenErase() async throws {
        try await withEarnedApp { app, f in
            _ = try await app.send(
                .POST, "/api/v1/webhooks", token: f.token(f.owner),
                json: #"{"url": "https://hooks.example.com/earned", "events": ["case.opened", "task.created"]}"#)
            let zina = Person(
                name: "Зинаида Уникальная", phone: "+79998887766", email: "zina@example.ru", externalID: "EXT-ZINA")
            let vera = Person(
                name: "Вероника Особенная", phone: "+79995554433", email: "vera@example.ru", externalID: "EXT-VERA")
            let survivor = try await Self.customerWithEverything(zina, app, f)
            let absorbed = try await Self.customerWithEverything(vera, app, f)
            // Both answered the same incident and were both touched: the survivor keeps one of each.
            let merge = try await app.send(
                .POST, "/api/v1/customers/\(survivor)/merge", token: f.token(f.owner),
                json: #"{"duplicate_id": "\#(absorbed)"}"#)
            #expect(merge.status == .ok, "\(merge.text)")
            let sql = try app.db.sql
            for (table, column) in [
                ("orders", "customer_id"), ("customer_notes", "customer_id"), ("promises", "customer_id"),
                ("service_cases", "customer_id"), ("inbound_contacts", "customer_id"), ("service_tasks", "customer_id"),
                ("customer_touches", "customer_id"), ("survey_answers", "customer_id"),
                ("incident_customers", "customer_id"), ("referrals", "referrer_id"),
            ] {
                let left = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                    .from(table).where(SQLIdentifier(column), .equal, absorbed.rawValue).first()?
                    .decode(column: "n", as: Int.self)
                #expect(left == 0, "\(table) still names the absorbed customer")
                let moved = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                    .from(table).where(SQLIdentifier(column), .equal, survivor.rawValue).first()?
                    .decode(column: "n", as: Int.self)
                #expect((moved ?? 0) >= 1, "\(table) has nothing for the survivor")
            }
            let promises = try await PromiseRepository(db: app.db).list(
                .open, customer: survivor, locations: nil, now: testNow)
            #expect(promises.count == 2)
            #expect(promises.allSatisfy { $0.customerID == survivor })
            #expect(try await app.count("incident_customers") == 2)
            #expect(try await app.count("referrals") == 2)

            let erased = try await app.send(.POST, "/api/v1/customers/\(survivor)/erase", token: f.token(f.owner))
            #expect(erased.status == .noContent, "\(erased.text)")
            var needles: [String] = []
            for person in [zina, vera] {
                needles += [
                    person.name, String(person.name.split(separator: " ")[0]), person.phone,
                    String(person.phone.dropFirst(2)), person.email, person.externalID,
                ]
            }
            let leaks = try await PersonalDataScan.find(needles, in: app.db)
            #expect(leaks.isEmpty, "\(leaks)")
            #expect(try await app.count("orders") == 2)
        }
    }
}

@Suite("Ids in a body are checked before anything is written")
struct UnknownReferenceTests {
    struct Case: Sendable {
        var method: HTTPMethod
        var path: String
        /// A body that succeeds, with `$FIELD` where the id under test goes.
        var body: String
        var field: String
        var valid: String
    }

    @Test(
        "every API endpoint that takes an id in its body answers 422 naming it for an unknown one, and writes nothing")
    func unknownIDs() async throws {
        try await withEarnedApp { app, f in
            let token = f.token(f.owner)
            let customers = CustomerRepository(db: app.db)
            let anna = try await customers.create(
                CustomerDraft(name: "Анна", homeLocationID: f.north.id), actor: f.owner, now: testNow)
            let boris = try await customers.create(
                CustomerDraft(name: "Борис", homeLocationID: f.north.id), actor: f.owner, now: testNow)
            let clara = try await customers.create(
                CustomerDraft(name: "Клара", homeLocationID: f.north.id), actor: f.owner, now: testNow)
            let order = try await OrderRepository(db: app.db).create(
                OrderDraft(customerID: anna.id, locationID: f.north.id, amountMinorUnits: 1000), actor: f.owner,
                now: testNow)
            let serviceCase = try await CaseRepository(db: app.db).open(
                ServiceCaseDraft(customerID: anna.id, title: "Сломалось", department: "sales"), actor: f.owner,
                now: testNow)
            let due = APIDates.format(testNow + 86_400)
            let found = APIDates.format(testNow - 600)
            let cases: [Case] = [
                Case(
                    method: .POST, path: "/api/v1/customers",
                    body: #"{"name": "Вера", "home_location_id": "$home", "owner_id": "$owner"}"#,
                    field: "home_location_id", valid: f.north.id.description),
                Case(
                    method: .POST, path: "/api/v1/customers",
                    body: #"{"name": "Вера", "home_location_id": "\#(f.north.id)", "owner_id": "$FIELD"}"#,
                    field: "owner_id", valid: f.northStaff.id.description),
                Case(
                    method: .PATCH, path: "/api/v1/customers/\(anna.id)",
                    body: #"{"name": "Анна", "home_location_id": "$FIELD"}"#, field: "home_location_id",
                    valid: f.north.id.description),
                Case(
                    method: .POST, path: "/api/v1/customers/\(anna.id)/merge", body: #"{"duplicate_id": "$FIELD"}"#,
                    field: "duplicate_id", valid: ""),
                Case(
                    method: .POST, path: "/api/v1/orders",
                    body: #"{"customer_id": "$FIELD", "amount_minor_units": 500, "location_id": "\#(f.north.id)"}"#,
                    field: "customer_id", valid: anna.id.description),
                Case(
                    method: .POST, path: "/api/v1/orders",
                    body: #"{"customer_id": "\#(anna.id)", "amount_minor_units": 500, "location_id": "$FIELD"}"#,
                    field: "location_id", valid: f.north.id.description),
                Case(
                    method: .POST, path: "/api/v1/orders",
                    body:
                        #"{"customer_id": "\#(anna.id)", "amount_minor_units": 500, "location_id": "\#(f.north.id)", "seller_id": "$FIELD"}"#,
                    field: "seller_id", valid: f.northStaff.id.description),
                Case(
                    method: .PATCH, path: "/api/v1/orders/\(order.id)", body: #"{"location_id": "$FIELD"}"#,
                    field: "location_id", valid: f.north.id.description),
                Case(
                    method: .PATCH, path: "/api/v1/orders/\(order.id)", body: #"{"seller_id": "$FIELD"}"#,
                    field: "seller_id", valid: f.northStaff.id.description),
                Case(
                    method: .PATCH, path: "/api/v1/staff/\(f.northStaff.id)", body: #"{"home_location_id": "$FIELD"}"#,
                    field: "home_location_id", valid: f.north.id.description),
                Case(
                    method: .PATCH, path: "/api/v1/settings/service",
                    body: #"{"locations": [{"location_id": "$FIELD", "follow_up_days": [1, 7]}]}"#,
                    field: "locations.0.location_id", valid: f.north.id.description),
                Case(
                    method: .POST, path: "/api/v1/staff",
                    body:
                        #"{"name": "Пётр", "email": "petr@test.earned", "role": "staff", "home_location_id": "$FIELD", "password": "long enough password"}"#,
                    field: "home_location_id", valid: f.north.id.description),
                Case(
                    method: .POST, path: "/api/v1/promises",
                    body: #"{"customer_id": "$FIELD", "kind": "callback", "text": "Перезвонить", "due_at": "\#(due)"}"#,
                    field: "customer_id", valid: anna.id.description),
                Case(
                    method: .POST, path: "/api/v1/promises",
                    body:
                        #"{"customer_id": "\#(anna.id)", "kind": "callback", "text": "Перезвонить", "due_at": "\#(due)", "location_id": "$FIELD"}"#,
                    field: "location_id", valid: f.north.id.description),
                Case(
                    method: .POST, path: "/api/v1/promises",
                    body:
                        #"{"customer_id": "\#(anna.id)", "kind": "callback", "text": "Перезвонить", "due_at": "\#(due)", "owner_id": "$FIELD"}"#,
                    field: "owner_id", valid: f.northStaff.id.description),
                Case(
                    method: .POST, path: "/api/v1/promises",
                    body:
                        #"{"customer_id": "\#(anna.id)", "kind": "delivery", "text": "Доставка", "due_at": "\#(due)", "link_kind": "order", "link_id": "$FIELD"}"#,
                    field: "link_id", valid: order.id.description),
                Case(
                    method: .POST, path: "/api/v1/cases",
                    body: #"{"customer_id": "$FIELD", "title": "Жалоба", "department": "sales"}"#,
                    field: "customer_id", valid: anna.id.description),
                Case(
                    method: .POST, path: "/api/v1/cases",
                    body:
                        #"{"customer_id": "\#(anna.id)", "title": "Жалоба", "department": "sales", "location_id": "$FIELD"}"#,
                    field: "location_id", valid: f.north.id.description),
                Case(
                    method: .POST, path: "/api/v1/cases",
                    body:
                        #"{"customer_id": "\#(anna.id)", "title": "Жалоба", "department": "sales", "link_id": "$FIELD"}"#,
                    field: "link_id", valid: order.id.description),
                Case(
                    method: .POST, path: "/api/v1/cases/\(serviceCase.id)/actions",
                    body: #"{"action": "transfer", "staff_id": "$FIELD", "reason": "нужна замена"}"#,
                    field: "staff_id", valid: f.manager.id.description),
                Case(
                    method: .POST, path: "/api/v1/contacts",
                    body: #"{"channel": "call", "subject": "Вопрос", "customer_id": "$FIELD"}"#,
                    field: "customer_id", valid: anna.id.description),
                Case(
                    method: .POST, path: "/api/v1/contacts",
                    body:
                        #"{"channel": "call", "subject": "Вопрос", "customer_id": "\#(anna.id)", "location_id": "$FIELD"}"#,
                    field: "location_id", valid: f.north.id.description),
                Case(
                    method: .POST, path: "/api/v1/customers/\(anna.id)/referrals",
                    body: #"{"referred_id": "$FIELD"}"#, field: "referred_id", valid: boris.id.description),
                Case(
                    method: .POST, path: "/api/v1/customers/\(anna.id)/referrals",
                    body: #"{"referred_id": "\#(clara.id)", "order_id": "$FIELD"}"#, field: "order_id",
                    valid: order.id.description),
                Case(
                    method: .POST, path: "/api/v1/incidents",
                    body:
                        #"{"title": "Брак", "found_at": "\#(found)", "location_id": "$FIELD", "scope": {"kind": "customers", "customer_ids": ["\#(anna.id)"]}}"#,
                    field: "location_id", valid: f.north.id.description),
                Case(
                    method: .POST, path: "/api/v1/incidents",
                    body:
                        #"{"title": "Брак", "found_at": "\#(found)", "scope": {"kind": "location", "location_id": "$FIELD"}}"#,
                    field: "scope.location_id", valid: f.north.id.description),
                Case(
                    method: .POST, path: "/api/v1/incidents",
                    body:
                        #"{"title": "Брак", "found_at": "\#(found)", "scope": {"kind": "customers", "customer_ids": ["$FIELD"]}}"#,
                    field: "scope.customer_ids.0", valid: anna.id.description),
            ]
            for item in cases {
                let before = try await rowCounts(app)
                let body = item.body.replacingOccurrences(of: "$home", with: "$FIELD")
                    .replacingOccurrences(of: "$owner", with: f.northStaff.id.description)
                    .replacingOccurrences(of: "$FIELD", with: UUID().uuidString)
                let response = try await app.send(item.method, item.path, token: token, json: body)
                #expect(response.status == .unprocessableEntity, "\(item.path) \(item.field): \(response.text)")
                #expect(response.problemFields.contains(item.field), "\(item.path): \(response.text)")
                #expect(try await rowCounts(app) == before, "\(item.path) \(item.field) wrote something")
                // The same body with a real id goes through, so the 422 was for the id.
                guard !item.valid.isEmpty else { continue }
                let good = item.body.replacingOccurrences(of: "$home", with: "$FIELD")
                    .replacingOccurrences(of: "$owner", with: f.northStaff.id.description)
                    .replacingOccurrences(of: "$FIELD", with: item.valid)
                let accepted = try await app.send(item.method, item.path, token: token, json: good)
                #expect(accepted.status.code < 300, "\(item.path) \(item.field) with a real id: \(accepted.text)")
            }
        }
    }

    @Test("an incident's dates reach at most two years back and not past when it was found")
    func incidentRangeBounded() async throws {
        try await withEarnedApp { app, f in
            let found = APIDates.format(testNow - 600)
            let response = try await app.send(
                .POST, "/api/v1/incidents", token: f.token(f.owner),
                json:
                    #"{"title": "Брак", "found_at": "\#(found)", "scope": {"kind": "date_range", "from": "2020-01-01T00:00:00Z", "to": "5060-01-01T00:00:00Z"}}"#
            )
            #expect(response.status == .unprocessableEntity)
            #expect(Set(response.problemFields) == ["scope.from", "scope.to"])
            #expect(try await app.count("incidents") == 0)
        }
    }
}

@Suite("One visibility rule for lists and detail pages")
struct VisibilityTests {

    /// Work that crosses locations: customers homed in one place, served in another.
    static func crossLocationWork(_ app: Application, _ f: Fixture) async throws {
        let customers = CustomerRepository(db: app.db)
        let northern = try await customers.create(
            CustomerDraft(name: "Северянка", homeLocationID: f.north.id), actor: f.owner, now: testNow)
        let southern = try await customers.create(
            CustomerDraft(name: "Южанин", homeLocationID: f.south.id), actor: f.owner, now: testNow)
        let orders = OrderRepository(db: app.db)
        _ = try await orders.create(
            OrderDraft(
                customerID: southern.id, sellerID: f.northStaff.id, locationID: f.north.id, amountMinorUnits: 900),
            actor: f.owner, now: testNow)
        _ = try await orders.create(
            OrderDraft(
                customerID: northern.id, sellerID: f.southStaff.id, locationID: f.south.id, amountMinorUnits: 700),
            actor: f.owner, now: testNow)
        for (customer, location, owner) in [
            (southern, f.north, f.northStaff), (northern, f.south, f.southStaff), (southern, f.south, f.southStaff),
        ] {
            _ = try await PromiseRepository(db: app.db).create(
                PromiseDraft(
                    customerID: customer.id, kind: .callback, text: "Перезвонить", ownerID: owner.id,
                    locationID: location.id, dueAt: testNow + 3600), actor: f.owner, now: testNow)
            _ = try await CaseRepository(db: app.db).open(
                ServiceCaseDraft(
                    customerID: customer.id, locationID: location.id, title: "Жалоба", ownerID: owner.id,
                    department: "sales"), actor: f.owner, now: testNow)
            _ = try await ContactRepository(db: app.db).create(
                InboundContactDraft(
                    channel: .call, customerID: customer.id, locationID: location.id, receivedAt: testNow - 600,
                    subject: "Звонок", ownerID: owner.id), actor: f.owner, now: testNow)
        }
        _ = try await IncidentRepository(db: app.db).record(
            IncidentDraft(
                title: "Брак партии", foundAt: testNow - 600, locationID: f.north.id,
                scope: .customers(ids: [northern.id, southern.id])), actor: f.owner, now: testNow)
    }

    @Test("every row of every list page opens for the same person: owner, manager and staff of two locations")
    func pagesOpen() async throws {
        try await withEarnedApp { app, f in
            try await Self.crossLocationWork(app, f)
            let lists = [
                "/today", "/today?view=team", "/promises", "/promises?filter=all", "/cases", "/cases?status=all",
                "/contacts", "/customers", "/orders", "/incidents", "/surveys/invitations",
            ]
            for person in [f.owner, f.manager, f.northStaff, f.southStaff] {
                let cookie = try await app.session(for: person).cookie
                var opened = 0
                for list in lists {
                    let page = try await app.send(.GET, list, cookie: cookie)
                    guard page.status == .ok else { continue }
                    let detailLink = /href="\/((?:customers|promises|cases|contacts|incidents)\/[0-9a-fA-F-]{36})"/
                    for match in page.text.matches(of: detailLink) {
                        let detail = try await app.send(.GET, "/" + match.1, cookie: cookie)
                        #expect(detail.status == .ok, "\(person.email): \(list) links to /\(match.1): \(detail.status)")
                        opened += 1
                    }
                }
                #expect(opened > 0, "\(person.email) saw no rows at all")
            }
        }
    }

    @Test("every item of every list endpoint opens for the same token, and so does its customer")
    func apiOpens() async throws {
        try await withEarnedApp { app, f in
            try await Self.crossLocationWork(app, f)
            let lists: [(path: String, detail: String?)] = [
                ("/api/v1/customers", "customers"), ("/api/v1/orders", "orders"), ("/api/v1/promises", "promises"),
                ("/api/v1/cases?status=all", "cases"), ("/api/v1/contacts", "contacts"), ("/api/v1/tasks", nil),
                ("/api/v1/tasks?view=team", nil), ("/api/v1/incidents", "incidents"),
                ("/api/v1/survey-invitations", nil), ("/api/v1/survey-answers", nil),
            ]
            for person in [f.owner, f.manager, f.northStaff, f.southStaff] {
                let token = f.token(person)
                var opened = 0
                for (path, detail) in lists {
                    let response = try await app.send(.GET, path, token: token)
                    // Survey lists are for managers and owners.
                    if response.status == .forbidden, path.contains("survey"), person.role == .staff { continue }
                    #expect(response.status == .ok, "\(path)")
                    let parsed = try JSONSerialization.jsonObject(with: Data(response.text.utf8))
                    let items =
                        (parsed as? [[String: Any]]) ?? ((parsed as? [String: Any])?["items"] as? [[String: Any]]) ?? []
                    for item in items {
                        if let detail, let id = item["id"] as? String {
                            let one = try await app.send(.GET, "/api/v1/\(detail)/\(id)", token: token)
                            #expect(
                                one.status == .ok, "\(person.email): \(path) lists \(id), which answers \(one.status)")
                            opened += 1
                        }
                        if let customer = item["customer_id"] as? String {
                            let one = try await app.send(.GET, "/api/v1/customers/\(customer)", token: token)
                            #expect(
                                one.status == .ok,
                                "\(person.email): \(path) names customer \(customer), who answers \(one.status)")
                            opened += 1
                        }
                    }
                }
                #expect(opened > 0, "\(person.email) saw no items at all")
            }
        }
    }
}

@Suite("Every answer documented, in plain words")
struct DocumentedAnswerTests {
    @Test("each operation has a readable, unique operationId, a tag, and lists every status the server gives")
    func operationsNamed() async throws {
        let paths = try #require(
            (try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])?["paths"]
                as? [String: [String: [String: Any]]])
        var ids: [String] = []
        for (path, methods) in paths {
            for (method, operation) in methods {
                let id = try #require(operation["operationId"] as? String)
                #expect(id.wholeMatch(of: /[a-z][A-Za-z]+/) != nil, "\(method) \(path): \(id)")
                ids.append(id)
                #expect((operation["tags"] as? [String])?.count == 1)
                let responses = try #require(operation["responses"] as? [String: Any])
                var expected: Set<String> = ["400", "401", "403", "404", "409", "422", "429"]
                if method != "get" { expected.formUnion(["413", "415"]) }
                #expect(expected.isSubset(of: Set(responses.keys)), "\(method) \(path)")
            }
        }
        #expect(Set(ids).count == ids.count, "duplicate operationIds")
        #expect(ids.contains("listCustomers") && ids.contains("createCustomerNote") && ids.contains("mergeCustomer"))
        #expect(ids.contains("getCustomer") && ids.contains("updateOrder") && ids.contains("listWebhookDeliveries"))
    }

    @Test("a wrong value is described in the document's words, never the decoder's")
    func decoderWordsStayInside() async throws {
        try await withEarnedApp { app, f in
            let token = f.token(f.owner)
            let customer = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "Анна", homeLocationID: f.north.id), actor: f.owner, now: testNow)
            let alien = try await app.send(
                .POST, "/api/v1/promises", token: token,
                json: #"{"customer_id": "\#(customer.id)", "kind": "alien", "due_at": "2026-11-20T10:00:00Z"}"#)
            #expect(alien.status == .unprocessableEntity && alien.problemFields == ["kind"])
            #expect(alien.text.contains("callback") && !alien.text.contains("Cannot initialize"), "\(alien.text)")
            let fraction = try await app.send(
                .POST, "/api/v1/orders", token: token,
                json: #"{"customer_id": "\#(customer.id)", "amount_minor_units": 10.5}"#)
            #expect(fraction.status == .unprocessableEntity, "\(fraction.text)")
            #expect(fraction.problemFields == ["amount_minor_units"])
            #expect(fraction.text.contains("a whole number") && !fraction.text.contains("not valid JSON"))
            let noType = try await app.send(
                .POST, "/api/v1/customers", token: token, rawBody: #"{"name": "Без типа"}"#)
            #expect(noType.status == .unsupportedMediaType && noType.isProblem)
            #expect(noType.text.contains("Content-Type") && !noType.text.contains("decode"), "\(noType.text)")
            #expect(try await app.count("customers") == 1)
        }
    }
}

@Suite("A customer's data on request")
struct CustomerDataExportTests {
    @Test("everything held about a customer comes as one JSON file, from the page and the API, and is audited")
    func export() async throws {
        try await withEarnedApp { app, f in
            let person = MergeEraseTests.Person(
                name: "Зинаида Выгрузкина", phone: "+79991112233", email: "zina.export@example.ru",
                externalID: "EXT-EXPORT")
            let id = try await MergeEraseTests.customerWithEverything(person, app, f)
            let api = try await app.send(.GET, "/api/v1/customers/\(id)/export", token: f.token(f.manager))
            #expect(api.status == .ok)
            #expect(api.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [String: Any])
            let documented = Set(
                (OpenAPIDocument.schemas["CustomerDataExport"]?["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
            // "scores" is there once a score run has scored the customer.
            #expect(Set(document.keys).isSubset(of: documented))
            #expect(documented.subtracting(["scores"]).isSubset(of: Set(document.keys)))
            #expect((document["customer"] as? [String: Any])?["name"] as? String == person.name)
            for list in [
                "notes", "orders", "promises", "cases", "inbound_contacts", "tasks", "survey_answers",
                "referrals_given",
                "touches", "incident_outreach",
            ] {
                #expect(((document[list] as? [Any])?.count ?? 0) >= 1, "\(list) is empty")
            }
            #expect(api.text.contains(person.phone) && api.text.contains("Перезвонить"))
            let cookie = try await app.session(for: f.owner).cookie
            let page = try await app.send(.GET, "/customers/\(id)", cookie: cookie)
            #expect(page.text.contains("/customers/\(id.rawValue.uuidString.lowercased())/export"))
            let download = try await app.send(
                .GET, "/customers/\(id.rawValue.uuidString.lowercased())/export", cookie: cookie)
            #expect(download.status == .ok && download.text.contains(person.email))
            let sql = try app.db.sql
            let audited = try await sql.select().column("entity_id").from("audit_log")
                .where("action", .equal, "exported").all()
            #expect(audited.count == 2)
            // Staff may not take a customer's whole file; nobody may take one they cannot see.
            let staff = try await app.send(.GET, "/api/v1/customers/\(id)/export", token: f.token(f.northStaff))
            #expect(staff.status == .forbidden)
            let unknown = try await app.send(.GET, "/api/v1/customers/\(UUID())/export", token: f.token(f.owner))
            #expect(unknown.status == .notFound)
        }
    }
}

@Suite("NUL in any text field of any operation")
struct EveryTextFieldTests {
    @Test("every string field of every request body in the document: a NUL answers 422 naming it, nothing written")
    func everyField() async throws {
        try await withEarnedApp { app, f in
            let customer = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "Анна", homeLocationID: f.north.id), actor: f.owner, now: testNow)
            let schemas = OpenAPIDocument.schemas
            let all = OpenAPIDocument.allOperations
            let before = try await rowCounts(app)
            var tried = 0
            for op in all {
                guard let request = op.request,
                    let properties = OpenAPIDocument.resolved(schemas[request] ?? [:])["properties"]
                        as? [String: [String: Any]]
                else { continue }
                let path = op.path.replacingOccurrences(of: "{id}", with: customer.id.description)
                for (name, schema) in properties.sorted(by: { $0.key < $1.key }) {
                    let types = (schema["type"] as? [String]) ?? [(schema["type"] as? String) ?? ""]
                    guard types.contains("string") else { continue }
                    let body = #"{"\#(name)": "before\u0000after"}"#
                    let response = try await app.send(
                        HTTPMethod(rawValue: op.method.uppercased()), path, token: f.token(f.owner), json: body)
                    #expect(
                        response.status == .unprocessableEntity, "\(op.method) \(op.path) \(name): \(response.status)")
                    #expect(response.problemFields == [name], "\(op.method) \(op.path) \(name)")
                    tried += 1
                }
            }
            #expect(tried > 50)
            #expect(try await rowCounts(app) == before)
        }
    }
}

@Suite("Security tables hold what is live")
struct SecuritySweepTests {
    @Test(
        "a scheduler pass removes expired sessions, old failures, idempotency keys and rate windows, and keeps live ones"
    )
    func sweep() async throws {
        try await withEarnedApp { app, f in
            let security = SecurityStore(db: app.db)
            let minute = Int64((testNow.timeIntervalSince1970 / 60).rounded(.down))
            try await security.createSession(
                tokenHash: "expired", staffID: f.owner.id, csrfToken: "c", now: testNow - 7200, lifetime: 3600)
            try await security.createSession(
                tokenHash: "live", staffID: f.owner.id, csrfToken: "c", now: testNow, lifetime: 3600)
            try await security.recordFailure(key: "email:old@x.ru", now: testNow - 2 * 86_400)
            try await security.recordFailure(key: "email:new@x.ru", now: testNow)
            _ = try await security.claim(
                owner: f.owner.id.rawValue, key: "old", requestHash: "h", now: testNow - 2 * 86_400, lease: 60)
            _ = try await security.claim(
                owner: f.owner.id.rawValue, key: "new", requestHash: "h", now: testNow, lease: 60)
            let accounts = AccountStore(db: app.db)
            _ = try await accounts.countRequest(key: "old-token", window: minute - 10)
            _ = try await accounts.countRequest(key: "live-token", window: minute)
            _ = try await Tick(app: app).run(now: testNow)
            #expect(try await app.count("sessions") == 1)
            #expect(try await app.count("sign_in_failures") == 1)
            #expect(try await app.count("idempotency_keys") == 1)
            #expect(try await app.count("api_rate_windows") == 1)
        }
    }
}
