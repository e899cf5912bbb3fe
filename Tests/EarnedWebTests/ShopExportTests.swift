import EarnedDomain
import EarnedFormats
import EarnedServices
import Foundation
import Testing
import Vapor

@testable import EarnedStore
@testable import EarnedWeb

/// A shop's own export, as 1C writes it: Russian headers, «Фамилия И.О.» sellers, local times,
/// decimal commas, no-break-space thousands, quoted line breaks, second cards of one person.
/// The same rows are written in Windows-1251 with `;` and in UTF-8 with `,`.
enum OneCExport {
    static let customerHeader = [
        "Код", "Наименование", "Телефон", "Электронная почта", "Дата рождения", "Город", "Адрес", "Магазин",
        "Согласие на рассылку", "Пол",
    ]
    static let customers = [
        [
            "000154", "Семёнова Анна Викторовна", "+7 (916) 123-45-67", "anna@mail.ru", "15.03.1985", "Санкт-Петербург",
            "Невский пр., д. 1; кв. 5", "Север", "да", "ж",
        ],
        [
            "000788", "Семенова Анна Викторовна", "8-916-1234567", "", "15.03.1985", "Санкт-Петербург", "", "Север",
            "нет",
            "ж",
        ],
        ["000201", "ООО «Ромашка»", "(812) 939-08-40", "info@romashka.ru", "", "Екатеринбург", "", "Юг", "", ""],
        ["000305", "Кузнецов Пётр", "+7 903 444-55-66", "", "", "", "", "Юг", "да", "м"],
    ]
    static let orderHeader = [
        "Номер", "Дата", "Код клиента", "Сумма", "Скидка", "Магазин", "Продавец", "Дата доставки обещанная",
        "Дата доставки фактическая", "Номенклатура",
    ]
    static let orders = [
        [
            "ЗК-0001", "10.11.2026 14:05", "000154", "12\u{00A0}345,50", "1\u{00A0}000,00", "Север", "Белова Т.Н.",
            "12.11.2026 18:00", "12.11.2026 16:30", "Диван\nподушки, 2 шт.",
        ],
        ["ЗК-0002", "11.11.2026 10:00", "000788", "990,00", "", "Север", "Белова Т.Н.", "", "", "Чехол"],
        [
            "ЗК-0003", "12.11.2026 09:15", "000201", "45\u{00A0}000,00", "", "Юг", "Петров А.А.", "14.11.2026 12:00",
            "15.11.2026 11:00", "Стол «Лофт»",
        ],
        ["ЗК-0004", "13.11.2026 19:40", "000305", "3\u{00A0}200,00", "200,00", "Юг", "Сидорова Е.", "", "", "Лампа"],
    ]

    /// The rows as a file: Windows-1251 with `;` (1C's default), or UTF-8 with `,`.
    static func file(_ header: [String], _ rows: [[String]], windows1251: Bool) -> [UInt8] {
        let separator = windows1251 ? ";" : ","
        let text =
            ([header] + rows).map { row in
                row.map { field in
                    field.contains(where: { $0 == ";" || $0 == "," || $0 == "\"" || $0 == "\n" })
                        ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
                }.joined(separator: separator)
            }.joined(separator: "\r\n") + "\r\n"
        return windows1251 ? Windows1251.encode(text) : Array(text.utf8)
    }

    static func customersFile(windows1251: Bool) -> [UInt8] {
        file(customerHeader, customers, windows1251: windows1251)
    }
    static func ordersFile(windows1251: Bool) -> [UInt8] { file(orderHeader, orders, windows1251: windows1251) }
}

/// Exports gathered across apps.
actor Exports {
    var texts: [String] = []
    func add(_ text: String) { texts.append(text) }
}

@Suite("A shop's own export")
struct ShopExportTests {
    func run(
        _ app: Application, _ bytes: [UInt8], kind: ImportKind, actor: Staff, dryRun: Bool = false,
        sellers: [String: SellerChoice] = [:]
    ) async throws -> ImportReport {
        var options = Importer.Options(kind: kind, timeZone: .gmt)
        options.dryRun = dryRun
        options.sellers = sellers
        return try await Importer(db: app.db).run(
            records: CSVRecordStream(data: Data(bytes)), options: options, actor: actor, now: testNow)
    }

    /// The seller the file writes as «Белова Т.Н.».
    @discardableResult
    func belova(_ app: Application, _ f: Fixture) async throws -> Staff {
        try await StaffRepository(db: app.db).create(
            StaffDraft(
                name: "Белова Татьяна Николаевна", email: "belova@shop.example", role: .staff,
                homeLocationID: f.north.id),
            passwordHash: nil, actor: f.owner, now: testNow)
    }

    func choices(_ f: Fixture) -> [String: SellerChoice] {
        [PersonNameMatch.key("Петров А.А."): .empty, PersonNameMatch.key("Сидорова Е."): .staff(f.southStaff.id)]
    }

    @Test(
        "two cards of one person (phone written two ways, ё and е) both import, in either encoding",
        arguments: [true, false])
    func secondCards(windows1251: Bool) async throws {
        try await withEarnedApp { app, f in
            let report = try await run(
                app, OneCExport.customersFile(windows1251: windows1251), kind: .customers, actor: f.owner)
            #expect(report.problems == [])
            #expect(report.created == 4)
            #expect(report.encoding == (windows1251 ? "windows1251" : "utf8"))
            let cards = try await CustomerRepository(db: app.db).list(CustomerQuery(search: "916"), actor: f.owner)
                .items
            #expect(Set(cards.compactMap(\.externalID)) == ["000154", "000788"])
            #expect(cards.allSatisfy { $0.phones == ["+79161234567"] })
            // The column the reader does not know is listed, not dropped without a word.
            #expect(report.columns.first { $0.header == "Пол" }?.field == nil)
            #expect(report.columns.first { $0.header == "Согласие на рассылку" }?.field == "consent_email")
            #expect(report.columns.first { $0.header == "Город" }?.field == "city")
            let anna = try #require(cards.first { $0.externalID == "000154" })
            #expect(anna.city == "Санкт-Петербург" && anna.address == "Невский пр., д. 1; кв. 5")
            // Both cards are in, and proposed as exactly one pair: the same phone, and the same
            // name once ё is е, with the same birthday.
            #expect(report.duplicateSuggestions == 2)
            let pairs = try await CustomerRepository(db: app.db).duplicates(actor: f.owner).items
            #expect(pairs.count == 1)
            let pair = try #require(pairs.first)
            #expect(Set([pair.first.externalID, pair.second.externalID]) == ["000154", "000788"])
            #expect(pair.reasons.contains(.phone) && pair.reasons.contains(.nameAndBirthday), "\(pair.reasons)")
        }
    }

    @Test("the same export in Windows-1251 with ';' and in UTF-8 with ',' exports byte for byte the same")
    func bothEncodings() async throws {
        let exports = Exports()
        for windows1251 in [true, false] {
            try await withEarnedApp { app, f in
                try await belova(app, f)
                _ = try await run(
                    app, OneCExport.customersFile(windows1251: windows1251), kind: .customers, actor: f.owner)
                let orders = try await run(
                    app, OneCExport.ordersFile(windows1251: windows1251), kind: .orders, actor: f.owner,
                    sellers: choices(f))
                #expect(orders.problems == [] && orders.created == 4, "\(orders.problems)")
                var text = ""
                for kind in [ExportKind.customers, .orders] {
                    try await Export.write(ExportQuery(kind: kind), actor: f.owner, now: testNow, on: app.db) {
                        text += $0
                    }
                }
                await exports.add(text)
            }
        }
        let texts = await exports.texts
        #expect(texts.count == 2)
        #expect(texts.first == texts.last)
        #expect(texts[0].contains("\"Диван\nподушки, 2 шт.\""))
        #expect(texts[0].contains("12345.50,1000.00,RUB"))
    }

    @Test("sellers written «Фамилия И.О.» match staff; unknown ones are listed, then mapped, created or left empty")
    func sellersByName() async throws {
        try await withEarnedApp { app, f in
            let belova = try await belova(app, f)
            _ = try await run(app, OneCExport.customersFile(windows1251: true), kind: .customers, actor: f.owner)
            let file = OneCExport.ordersFile(windows1251: true)
            let preview = try await run(app, file, kind: .orders, actor: f.owner, dryRun: true)
            #expect(preview.dryRun && !preview.rolledBack)
            #expect(preview.unmatchedSellers.map(\.name) == ["Петров А.А.", "Сидорова Е."])
            #expect(
                preview.unmatchedSellers.map(\.firstLine) == [5, 6], "physical lines: line 2's items hold a line break")
            #expect(preview.problems == [])
            #expect(try await app.count("orders") == 0)
            // Without choices nothing is written.
            let refused = try await run(app, file, kind: .orders, actor: f.owner)
            #expect(refused.rolledBack)
            #expect(try await app.count("orders") == 0)
            let staffBefore = try await app.count("staff")
            let done = try await run(
                app, file, kind: .orders, actor: f.owner,
                sellers: [
                    PersonNameMatch.key("Петров А.А."): .create, PersonNameMatch.key("Сидорова Е."): .create,
                ])
            #expect(done.created == 4 && done.staffCreated == 2, "\(done.problems)")
            #expect(try await app.count("staff") == staffBefore + 2)
            let orders = try await OrderRepository(db: app.db).list(OrderQuery(), actor: f.owner).items
            func order(_ key: String) throws -> Order { try #require(orders.first { $0.externalID == key }) }
            #expect(try order("ЗК-0001").sellerID == belova.id)
            #expect(try order("ЗК-0002").sellerID == belova.id)
            let sidorova = try #require(try await StaffRepository(db: app.db).all().first { $0.name == "Сидорова Е." })
            #expect(try order("ЗК-0004").sellerID == sidorova.id)
            let created = try #require(try await StaffRepository(db: app.db).all().first { $0.name == "Петров А.А." })
            #expect(try order("ЗК-0003").sellerID == created.id)
            #expect(created.role == .staff && created.homeLocationID == f.south.id)
            // Made without a password: it cannot sign in.
            #expect(try await StaffRepository(db: app.db).credentials(email: created.email)?.passwordHash == nil)
            // The same file again changes nothing and creates nobody.
            let again = try await run(
                app, file, kind: .orders, actor: f.owner,
                sellers: [
                    PersonNameMatch.key("Петров А.А."): .create, PersonNameMatch.key("Сидорова Е."): .create,
                ])
            #expect(again.unchanged == 4 && again.staffCreated == 0)
        }
    }

    @Test("order times are read in their store's zone; the preview says which")
    func storeZones() async throws {
        try await withEarnedApp { app, f in
            try await belova(app, f)
            _ = try await run(app, OneCExport.customersFile(windows1251: false), kind: .customers, actor: f.owner)
            let report = try await run(
                app, OneCExport.ordersFile(windows1251: false), kind: .orders, actor: f.owner, sellers: choices(f))
            #expect(
                report.zones == [
                    ZoneUse(source: .store, zone: "Asia/Yekaterinburg", lines: 2),
                    ZoneUse(source: .store, zone: "Europe/Moscow", lines: 2),
                ])
            let orders = try await OrderRepository(db: app.db).list(OrderQuery(), actor: f.owner).items
            let iso = Date.ISO8601FormatStyle()
            let placed = Dictionary(
                uniqueKeysWithValues: orders.map { ($0.externalID ?? "", $0.placedAt.formatted(iso)) })
            // Север is Moscow (UTC+3), Юг is Yekaterinburg (UTC+5).
            #expect(placed["ЗК-0001"] == "2026-11-10T11:05:00Z")
            #expect(placed["ЗК-0003"] == "2026-11-12T04:15:00Z")
            let third = try #require(orders.first { $0.externalID == "ЗК-0003" })
            // Петров А.А. was left empty, Сидорова Е. mapped to a colleague.
            #expect(third.sellerID == nil)
            #expect(orders.first { $0.externalID == "ЗК-0004" }?.sellerID == f.southStaff.id)
            #expect(third.deliveredAt?.formatted(iso) == "2026-11-15T06:00:00Z")
            #expect(third.promisedAt?.formatted(iso) == "2026-11-14T07:00:00Z")
        }
    }

    @Test("promised and actual delivery dates under 1C's headers become deliveries, and the after-sale steps follow")
    func deliveries() async throws {
        try await withEarnedApp { app, f in
            let belova = try await belova(app, f)
            _ = try await run(app, OneCExport.customersFile(windows1251: true), kind: .customers, actor: f.owner)
            let report = try await run(
                app, OneCExport.ordersFile(windows1251: true), kind: .orders, actor: f.owner, sellers: choices(f))
            #expect(report.columns.first { $0.header == "Дата доставки обещанная" }?.field == "promised_at")
            #expect(report.columns.first { $0.header == "Дата доставки фактическая" }?.field == "delivered_at")
            #expect(report.columns.first { $0.header == "Номер" }?.field == "external_id")
            let orders = try await OrderRepository(db: app.db).list(OrderQuery(), actor: f.owner).items
            let delivered = orders.filter { $0.deliveredAt != nil }
            #expect(Set(delivered.compactMap(\.externalID)) == ["ЗК-0001", "ЗК-0003"])
            #expect(delivered.first { $0.externalID == "ЗК-0003" }?.deliveredLate == true)
            let pass = try await Tick(app: app).run(now: testNow)
            #expect(pass.tasksCreated > 0)
            let tasks = try await TaskRepository(db: app.db).open(assignee: belova.id)
            let first = try #require(delivered.first { $0.externalID == "ЗК-0001" })
            #expect(tasks.contains { $0.kind == .handover && $0.subject?.id == first.id.rawValue })
        }
    }

    @Test("export then import of every kind changes nothing; formula-like cells leave as '…")
    func roundTrip() async throws {
        try await withEarnedApp { app, f in
            try await belova(app, f)
            _ = try await run(app, OneCExport.customersFile(windows1251: true), kind: .customers, actor: f.owner)
            _ = try await run(
                app, OneCExport.ordersFile(windows1251: true), kind: .orders, actor: f.owner, sellers: choices(f))
            // Hostile names, and a customer and an order with no code of their own.
            let repo = CustomerRepository(db: app.db)
            var hostile: [Customer] = []
            for name in ["=1+3", "+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3", "\tTabbed"] {
                hostile.append(
                    try await repo.create(
                        CustomerDraft(name: name, homeLocationID: f.north.id), actor: f.owner, now: testNow))
            }
            _ = try await OrderRepository(db: app.db).create(
                OrderDraft(
                    customerID: hostile[0].id, locationID: f.north.id, placedAt: testNow - 3600,
                    amountMinorUnits: 50_000, itemsSummary: "=HYPERLINK(\"http://evil\")"),
                actor: f.owner, now: testNow)
            var customers = ""
            var orders = ""
            try await Export.write(ExportQuery(kind: .customers), actor: f.owner, now: testNow, on: app.db) {
                customers += $0
            }
            try await Export.write(ExportQuery(kind: .orders), actor: f.owner, now: testNow, on: app.db) {
                orders += $0
            }
            for cell in ["'=1+3", "'+cmd|' /C calc'!A0", "'@SUM(A1)", "'-2+3", "\"'=HYPERLINK(\"\"http://evil\"\")\""] {
                #expect(customers.contains(cell) || orders.contains(cell), "\(cell)")
            }
            for line in (customers + orders).split(whereSeparator: \.isNewline) {
                for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
                    #expect(!["=", "@"].contains(cell.first.map(String.init) ?? ""), "a live formula: \(line)")
                }
            }
            // Phones and amounts keep their signs.
            #expect(customers.contains("+79161234567"))
            let header = try #require(customers.split(whereSeparator: \.isNewline).first)
            #expect(
                header.hasPrefix(
                    "external_id,name,kind,phone,email,birthday,city,address,location,owner,language,tags,consent_"))
            let counts = (customers: try await app.count("customers"), orders: try await app.count("orders"))
            let back = try await run(app, Array(customers.utf8), kind: .customers, actor: f.owner)
            #expect(back.problems == [])
            #expect(back.created == 0 && back.updated == 0 && back.unchanged == counts.customers)
            let backOrders = try await run(app, Array(orders.utf8), kind: .orders, actor: f.owner)
            #expect(backOrders.problems == [])
            #expect(backOrders.created == 0 && backOrders.updated == 0 && backOrders.unchanged == counts.orders)
            #expect(try await app.count("customers") == counts.customers)
            #expect(try await app.count("orders") == counts.orders)
            let names = try await repo.list(CustomerQuery(limit: 100), actor: f.owner).items.map(\.name)
            #expect(names.contains("=1+3") && names.contains("@SUM(A1)"), "names read back without the '")
        }
    }

    @Test("docs/import.md lists every header spelling the import reads, for customers and orders")
    func documented() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/import.md")
        let text = CSVHeader.normalize(try String(contentsOf: docs, encoding: .utf8))
        for kind in [ImportKind.customers, .orders] {
            let aliases = ImportRowParser.aliases(for: kind)
            for field in aliases.fields {
                #expect(text.contains(CSVHeader.normalize("`\(field)`")), "\(field)")
                for spelling in aliases.spellings(of: field) where spelling != field {
                    #expect(text.contains(spelling), "\(kind) \(field): \(spelling)")
                }
            }
        }
    }

    @Test(
        "«(812) 939-08-40», «8-916-1234567» and «+7 (916) 123-45-67» are Russian numbers; an unreadable one is a problem"
    )
    func phones() async throws {
        try await withEarnedApp { app, f in
            let file = "Код;ФИО;Телефон\nA1;Анна;(812) 939-08-40\nA2;Борис;8-916-1234567\nA3;Вера;+7 (916) 123-45-67\n"
            let report = try await run(app, Array(file.utf8), kind: .customers, actor: f.owner)
            #expect(report.problems == [] && report.created == 3, "\(report.problems)")
            let phones = try await CustomerRepository(db: app.db).list(CustomerQuery(), actor: f.owner).items
                .flatMap(\.phones)
            #expect(Set(phones) == ["+78129390840", "+79161234567"])
            let bad = try await run(
                app, Array("Код;ФИО;Телефон\nA4;Галина;939-08\n".utf8), kind: .customers, actor: f.owner)
            #expect(bad.rolledBack && bad.problems.map(\.line) == [2] && bad.problems.first?.column == "Телефон")
        }
    }

    @Test(
        "bytes that are not text, a NUL, too many fields and a second header are refused with line and field; nothing is written",
        arguments: [
            (
                Array("Код;ФИО;Телефон\nA1;Анна;+79160000001\nA2;".utf8) + [0xD0, 0x28] + Array(";+79160000002\n".utf8),
                3, "ФИО"
            ),
            (Array("Код;ФИО;Телефон\nA1;Анна;+79160000001\nA2;Бо\u{0}рис;+79160000002\n".utf8), 3, "ФИО"),
            (Array("Код;ФИО;Телефон\nA1;Анна;+79160000001;лишнее\n".utf8), 2, "field 4"),
            (
                Array("Код;ФИО;Телефон\nA1;Анна;+79160000001\n\u{FEFF}Код;ФИО;Телефон\nA2;Борис;+79160000002\n".utf8),
                3, nil
            ),
            (Array("Код;ФИО;Телефон\nA1;Ан\u{FEFF}на;+79160000001\n".utf8), 2, "ФИО"),
        ] as [([UInt8], Int, String?)])
    func hostileBytes(bytes: [UInt8], line: Int, column: String?) async throws {
        try await withEarnedApp { app, f in
            let preview = try await run(app, bytes, kind: .customers, actor: f.owner, dryRun: true)
            #expect(preview.problems.contains { $0.line == line && $0.column == column }, "\(preview.problems)")
            let report = try await run(app, bytes, kind: .customers, actor: f.owner)
            #expect(report.rolledBack)
            #expect(try await app.count("customers") == 0)
        }
    }

    @Test("a byte-order mark at the start of a field is removed, never kept inside a key")
    func byteOrderMarkInField() async throws {
        try await withEarnedApp { app, f in
            let file = "Код;ФИО;Телефон\n\u{FEFF}A1;Анна;+79160000001\n"
            let report = try await run(app, Array(file.utf8), kind: .customers, actor: f.owner)
            #expect(report.problems == [] && report.created == 1)
            let customer = try #require(
                try await CustomerRepository(db: app.db).list(CustomerQuery(), actor: f.owner).items.first)
            #expect(customer.externalID == "A1")
        }
    }
}
