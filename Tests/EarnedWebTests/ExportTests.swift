import EarnedDomain
import EarnedFormats
import EarnedServices
import Foundation
import Testing
import Vapor

@testable import EarnedStore
@testable import EarnedWeb

/// The export: one rule for six kinds, seen through the page, the API and the rule itself.
@Suite("Export")
struct ExportTests {
    /// Records of every kind at both locations: the north's are the manager's to see, the
    /// south's are not. Some have no code of their own system, and some text looks like a formula.
    func world(_ app: Application, _ f: Fixture) async throws {
        let customers = CustomerRepository(db: app.db)
        let anna = try await customers.create(
            CustomerDraft(
                name: "=1+3 Анна", phones: ["+7 900 111-22-33"], homeLocationID: f.north.id, externalID: "A-1"),
            actor: f.owner, now: testNow)
        let boris = try await customers.create(
            CustomerDraft(name: "Борис", emails: ["boris@example.com"], homeLocationID: f.north.id),
            actor: f.owner, now: testNow)
        let yuri = try await customers.create(
            CustomerDraft(name: "Юрий", homeLocationID: f.south.id, externalID: "S-1"), actor: f.owner, now: testNow)
        let context = ServiceContext(db: app.db, now: testNow, currency: "RUB")
        let first = try await OrderActions.record(
            OrderDraft(
                customerID: anna.id, sellerID: f.northStaff.id, locationID: f.north.id, placedAt: testNow - 10 * 86_400,
                amountMinorUnits: 150_000, itemsSummary: "=HYPERLINK(\"http://evil\")", externalID: "N-1"),
            actor: f.owner, in: context)
        try await OrderActions.cancel(first.id, reason: "передумал", actor: f.owner, in: context)
        try await OrderActions.record(
            OrderDraft(
                customerID: boris.id, sellerID: f.northStaff.id, locationID: f.north.id, placedAt: testNow - 86_400,
                amountMinorUnits: 99_000),
            actor: f.owner, in: context)
        try await OrderActions.record(
            OrderDraft(
                customerID: yuri.id, sellerID: f.southStaff.id, locationID: f.south.id, placedAt: testNow - 86_400,
                amountMinorUnits: 50_000, externalID: "S-O1"),
            actor: f.owner, in: context)
        let promises = PromiseRepository(db: app.db)
        _ = try await promises.create(
            PromiseDraft(customerID: anna.id, kind: .callback, text: "@Перезвонить", dueAt: testNow + 86_400),
            actor: f.northStaff, now: testNow)
        _ = try await promises.create(
            PromiseDraft(customerID: yuri.id, kind: .delivery, text: "Привезти стол", dueAt: testNow + 86_400),
            actor: f.southStaff, now: testNow)
        let cases = CaseRepository(db: app.db)
        _ = try await cases.open(
            ServiceCaseDraft(customerID: boris.id, title: "Скрипит дверца", source: .complaint),
            actor: f.northStaff, now: testNow)
        _ = try await cases.open(
            ServiceCaseDraft(customerID: yuri.id, title: "Долгая доставка", source: .complaint),
            actor: f.southStaff, now: testNow)
        let contacts = ContactRepository(db: app.db)
        _ = try await contacts.create(
            InboundContactDraft(
                channel: .call, customerID: boris.id, locationID: f.north.id, receivedAt: testNow - 600,
                subject: "-Где мой заказ?"), actor: f.northStaff, now: testNow)
        var south = InboundContactDraft(
            channel: .email, customerID: yuri.id, locationID: f.south.id, receivedAt: testNow - 900, subject: "Счёт")
        south.externalID = "T-9"
        _ = try await contacts.create(south, actor: f.southStaff, now: testNow)
        // One answer through a link (no code of another system), one imported earlier.
        for (customer, staff, location, external) in [
            (boris, f.northStaff, f.north, nil), (yuri, f.southStaff, f.south, "R-2"),
        ] as [(Customer, Staff, Location, String?)] {
            let record = SurveyAnswerRecord(
                id: UUID(), values: SurveyAnswerValues(nps: 9, comment: "+Отлично"), answeredAt: testNow - 3600,
                language: "ru",
                attribution: SurveyAttribution(
                    staffID: staff.id, role: .seller, locationID: location.id, shiftName: nil,
                    channel: .sales(.store), servedAt: testNow - 7200),
                source: external == nil ? .link : .imported, now: testNow)
            record.externalID = external
            record.customerID = customer.id.rawValue
            try await record.create(on: app.db)
        }
    }

    func export(
        _ app: Application, _ kind: ExportKind, _ actor: Staff, dialect: ExportDialect = .comma
    ) async throws -> String {
        var text = ""
        try await Export.write(ExportQuery(kind: kind, dialect: dialect), actor: actor, now: testNow, on: app.db) {
            text += $0
        }
        return text
    }

    func lines(_ text: String) -> [String] {
        text.split(separator: "\r\n", omittingEmptySubsequences: true).map(String.init)
    }

    @Test(
        "each kind: its header, then the rows the person may see; a manager of the north sees none of the south's",
        arguments: ExportKind.allCases)
    func rowsByKind(kind: ExportKind) async throws {
        try await withEarnedApp { app, f in
            try await world(app, f)
            let everything = lines(try await export(app, kind, f.owner))
            #expect(everything.first == Export.header(kind).joined(separator: ","))
            let rows = Array(everything.dropFirst())
            #expect(rows.count == (kind == .customers || kind == .orders ? 3 : 2), "\(rows)")
            #expect(rows.contains { $0.contains(",Юг,") }, "the owner sees the south: \(rows)")
            let north = lines(try await export(app, kind, f.manager))
            #expect(north.first == everything.first)
            #expect(north.count - 1 == rows.count - 1, "\(north)")
            #expect(north.dropFirst().allSatisfy { $0.contains(",Север,") && !$0.contains(",Юг,") }, "\(north)")
            // Staff have no export.
            await #expect(throws: DomainError.self) { _ = try await export(app, kind, f.northStaff) }
        }
    }

    @Test("orders carry their state, when they ended and why; the period picks by the day ordered")
    func orderState() async throws {
        try await withEarnedApp { app, f in
            try await world(app, f)
            let rows = lines(try await export(app, .orders, f.owner))
            let cancelled = try #require(rows.first { $0.hasPrefix("N-1,") })
            #expect(cancelled.hasSuffix(",cancelled,\(testNow.formatted(Date.ISO8601FormatStyle())),передумал"))
            #expect(rows.filter { $0.contains(",active,,") }.count == 2)
            var recent = ""
            try await Export.write(
                ExportQuery(kind: .orders, from: testNow - 2 * 86_400, to: testNow), actor: f.owner, now: testNow,
                on: app.db
            ) { recent += $0 }
            #expect(lines(recent).count == 3 && !recent.contains("N-1"))
        }
    }

    @Test("the Excel dialect is ';' after a byte-order mark; comma has neither")
    func dialects() async throws {
        try await withEarnedApp { app, f in
            try await world(app, f)
            let excel = try await export(app, .customers, f.owner, dialect: .excel)
            #expect(excel.hasPrefix("\u{FEFF}external_id;name;kind;phone;"))
            #expect(excel.contains("A-1;'=1+3 Анна;person;+79001112233;"))
            let comma = try await export(app, .customers, f.owner)
            #expect(comma.hasPrefix("external_id,name,kind,phone,"))
            #expect(!comma.contains("\u{FEFF}") && !comma.contains(";'=1+3"))
        }
    }

    @Test("text that a spreadsheet would run is written with a leading '; numbers and phones keep their signs")
    func formulasDefused() async throws {
        try await withEarnedApp { app, f in
            try await world(app, f)
            let orders = try await export(app, .orders, f.owner)
            #expect(orders.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""))
            #expect(try await export(app, .customers, f.owner).contains(",'=1+3 Анна,person,+79001112233,"))
            #expect(try await export(app, .promises, f.owner).contains(",'@Перезвонить,"))
            #expect(try await export(app, .contacts, f.owner).contains(",'-Где мой заказ?,"))
            #expect(try await export(app, .surveyAnswers, f.owner).contains(",'+Отлично,"))
            for kind in ExportKind.allCases {
                for line in lines(try await export(app, kind, f.owner)) {
                    for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
                        #expect(!"=@".contains(cell.first ?? " "), "a live formula in \(kind): \(line)")
                    }
                }
            }
        }
    }

    @Test(
        "customers, orders, contacts and survey answers read back through the import and change nothing",
        arguments: [ExportKind.customers, .orders, .contacts, .surveyAnswers], [ExportDialect.comma, .excel])
    func readsBack(kind: ExportKind, dialect: ExportDialect) async throws {
        try await withEarnedApp { app, f in
            try await world(app, f)
            let table = [
                "customers": "customers", "orders": "orders", "contacts": "inbound_contacts",
                "survey-answers": "survey_answers",
            ][kind.rawValue]!
            let before = try await app.count(table)
            let file = try await export(app, kind, f.owner, dialect: dialect)
            let importKind: ImportKind =
                switch kind {
                case .customers: .customers
                case .orders: .orders
                case .contacts: .contacts
                default: .surveyAnswers
                }
            let report = try await Importer(db: app.db).run(
                records: CSVRecordStream(data: Data(file.utf8)),
                options: Importer.Options(kind: importKind, timeZone: .gmt), actor: f.owner, now: testNow)
            #expect(report.problems == [], "\(report.problems)")
            #expect(!report.rolledBack)
            #expect(report.created == 0 && report.updated == 0 && report.unchanged == before, "\(report)")
            #expect(try await app.count(table) == before)
            // And the file written again is the same file.
            #expect(try await export(app, kind, f.owner, dialect: dialect) == file)
        }
    }

    @Test("the API gives the same bytes as the page for the same person and the same choices")
    func apiMatchesPage() async throws {
        try await withEarnedApp { app, f in
            try await world(app, f)
            let moscow = TimeZone(identifier: "Europe/Moscow")!
            let from = FormDates.dayValue(testNow - 2 * 86_400, zone: moscow)
            let to = FormDates.dayValue(testNow, zone: moscow)
            let session = try await app.session(for: f.manager)
            for kind in ExportKind.allCases {
                let query = "dialect=excel&from=\(from)&to=\(to)"
                let page = try await app.send(.GET, "/export?kind=\(kind.rawValue)&\(query)", cookie: session.cookie)
                let api = try await app.send(
                    .GET, "/api/v1/exports/\(kind.rawValue)?\(query)", token: f.token(f.manager))
                #expect(page.status == .ok && api.status == .ok)
                #expect(page.headers.contentType?.subType == "csv" && api.headers.contentType?.subType == "csv")
                #expect(Array(page.body.readableBytesView) == Array(api.body.readableBytesView), "\(kind)")
                #expect(page.text.hasPrefix("\u{FEFF}" + Export.header(kind).joined(separator: ";")))
                let name = "earned-\(kind.rawValue)-\(FormDates.dayValue(testNow, zone: moscow)).csv"
                #expect(api.headers.first(name: .contentDisposition) == "attachment; filename=\"\(name)\"")
                #expect(page.headers.first(name: .contentDisposition) == api.headers.first(name: .contentDisposition))
            }
            // The period applies: of the north's orders only Борис's, placed yesterday.
            let orders = try await app.send(
                .GET, "/api/v1/exports/orders?from=\(from)&to=\(to)", token: f.token(f.manager))
            #expect(lines(orders.text).count == 2 && !orders.text.contains("N-1"), "\(orders.text)")
            #expect(orders.text.hasPrefix("external_id,customer_id,"))
        }
    }

    @Test(
        "bad input is refused as problem+json naming the field; staff may not export",
        arguments: [
            ("/api/v1/exports/everything", "kind"), ("/api/v1/exports/orders?dialect=tsv", "dialect"),
            ("/api/v1/exports/orders?from=вчера", "from"), ("/api/v1/exports/orders?to=2026-13-01", "to"),
            ("/api/v1/exports/orders?from=2026-11-10&to=2026-11-01", "to"),
            ("/api/v1/exports/orders?location_id=nowhere", "location_id"),
        ])
    func refused(path: String, field: String) async throws {
        try await withEarnedApp { app, f in
            let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? path
            let response = try await app.send(.GET, encoded, token: f.token(f.owner))
            #expect(response.status == .unprocessableEntity)
            #expect(response.isProblem && response.problemFields == [field], "\(response.text)")
            // A manager asking for a location that is not theirs.
            let south = try await app.send(
                .GET, "/api/v1/exports/orders?location_id=\(f.south.id)", token: f.token(f.manager))
            #expect(south.status == .unprocessableEntity && south.problemFields == ["location_id"])
            let staff = try await app.send(.GET, "/api/v1/exports/orders", token: f.token(f.northStaff))
            #expect(staff.status == .forbidden && staff.isProblem)
        }
    }

    @Test("the page: a labelled form, Excel by default in Russian, errors beside the field, linked for managers")
    func page() async throws {
        try await withEarnedApp { app, f in
            let manager = try await app.session(for: f.manager)
            let form = try await app.send(.GET, "/export", cookie: manager.cookie)
            #expect(form.status == .ok)
            for id in ["kind", "dialect", "from", "to"] {
                #expect(form.text.contains("<label for=\"\(id)\">"), "\(id)")
                #expect(form.text.contains("id=\"\(id)\""), "\(id)")
            }
            #expect(form.text.contains("<option value=\"excel\" selected"))
            #expect(form.text.contains("method=\"get\""))
            #expect(form.text.contains("href=\"/export\""), "linked from the navigation")
            let english = try await app.send(.GET, "/export", cookie: manager.cookie + "; earned_lang=en")
            #expect(english.text.contains("<option value=\"comma\" selected") && english.text.contains("Export to CSV"))
            let bad = try await app.send(
                .GET,
                "/export?kind=orders&dialect=tsv&from=вчера".addingPercentEncoding(
                    withAllowedCharacters: .urlFragmentAllowed)!, cookie: manager.cookie)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("id=\"dialect-error\"") && bad.text.contains("id=\"from-error\""))
            let staff = try await app.session(for: f.northStaff)
            let refused = try await app.send(.GET, "/export?kind=orders", cookie: staff.cookie)
            #expect(refused.status == .forbidden)
            let home = try await app.send(.GET, "/export", cookie: staff.cookie)
            #expect(home.status == .forbidden)
            let today = try await app.send(.GET, "/today", cookie: staff.cookie)
            #expect(!today.text.contains("href=\"/export\""))
        }
    }
}
