import Foundation
import Testing

@testable import EarnedFormats

@Suite struct CSVHeaderTests {
    static let aliases = CSVFieldAliases([
        ["external_id", "id", "код"],
        ["name", "имя", "фио", "name"],
        ["phone", "телефон", "tel"],
    ])

    @Test(arguments: [
        (" External_ID ", "external id"),
        ("ФИО", "фио"),
        ("Ёмкость", "емкость"),
        ("E-Mail", "e mail"),
        ("\u{FEFF}Код", "код"),
        ("Имя\u{00A0}\u{00A0}клиента", "имя клиента"),
        ("  Дата\tпокупки ", "дата покупки"),
    ])
    func normalizesHeaderNames(raw: String, normalized: String) {
        #expect(CSVHeader.normalize(raw) == normalized)
    }

    @Test func mapsHeadersToFieldsThroughAliases() throws {
        let header = CSVHeader(names: [" Код ", "ФИО", "Телефон", "Сумма"])

        let mapping = try header.mapping(aliases: Self.aliases)

        #expect(mapping.column(for: "external_id") == 0)
        #expect(mapping.column(for: "name") == 1)
        #expect(mapping.column(for: "phone") == 2)
        #expect(mapping.column(for: "email") == nil)
        #expect(mapping.unmappedColumns == [3])
    }

    @Test func firstMatchingColumnWins() throws {
        let mapping = try CSVHeader(names: ["Name", "Имя"]).mapping(aliases: Self.aliases)

        #expect(mapping.column(for: "name") == 0)
    }

    @Test func explicitOverridesReplaceAliases() throws {
        let header = CSVHeader(names: ["Код", "ФИО", "Телефон", "Моб. телефон", "Город"])
        let overrides = try CSVColumnOverride.parse(["phone = Моб. телефон", "city=5", "name=\"ФИО\""])

        let mapping = try header.mapping(aliases: Self.aliases, overrides: overrides)

        #expect(mapping.column(for: "phone") == 3)
        #expect(mapping.column(for: "city") == 4)
        #expect(mapping.column(for: "name") == 1)
        #expect(mapping.column(for: "external_id") == 0)
    }

    @Test func overrideParsing() throws {
        #expect(try CSVColumnOverride(parsing: "phone=3") == CSVColumnOverride(field: "phone", target: .column(3)))
        #expect(
            try CSVColumnOverride(parsing: "phone=Tel 2") == CSVColumnOverride(field: "phone", target: .header("Tel 2"))
        )
        #expect(
            try CSVColumnOverride(parsing: "year=\"2024\"") == CSVColumnOverride(field: "year", target: .header("2024"))
        )
        #expect(try CSVColumnOverride(parsing: "a=b=c").target == .header("b=c"))
    }

    @Test(arguments: ["phone", "=Телефон", "phone=", "phone=0", "phone=\"\""])
    func malformedOverridesAreRejected(specification: String) {
        #expect(throws: CSVHeaderError.invalidOverride(specification)) {
            try CSVColumnOverride(parsing: specification)
        }
    }

    @Test func overridesMustPointAtExistingColumns() {
        let header = CSVHeader(names: ["Код", "ФИО"])

        #expect(throws: CSVHeaderError.unknownHeader(field: "phone", header: "Tel", available: ["Код", "ФИО"])) {
            try header.mapping(
                aliases: Self.aliases, overrides: [CSVColumnOverride(field: "phone", target: .header("Tel"))])
        }
        #expect(throws: CSVHeaderError.columnOutOfRange(field: "phone", column: 3, columnCount: 2)) {
            try header.mapping(
                aliases: Self.aliases, overrides: [CSVColumnOverride(field: "phone", target: .column(3))])
        }
    }

    @Test func requiredFieldsAndValues() throws {
        let records = try CSVReader().read("Код;ФИО\n17;Анна\n18\n").records
        let mapping = try CSVHeader(records[0]).mapping(aliases: Self.aliases)

        #expect(mapping.value(for: "name", in: records[1]) == "Анна")
        #expect(mapping.value(for: "name", in: records[2]) == nil)
        #expect(mapping.missingFields(["external_id", "phone", "name", "email"]) == ["phone", "email"])
        let error = #expect(throws: CSVHeaderError.self) { try mapping.require(["phone"]) }
        #expect(error?.description == "no column for 'phone'; columns: 'Код', 'ФИО'")
    }

    @Test func standardTablesCoverRussianAndEnglishExports() throws {
        let customers = try CSVHeader(names: ["ФИО", "E-mail", "Дата рождения", "Тел.", "Код клиента"])
            .mapping(aliases: .customers)
        let orders = try CSVHeader(names: ["Order ID", "Customer ID", "Order Date", "Total", "Qty"])
            .mapping(aliases: .orders)

        #expect(customers.columns == ["name": 0, "email": 1, "birthday": 2, "phone": 3, "external_id": 4])
        #expect(orders.columns == ["external_id": 0, "customer_id": 1, "ordered_at": 2, "amount": 3, "quantity": 4])
    }

    @Test func mergingAddsFieldsAndKeepsExistingAliases() {
        let merged = Self.aliases.merging(CSVFieldAliases(["city": ["город"], "name": ["клиент"]]))

        #expect(merged.field(forHeader: "Город") == "city")
        #expect(merged.field(forHeader: "Клиент") == "name")
        #expect(merged.field(forHeader: "ФИО") == "name")
        #expect(merged.fields == ["external_id", "name", "phone", "city"])
    }
}
