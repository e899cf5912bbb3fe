import EarnedDomain
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

/// One way to send bad input to one endpoint.
struct BadInput: Sendable, CustomStringConvertible {
    var method: HTTPMethod
    /// "{customer}", "{order}", "{location}", "{staff}" are replaced by real ids; "{unknown}" by a random one.
    var path: String
    var body: String?
    var status: HTTPResponseStatus
    /// A field the problem must name, when there is one.
    var field: String?

    var description: String { "\(method) \(path) \(body?.prefix(40) ?? "")" }
}

@Suite("JSON API")
struct APITests {
    static let long = String(repeating: "я", count: 5000)

    static let badInputs: [BadInput] = {
        var cases: [BadInput] = []
        let writes: [(HTTPMethod, String, field: String, wrong: String)] = [
            (.POST, "/api/v1/customers", "name", #"{"name": 42}"#),
            (.PATCH, "/api/v1/customers/{customer}", "name", #"{"name": ["x"]}"#),
            (.POST, "/api/v1/customers/{customer}/notes", "text", #"{"text": true}"#),
            (.POST, "/api/v1/customers/{customer}/merge", "duplicate_id", #"{"duplicate_id": 7}"#),
            (
                .POST, "/api/v1/orders", "amount_minor_units",
                #"{"customer_id": "{customer}", "amount_minor_units": "lots"}"#
            ),
            (.PATCH, "/api/v1/orders/{order}", "placed_at", #"{"placed_at": "yesterday"}"#),
            (.POST, "/api/v1/locations", "time_zone", #"{"name": "X", "time_zone": 3}"#),
            (.PATCH, "/api/v1/locations/{location}", "hours", #"{"hours": "always"}"#),
            (
                .POST, "/api/v1/staff", "role",
                #"{"name": "X", "email": "x@y.z", "role": "king", "password": "long enough pw"}"#
            ),
            (.PATCH, "/api/v1/staff/{staff}", "is_active", #"{"is_active": "maybe"}"#),
        ]
        for (method, path, field, wrong) in writes {
            cases.append(BadInput(method: method, path: path, body: #"{"name": "#, status: .badRequest))
            cases.append(BadInput(method: method, path: path, body: wrong, status: .unprocessableEntity, field: field))
        }
        // Missing required fields.
        cases += [
            BadInput(method: .POST, path: "/api/v1/customers", body: "{}", status: .unprocessableEntity, field: "name"),
            BadInput(
                method: .POST, path: "/api/v1/orders", body: "{}", status: .unprocessableEntity, field: "customer_id"),
            BadInput(
                method: .POST, path: "/api/v1/locations", body: #"{"name": "X"}"#, status: .unprocessableEntity,
                field: "time_zone"),
            BadInput(
                method: .POST, path: "/api/v1/staff", body: #"{"name": "X"}"#, status: .unprocessableEntity,
                field: "email"),
            BadInput(
                method: .POST, path: "/api/v1/customers/{customer}/notes", body: "{}", status: .unprocessableEntity,
                field: "text"),
            BadInput(
                method: .POST, path: "/api/v1/customers/{customer}/merge", body: "{}", status: .unprocessableEntity,
                field: "duplicate_id"),
        ]
        // Over-long strings.
        cases += [
            BadInput(
                method: .POST, path: "/api/v1/customers", body: #"{"name": "\#(long)"}"#, status: .unprocessableEntity,
                field: "name"),
            BadInput(
                method: .PATCH, path: "/api/v1/customers/{customer}", body: #"{"tags": ["\#(long)"]}"#,
                status: .unprocessableEntity, field: "tags.0"),
            BadInput(
                method: .POST, path: "/api/v1/customers/{customer}/notes", body: #"{"text": "\#(long)"}"#,
                status: .unprocessableEntity, field: "text"),
            BadInput(
                method: .POST, path: "/api/v1/orders",
                body: #"{"customer_id": "{customer}", "amount_minor_units": 1, "items_summary": "\#(long)"}"#,
                status: .unprocessableEntity, field: "items_summary"),
            BadInput(
                method: .PATCH, path: "/api/v1/orders/{order}", body: #"{"external_id": "\#(long)"}"#,
                status: .unprocessableEntity, field: "external_id"),
            BadInput(
                method: .POST, path: "/api/v1/locations", body: #"{"name": "\#(long)", "time_zone": "Europe/Moscow"}"#,
                status: .unprocessableEntity, field: "name"),
            BadInput(
                method: .PATCH, path: "/api/v1/locations/{location}", body: #"{"name": "\#(long)"}"#,
                status: .unprocessableEntity, field: "name"),
            BadInput(
                method: .POST, path: "/api/v1/staff",
                body: #"{"name": "\#(long)", "email": "a@b.c", "password": "long enough pw", "role": "owner"}"#,
                status: .unprocessableEntity, field: "name"),
            BadInput(
                method: .PATCH, path: "/api/v1/staff/{staff}", body: #"{"department": "\#(long)"}"#,
                status: .unprocessableEntity, field: "department"),
        ]
        // Values of the right type that the rules refuse.
        cases += [
            BadInput(
                method: .POST, path: "/api/v1/customers",
                body: #"{"name": "A", "emails": ["not-an-email"], "phones": ["call me"]}"#,
                status: .unprocessableEntity, field: "emails.0"),
            BadInput(
                method: .POST, path: "/api/v1/orders",
                body: #"{"customer_id": "{customer}", "amount_minor_units": -5}"#, status: .unprocessableEntity,
                field: "amount_minor_units"),
            BadInput(
                method: .POST, path: "/api/v1/locations", body: #"{"name": "X", "time_zone": "Mars/Olympus"}"#,
                status: .unprocessableEntity, field: "time_zone"),
        ]
        // Unknown ids and references.
        cases += [
            BadInput(method: .GET, path: "/api/v1/customers/{unknown}", status: .notFound),
            BadInput(method: .PATCH, path: "/api/v1/customers/{unknown}", body: #"{"name": "X"}"#, status: .notFound),
            BadInput(method: .POST, path: "/api/v1/customers/{unknown}/erase", status: .notFound),
            BadInput(method: .GET, path: "/api/v1/customers/{unknown}/notes", status: .notFound),
            BadInput(
                method: .POST, path: "/api/v1/customers/{customer}/merge", body: #"{"duplicate_id": "{unknown}"}"#,
                status: .unprocessableEntity),
            BadInput(method: .GET, path: "/api/v1/customers/not-a-uuid", status: .notFound),
            BadInput(method: .GET, path: "/api/v1/orders/{unknown}", status: .notFound),
            BadInput(method: .PATCH, path: "/api/v1/orders/{unknown}", body: "{}", status: .notFound),
            BadInput(method: .DELETE, path: "/api/v1/orders/{unknown}", status: .notFound),
            BadInput(
                method: .POST, path: "/api/v1/orders",
                body: #"{"customer_id": "{unknown}", "amount_minor_units": 100}"#, status: .unprocessableEntity,
                field: "customer_id"),
            BadInput(method: .GET, path: "/api/v1/locations/{unknown}", status: .notFound),
            BadInput(method: .PATCH, path: "/api/v1/locations/{unknown}", body: "{}", status: .notFound),
            BadInput(method: .GET, path: "/api/v1/staff/{unknown}", status: .notFound),
            BadInput(method: .PATCH, path: "/api/v1/staff/{unknown}", body: "{}", status: .notFound),
            BadInput(
                method: .POST, path: "/api/v1/customers", body: #"{"name": "A", "owner_id": "{unknown}"}"#,
                status: .unprocessableEntity, field: "owner_id"),
        ]
        // Bad query parameters.
        cases += [
            BadInput(method: .GET, path: "/api/v1/customers?limit=abc", status: .unprocessableEntity, field: "limit"),
            BadInput(
                method: .GET, path: "/api/v1/customers?limit=100000", status: .unprocessableEntity, field: "limit"),
            BadInput(
                method: .GET, path: "/api/v1/customers?cursor=%21%21", status: .unprocessableEntity, field: "cursor"),
            BadInput(
                method: .GET, path: "/api/v1/customers?location_id=nope", status: .unprocessableEntity,
                field: "location_id"),
            BadInput(method: .GET, path: "/api/v1/orders?from=soon", status: .unprocessableEntity, field: "from"),
            BadInput(
                method: .GET, path: "/api/v1/orders?customer_id=12", status: .unprocessableEntity, field: "customer_id"),
        ]
        return cases
    }()

    static let tables = [
        "customers", "customer_contacts", "customer_notes", "orders", "locations", "staff", "audit_log",
        "idempotency_keys",
    ]

    @Test("bad input is answered 4xx problem+json naming the field, and nothing is written", arguments: badInputs)
    func badInput(_ input: BadInput) async throws {
        try await withEarnedApp { app, f in
            let customer = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "Иван", homeLocationID: f.north.id), actor: f.owner, now: testNow)
            let order = try await OrderRepository(db: app.db).create(
                OrderDraft(customerID: customer.id, amountMinorUnits: 100_00), actor: f.owner, now: testNow)
            func fill(_ text: String) -> String {
                text.replacingOccurrences(of: "{customer}", with: customer.id.description)
                    .replacingOccurrences(of: "{order}", with: order.id.description)
                    .replacingOccurrences(of: "{location}", with: f.north.id.description)
                    .replacingOccurrences(of: "{staff}", with: f.northStaff.id.description)
                    .replacingOccurrences(of: "{unknown}", with: UUID().uuidString)
            }
            var before: [String: Int] = [:]
            for table in Self.tables { before[table] = try await app.count(table) }
            let response = try await app.send(
                input.method, fill(input.path), token: f.token(f.owner), json: input.body.map(fill))
            #expect(response.status == input.status, "\(response.text)")
            #expect(response.isProblem)
            let problem = try response.json()
            #expect(problem["status"] as? Int == Int(input.status.code))
            #expect(problem["title"] is String)
            if let field = input.field { #expect(response.problemFields.contains(field), "\(response.text)") }
            #expect(!response.text.localizedCaseInsensitiveContains("select "))
            for table in Self.tables { #expect(try await app.count(table) == before[table], "\(table) changed") }
        }
    }

    @Test("create, read, page and change customers through the API")
    func customersRoundTrip() async throws {
        try await withEarnedApp { app, f in
            let token = f.token(f.manager)
            for name in ["Борис", "Анна", "Вера"] {
                let r = try await app.send(
                    .POST, "/api/v1/customers", token: token,
                    json:
                        #"{"name": "\#(name)", "phones": ["8 (916) 555-0\#(name.count)-1\#(name.count)"], "dates": [{"kind": "birthday", "date": "1990-05-0\#(name.count)"}], "consents": [{"channel": "email", "given": true, "at": "2026-01-01T10:00:00Z", "source": "web form"}]}"#
                )
                #expect(r.status == .created, "\(r.text)")
                #expect(r.headers.first(name: .location)?.hasPrefix("/api/v1/customers/") == true)
            }
            let first = try await app.send(.GET, "/api/v1/customers?limit=2", token: token)
            let page = try first.json()
            let items = try #require(page["items"] as? [[String: Any]])
            #expect(items.map { $0["name"] as? String } == ["Анна", "Борис"])
            #expect((items[0]["phones"] as? [String]) == ["+79165550414"])
            let cursor = try #require(page["next_cursor"] as? String)
            let second = try await app.send(.GET, "/api/v1/customers?limit=2&cursor=\(cursor)", token: token).json()
            #expect((second["items"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Вера"])
            #expect(second["next_cursor"] is NSNull)
            // "вЕР": any case, Cyrillic.
            let search = try await app.send(.GET, "/api/v1/customers?q=%D0%B2%D0%95%D0%A0", token: token).json()
            #expect((search["items"] as? [[String: Any]])?.count == 1)
            let id = try #require(items[0]["id"] as? String)
            let patched = try await app.send(
                .PATCH, "/api/v1/customers/\(id)", token: token, json: #"{"tags": ["vip"]}"#)
            #expect(patched.status == .ok)
            #expect(try patched.json()["name"] as? String == "Анна")
            #expect(try patched.json()["tags"] as? [String] == ["vip"])
        }
    }

    @Test("a POST retried with the same Idempotency-Key creates one record and answers the same")
    func idempotency() async throws {
        try await withEarnedApp { app, f in
            let body = #"{"name": "Олег", "home_location_id": "\#(f.north.id)"}"#
            let headers: HTTPHeaders = ["Idempotency-Key": "abc-123"]
            let first = try await app.send(
                .POST, "/api/v1/customers", token: f.token(f.owner), json: body, headers: headers)
            let second = try await app.send(
                .POST, "/api/v1/customers", token: f.token(f.owner), json: body, headers: headers)
            #expect(first.status == .created)
            #expect(second.status == .created)
            #expect(try first.json()["id"] as? String == second.json()["id"] as? String)
            #expect(second.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(try await app.count("customers") == 1)
            let other = try await app.send(
                .POST, "/api/v1/customers", token: f.token(f.owner), json: #"{"name": "Другой"}"#, headers: headers)
            #expect(other.status == .conflict)
            #expect(try await app.count("customers") == 1)
        }
    }

    @Test("orders: record, list by customer, delete by a manager")
    func orders() async throws {
        try await withEarnedApp { app, f in
            let customer = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "Иван", homeLocationID: f.north.id), actor: f.owner, now: testNow)
            let created = try await app.send(
                .POST, "/api/v1/orders", token: f.token(f.northStaff),
                json:
                    #"{"customer_id": "\#(customer.id)", "amount_minor_units": 123450, "discount_minor_units": 1000, "placed_at": "2026-11-01T10:00:00Z", "promised_at": "2026-11-03T10:00:00Z"}"#
            )
            #expect(created.status == .created, "\(created.text)")
            let order = try created.json()
            #expect(order["seller_id"] as? String == f.northStaff.id.description)
            #expect(order["location_id"] as? String == f.north.id.description)
            #expect(order["currency"] as? String == "RUB")
            let list = try await app.send(
                .GET, "/api/v1/orders?customer_id=\(customer.id)", token: f.token(f.northStaff)
            ).json()
            #expect((list["items"] as? [[String: Any]])?.count == 1)
            let id = try #require(order["id"] as? String)
            #expect(
                try await app.send(.DELETE, "/api/v1/orders/\(id)", token: f.token(f.northStaff)).status == .forbidden)
            #expect(try await app.send(.DELETE, "/api/v1/orders/\(id)", token: f.token(f.manager)).status == .noContent)
            #expect(try await app.count("orders") == 0)
        }
    }
}
