import EarnedDomain
import EarnedFormats
import Testing

@testable import EarnedWeb

@Suite("Data table CSV")
struct DataTableCSVTests {
    @Test("a dashboard's CSV defuses formulas in text columns and keeps negative figures in numeric ones")
    func formulas() throws {
        let table = DataTable(
            id: "t", caption: "T", headers: ["Клиент", "Изменение", "=header"],
            rows: [
                [.init("=1+3"), .init("-5"), .init("@SUM(A1)")],
                [.init("+cmd|' /C calc'!A0"), .init("=1+3"), .init("\tx")],
                [.init("Анна; Борис"), .init("1234.50"), .init("-Иван")],
            ],
            numeric: [1], separator: ";")

        let csv = table.csv

        #expect(csv.hasPrefix("\u{FEFF}"))
        #expect(
            csv.dropFirst().split(separator: "\r\n", omittingEmptySubsequences: false) == [
                "Клиент;Изменение;'=header",
                "'=1+3;-5;'@SUM(A1)",
                "'+cmd|' /C calc'!A0;'=1+3;'\tx",
                "\"Анна; Борис\";1234.50;'-Иван",
                "",
            ])
        let read = try CSVReader(dialect: .semicolon).read(String(csv.dropFirst()))
        #expect(read.records.map { $0[1] } == ["Изменение", "-5", "'=1+3", "1234.50"])
    }
}
