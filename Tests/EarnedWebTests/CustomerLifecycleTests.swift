import EarnedDomain
import EarnedFormats
import FluentKit
import Foundation
import SQLKit
import Testing
import Vapor

@testable import EarnedStore
@testable import EarnedWeb

@Suite("Merge and erasure")
struct CustomerLifecycleTests {
    @Test("a merge keeps every order, note, contact and date of both customers")
    func mergeKeepsEverything() async throws {
        try await withEarnedApp { app, f in
            let repo = CustomerRepository(db: app.db)
            let orders = OrderRepository(db: app.db)
            let a = try await repo.create(
                CustomerDraft(
                    name: "Анна Смирнова", phones: ["+79161112233"],
                    dates: [CustomerDate(kind: .birthday, date: LocalDate(year: 1985, month: 3, day: 15))],
                    homeLocationID: f.north.id, externalID: "A"), actor: f.owner, now: testNow)
            let b = try await repo.create(
                CustomerDraft(
                    name: "Смирнова А.", emails: ["anna@example.ru"],
                    dates: [
                        CustomerDate(
                            kind: .anniversary, date: LocalDate(year: 2020, month: 6, day: 1), label: "свадьба")
                    ], homeLocationID: f.north.id, externalID: "B"), actor: f.owner, now: testNow)
            for (customer, amount) in [(a, 100), (a, 200), (b, 300), (b, 400), (b, 500)] {
                _ = try await orders.create(
                    OrderDraft(customerID: customer.id, amountMinorUnits: Int64(amount)), actor: f.owner, now: testNow)
            }
            _ = try await repo.addNote(to: a.id, text: "любит капучино", actor: f.owner, now: testNow)
            _ = try await repo.addNote(to: b.id, text: "просила звонить после 18", actor: f.owner, now: testNow)
            let response = try await app.send(
                .POST, "/api/v1/customers/\(a.id)/merge", token: f.token(f.manager),
                json: #"{"duplicate_id": "\#(b.id)"}"#)
            #expect(response.status == .ok, "\(response.text)")
            let merged = try await repo.get(a.id, actor: f.owner)
            #expect(Set(merged.phones) == ["+79161112233"])
            #expect(merged.emails == ["anna@example.ru"])
            #expect(merged.dates.count == 2)
            let all = try await orders.list(OrderQuery(customerID: a.id), actor: f.owner).items
            #expect(all.map(\.amount.minorUnits).sorted() == [100, 200, 300, 400, 500])
            #expect(try await repo.notes(of: a.id, actor: f.owner).count == 2)
            // The absorbed id leads to the survivor; lists show one customer.
            #expect(try await repo.get(b.id, actor: f.owner).id == a.id)
            #expect(try await repo.list(CustomerQuery(), actor: f.owner).items.map(\.id) == [a.id])
            // Re-importing the absorbed record's external id updates the survivor.
            let report = try await Importer(db: app.db).run(
                records: CSVRecordStream(data: Data("id,name\nB,Смирнова А.\n".utf8)), options: .init(kind: .customers),
                actor: f.owner, now: testNow)
            #expect(report.created == 0)
            #expect(try await app.count("customers") == 2)
        }
    }

    @Test("a customer cannot be merged into itself")
    func mergeSelf() async throws {
        try await withEarnedApp { app, f in
            let a = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "A", homeLocationID: f.north.id), actor: f.owner, now: testNow)
            let r = try await app.send(
                .POST, "/api/v1/customers/\(a.id)/merge", token: f.token(f.owner),
                json: #"{"duplicate_id": "\#(a.id)"}"#)
            #expect(r.status == .conflict)
        }
    }

    @Test("an erasure leaves no personal data in any table and keeps the anonymous orders")
    func erasure() async throws {
        try await withEarnedApp { app, f in
            let name = "Зинаида Уникальная"
            let phone = "+79998887766"
            let email = "zina.unique@example.ru"
            let note = "живёт на улице Секретной"
            let repo = CustomerRepository(db: app.db)
            let created = try await app.send(
                .POST, "/api/v1/customers", token: f.token(f.owner),
                json:
                    #"{"name": "\#(name)", "phones": ["\#(phone)"], "emails": ["\#(email)"], "home_location_id": "\#(f.north.id)", "external_id": "EXT-ZINA", "city": "Зеленоград", "address": "корпус 1408", "tags": ["вип"], "dates": [{"kind": "birthday", "date": "1970-01-02"}], "consents": [{"channel": "sms", "given": true, "at": "2026-01-01T00:00:00Z", "source": "анкета"}]}"#,
                headers: ["Idempotency-Key": "zina-1"])
            let id = try #require(CustomerID(string: try created.json()["id"] as! String))
            let duplicate = try await repo.create(
                CustomerDraft(
                    name: name + " (дубль)", emails: ["zina2@example.ru"], homeLocationID: f.north.id,
                    externalID: "EXT-ZINA-2"), actor: f.owner, now: testNow)
            _ = try await repo.merge(survivor: id, absorbed: duplicate.id, actor: f.owner, now: testNow)
            _ = try await repo.addNote(to: id, text: note, actor: f.owner, now: testNow)
            _ = try await repo.update(id, CustomerDraft(name: name + "!"), actor: f.owner, now: testNow)
            _ = try await OrderRepository(db: app.db).create(
                OrderDraft(customerID: id, amountMinorUnits: 5000), actor: f.owner, now: testNow)
            let erased = try await app.send(.POST, "/api/v1/customers/\(id)/erase", token: f.token(f.owner))
            #expect(erased.status == .noContent)
            let needles = [
                name, "Зинаида", phone, "9998887766", email, "zina2@example.ru", note, "EXT-ZINA", "анкета", "1970",
                "Зеленоград", "корпус 1408",
            ]
            let leaks = try await PersonalDataScan.find(needles, in: app.db)
            #expect(leaks.isEmpty, "\(leaks)")
            #expect(try await app.count("orders") == 1)
            let customer = try await repo.get(id, actor: f.owner)
            #expect(customer.erasedAt != nil)
            let page = try await app.send(.GET, "/customers/\(id)", cookie: try await app.session(for: f.owner).cookie)
            #expect(page.status == .ok)
            #expect(!page.text.contains("Зинаида"))
        }
    }
}

/// Reads every text column of every table, looking for any of the given strings.
enum PersonalDataScan {
    static func find(_ needles: [String], in db: any Database) async throws -> [String] {
        let sql = try db.sql
        let tables: [String]
        if sql.dialect.name == "sqlite" {
            tables = try await sql.raw(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).all()
                .map { try $0.decode(column: "name", as: String.self) }
        } else {
            tables = try await sql.raw(
                "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
            ).all()
                .map { try $0.decode(column: "name", as: String.self) }
        }
        var leaks: [String] = []
        for table in tables {
            for row in try await sql.raw("SELECT * FROM \(ident: table)").all() {
                // Random hex (token hashes, secrets, ids) may hold any run of digits by chance.
                for column in row.allColumns
                where !["_hash", "secret", "prefix", "csrf_token"].contains(where: column.hasSuffix) {
                    guard let text = try? row.decode(column: column, as: String.self), UUID(uuidString: text) == nil
                    else { continue }
                    // So may a digest in a column named otherwise (the rate limit's key is a token's SHA-256).
                    if text.count >= 32, text.allSatisfy(\.isHexDigit) { continue }
                    // A number is a timestamp or a count: only the whole number itself (a birth year) is a leak,
                    // or a timestamp such as 1795381970.25 would "hold" 1970 by chance.
                    let isNumber = Double(text) != nil
                    for needle in needles
                    where isNumber ? text == needle : text.localizedCaseInsensitiveContains(needle) {
                        leaks.append("\(table).\(column) holds \(needle)")
                    }
                }
            }
        }
        return leaks
    }
}

@Suite("Customer page forms")
struct CustomerPageFormTests {
    @Test("a refused merge, erase or note is shown in its own form, and nothing changes")
    func refusedFormsShowTheirReason() async throws {
        try await withEarnedApp { app, f in
            let customer = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "Анна", homeLocationID: f.north.id), actor: f.owner, now: testNow)
            let session = try await app.session(for: f.manager)
            let path = "/customers/\(customer.id)"
            let merge = try await app.send(
                .POST, path + "/merge", cookie: session.cookie, form: ["_csrf": session.csrf, "duplicate": "nonsense"])
            #expect(merge.status == .unprocessableEntity)
            #expect(merge.text.contains("<details class=\"card danger-zone\" open>"))
            #expect(merge.text.contains("role=\"alert\""))
            let erase = try await app.send(
                .POST, path + "/erase", cookie: session.cookie, form: ["_csrf": session.csrf, "confirm": "нет"])
            #expect(erase.status == .unprocessableEntity)
            #expect(erase.text.contains("role=\"alert\">Введите «СТЕРЕТЬ» для подтверждения</div>"))
            let note = try await app.send(
                .POST, path + "/notes", cookie: session.cookie, form: ["_csrf": session.csrf, "text": "  "])
            #expect(note.status == .unprocessableEntity)
            #expect(note.text.contains("role=\"alert\">Заполните это поле.</div>"))
            #expect(try await app.count("customer_notes") == 0)
            #expect(try await CustomerRepository(db: app.db).get(customer.id, actor: f.owner).erasedAt == nil)
        }
    }
}
