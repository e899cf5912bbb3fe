import EarnedDomain
import EarnedFormats
import EarnedServices
import Foundation
import SQLKit
import Testing
import Vapor

@testable import EarnedStore
@testable import EarnedWeb

@Suite("CSV import")
struct ImportTests {
    func run(
        _ app: Application, _ text: String, kind: ImportKind, actor: Staff, partial: Bool = false,
        bytes: [UInt8]? = nil, overrides: [CSVColumnOverride] = []
    ) async throws -> ImportReport {
        let data = Data(bytes ?? Array(text.utf8))
        return try await ShopImport.run(
            records: CSVRecordStream(data: data),
            options: Importer.Options(
                kind: kind, overrides: overrides, partial: partial, timeZone: TimeZone(identifier: "Europe/Moscow")!),
            actor: actor, now: testNow, on: app.db)
    }

    static let customers = """
        Код;ФИО;Телефон;E-mail;Дата рождения;Точка
        C-1;Анна Смирнова;8 916 111-22-33;anna@example.ru;15.03.1985;Север
        C-2;Борис Петров;+7 (903) 444-55-66;;;Север
        C-3;"Кафе ""Ромашка"", ООО";;info@romashka.ru;;Север
        """

    @Test("all or nothing: one bad line writes nothing and is reported with its line and column")
    func allOrNothing() async throws {
        try await withEarnedApp { app, f in
            let text = Self.customers + "\nC-4;Вера;не телефон;vera@example.ru;31.02.1990;Север\n"
            let report = try await run(app, text, kind: .customers, actor: f.manager)
            #expect(report.rolledBack)
            #expect(report.problems.contains { $0.line == 5 && $0.column == "Телефон" }, "\(report.problems)")
            #expect(report.problems.contains { $0.line == 5 && $0.column == "Дата рождения" }, "\(report.problems)")
            #expect(try await app.count("customers") == 0)
            let partial = try await run(app, text, kind: .customers, actor: f.manager, partial: true)
            #expect(!partial.rolledBack)
            #expect(partial.created == 3)
            #expect(try await app.count("customers") == 3)
        }
    }

    @Test("importing the same file again changes nothing; a changed line updates its customer")
    func idempotent() async throws {
        try await withEarnedApp { app, f in
            let first = try await run(app, Self.customers, kind: .customers, actor: f.manager)
            #expect(first.created == 3)
            #expect(!first.rolledBack)
            let contacts = try await app.count("customer_contacts")
            let second = try await run(app, Self.customers, kind: .customers, actor: f.manager)
            #expect(second.created == 0)
            #expect(second.updated == 0)
            #expect(second.unchanged == 3)
            #expect(try await app.count("customers") == 3)
            #expect(try await app.count("customer_contacts") == contacts)
            let changed = Self.customers.replacingOccurrences(of: "Борис Петров", with: "Борис Петров-Водкин")
            let third = try await run(app, changed, kind: .customers, actor: f.manager)
            #expect(third.updated == 1)
            #expect(third.unchanged == 2)
            let list = try await CustomerRepository(db: app.db).list(CustomerQuery(search: "водкин"), actor: f.owner)
            #expect(list.items.map(\.name) == ["Борис Петров-Водкин"])
            #expect(list.items[0].phones == ["+79034445566"])
        }
    }

    @Test("orders from a Windows-1251 file with semicolons and decimal commas")
    func windows1251() async throws {
        try await withEarnedApp { app, f in
            _ = try await run(app, Self.customers, kind: .customers, actor: f.owner)
            let text = """
                Номер заказа;Код клиента;Дата;Сумма;Скидка;Товары
                A-1;C-1;01.11.2026 10:15;1 234,50;100,00;Капучино и круассан
                A-2;C-2;02.11.2026;99,9;;Чай «Эрл Грей»
                """
            let bytes = Windows1251.encode(text)
            #expect(String(data: Data(bytes), encoding: .utf8) == nil, "the fixture really is not UTF-8")
            let report = try await run(app, "", kind: .orders, actor: f.owner, bytes: bytes)
            #expect(report.problems == [])
            #expect(report.created == 2)
            #expect(report.encoding == "windows1251")
            let orders = try await OrderRepository(db: app.db).list(OrderQuery(), actor: f.owner).items
            let a1 = try #require(orders.first { $0.externalID == "A-1" })
            #expect(a1.amount.minorUnits == 123_450)
            #expect(a1.discountMinorUnits == 10_000)
            #expect(a1.itemsSummary == "Капучино и круассан")
            // 10:15 in Moscow is 07:15 UTC.
            #expect(a1.placedAt == ISO8601DateFormatter().date(from: "2026-11-01T07:15:00Z"))
            let a2 = try #require(orders.first { $0.externalID == "A-2" })
            #expect(a2.amount.minorUnits == 9_990)
            #expect(a2.itemsSummary == "Чай «Эрл Грей»")
            let again = try await run(app, "", kind: .orders, actor: f.owner, bytes: bytes)
            #expect(again.unchanged == 2)
            #expect(try await app.count("orders") == 2)
        }
    }

    @Test("new orders are written in the order they were placed, their ids increasing with it")
    func ordersWrittenInTimeOrder() async throws {
        try await withEarnedApp { app, f in
            _ = try await run(app, Self.customers, kind: .customers, actor: f.owner)
            let text = """
                external_id;customer_id;ordered_at;amount
                Z-1;C-1;03.11.2026 12:00;10
                Z-2;C-2;01.11.2026 09:00;20
                Z-3;C-1;02.11.2026 18:30;30
                Z-4;C-3;01.11.2026 08:00;40
                """
            let report = try await run(app, text, kind: .orders, actor: f.owner)
            #expect(report.problems == [])
            #expect(report.created == 4)
            let rows = try await (try app.db.sql).select().column("id").column("external_id")
                .from("orders").orderBy("placed_at").all()
            let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
            #expect(
                try rows.map { try $0.decode(column: "external_id", as: String.self) } == ["Z-4", "Z-2", "Z-3", "Z-1"])
            #expect(ids.map(\.uuidString) == ids.map(\.uuidString).sorted())
        }
    }

    @Test("bulk-written ids are the text Fluent writes for them")
    func bulkIDText() {
        for _ in 0..<1_000 {
            let id = UUID()
            #expect(BulkValue.upperHex(id) == id.uuidString)
        }
        #expect(
            BulkValue.upperHex(UUID(uuid: (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 255)))
                == "00010203-0405-0607-0809-0A0B0C0D0EFF")
    }

    @Test("a broken line is reported with its number: an unknown customer and an unterminated quote")
    func brokenLines() async throws {
        try await withEarnedApp { app, f in
            _ = try await run(app, Self.customers, kind: .customers, actor: f.owner)
            let unknown = "order id,customer id,date,total\nA-1,C-1,2026-11-01,10.00\nA-2,C-404,2026-11-01,5.00\n"
            let report = try await run(app, unknown, kind: .orders, actor: f.owner)
            #expect(report.rolledBack)
            #expect(report.problems.map(\.line) == [3])
            #expect(report.problems.first?.column == "customer_id")
            let quote = "order id,customer id,date,total\nA-1,C-1,2026-11-01,10.00\nA-2,\"C-2,2026-11-01,5.00\n"
            let broken = try await run(app, quote, kind: .orders, actor: f.owner)
            #expect(broken.rolledBack)
            #expect(broken.problems.first?.line == 3)
            #expect(try await app.count("orders") == 0)
        }
    }

    @Test("the upload page previews without writing, takes a column chosen by hand, and refuses a bad file whole")
    func uploadPage() async throws {
        try await withEarnedApp { app, f in
            let session = try await app.session(for: f.owner)
            let csv = "name,cell\nАнна,+7 916 000 00 01\n,oops\n"
            let (path, preview) = try await app.uploadForImport(Array(csv.utf8), kind: .customers, session: session)
            #expect(preview.status == .ok)
            // "cell" is not a known spelling: listed as not imported, never dropped silently.
            #expect(preview.text.contains("not recognised: not imported"))
            #expect(try await app.count("customers") == 0)
            let checked = try await app.decideImport(
                path, action: "check", choices: ["column.0": "name", "column.1": "phone"], session: session)
            #expect(checked.status == .ok)
            #expect(checked.text.contains(#"<option value="phone" selected>"#))
            #expect(checked.text.contains(">3<"), "the bad line is named")
            let refused = try await app.decideImport(
                path, action: "import", choices: ["column.0": "name", "column.1": "phone"], session: session)
            #expect(refused.status == .unprocessableEntity)
            #expect(try await app.count("customers") == 0)
            let twice = try await app.decideImport(
                path, action: "check", choices: ["column.0": "phone", "column.1": "phone"], session: session)
            #expect(twice.status == .unprocessableEntity)
            #expect(twice.text.contains("Two columns are chosen for one field"))
        }
    }

    @Test("the preview's progress: rows and percentage read for the uploader, nothing for anyone else")
    func progress() async throws {
        try await withEarnedApp { app, f in
            let session = try await app.session(for: f.owner)
            let csv = "name,phone\nАнна,+7 916 000 00 01\nБорис,+7 916 000 00 02\n"
            let (path, preview) = try await app.uploadForImport(Array(csv.utf8), kind: .customers, session: session)
            #expect(preview.text.contains(#"data-progress="\#(path)/progress""#))
            #expect(preview.text.contains(#"<script src="/static/import-progress.js" defer"#))
            let progress = try await app.send(
                .GET, path + "/progress", headers: ["Accept-Language": "en"], cookie: session.cookie)
            #expect(progress.status == .ok)
            let body = try JSONDecoder().decode([String: String].self, from: Data(progress.text.utf8))
            #expect(body["rows"] == "2" && body["percent"] == "100")
            #expect(body["text"]?.contains("2 rows read · 100 %") == true)
            let other = try await app.session(for: f.manager)
            #expect(try await app.send(.GET, path + "/progress", cookie: other.cookie).status == .notFound)
            #expect(try await app.send(.GET, path, cookie: other.cookie).status == .notFound)
            let script = try await app.send(.GET, "/static/import-progress.js")
            #expect(script.status == .ok && script.text.contains("data-progress"))
        }
    }

    @Test("the upload page says why a line was refused in the reader's language")
    func problemsInTheReadersLanguage() async throws {
        try await withEarnedApp { app, f in
            let session = try await app.session(for: f.owner)
            let csv =
                " Код ; ФИО ;Телефон;Дата рождения\nK1;Анна;+7 916 000 00 01;15.03.1985\nK1;Анна;;\nK2;;oops;вчера\n"
            func post(_ language: String) async throws -> String {
                let (path, preview) = try await app.uploadForImport(
                    Array(csv.utf8), kind: .customers, session: session, language: language)
                #expect(preview.status == .ok)
                let response = try await app.decideImport(path, action: "import", session: session, language: language)
                #expect(response.status == .unprocessableEntity)
                return response.text
            }
            let russian = try await post("ru-RU,ru;q=0.9")
            #expect(russian.contains("Не дата: «вчера»."))
            #expect(russian.contains("<dd>точка с запятой</dd>"), "the separator in words, in Russian")
            #expect(russian.contains("Тот же клиент, что в строке 2."))
            #expect(russian.contains("Заполните это поле."))
            #expect(russian.contains("Неверный формат: ожидается номер телефона, например +7 916 123-45-67"))
            #expect(!russian.contains("the same customer"), "no English reason on a Russian page")
            // Columns are named as the file names them, without their padding.
            #expect(russian.contains(#"data-label="Колонка">Дата рождения</td>"#))
            #expect(russian.contains(#"data-label="Колонка">ФИО</td>"#))
            let english = try await post("en")
            #expect(english.contains("Not a date: &#39;вчера&#39;."))
            #expect(english.contains("The same customer as line 2."))
            #expect(try await app.count("customers") == 0)
        }
    }
}

/// Windows-1251 encoding for test fixtures (the reader's table, inverted).
enum Windows1251 {
    static func encode(_ text: String) -> [UInt8] {
        var table: [Unicode.Scalar: UInt8] = [:]
        for byte in UInt8(0x80)...UInt8(0xFF) {
            if let scalar = TextDecoding.decodeWindows1251([byte]).unicodeScalars.first { table[scalar] = byte }
        }
        return text.unicodeScalars.map { $0.value < 0x80 ? UInt8($0.value) : (table[$0] ?? UInt8(ascii: "?")) }
    }
}
