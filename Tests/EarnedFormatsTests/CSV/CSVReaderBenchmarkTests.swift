import Foundation
import Testing

@testable import EarnedFormats

/// Times streaming a generated 1,000,000-row, 12-column CSV (about 140 MB). Off unless
/// `EARNED_CSV_BENCHMARK=1`; meaningful only in release:
/// `EARNED_CSV_BENCHMARK=1 swift test -c release --filter CSVReaderBenchmarkTests`.
/// It prints the time and checks what was read, never how long it took.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["EARNED_CSV_BENCHMARK"] == "1"))
struct CSVReaderBenchmarkTests {
    static let rowCount = 1_000_000

    @Test func streamsAMillionRows() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("earned-csv-benchmark-\(UUID()).csv")
        try Data(Self.generate().utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        var records = 0
        var amounts: Int64 = 0
        let money = LocaleNumberParser()
        var last: CSVRecord?
        let elapsed = try ContinuousClock().measure {
            let stream = try CSVReader().stream(contentsOf: url)
            while let record = try stream.next() {
                records += 1
                last = record
            }
        }
        print("CSV benchmark: \(records) records streamed in \(elapsed)")
        let parsed = try CSVReader().read(contentsOf: url).records.dropFirst().prefix(1_000)
        for record in parsed { amounts += try money.minorUnits(from: record[8]) }

        var expectedAmounts: Int64 = 0
        for row in 0..<1_000 {
            expectedAmounts += Int64(row % 10_000) * 100 + Int64(10 + row % 90)
        }
        #expect(records == Self.rowCount + 1)
        #expect(last?.count == 12)
        #expect(last?[11] == "said \"hi\", left")  // the last row, 999 999, is a multiple of 3
        #expect(amounts == expectedAmounts)
    }

    static func generate() -> String {
        var text = "external_id,name,phone,email,city,birthday,order_id,ordered_at,amount,quantity,channel,note\n"
        text.reserveCapacity(rowCount * 145)
        let names = ["Иван Петров", "Anna Smith", "Мария Иванова", "John O'Brien", "Сергей Кузнецов"]
        let cities = ["Москва", "Saint Petersburg", "\"Novosibirsk, NSK\"", "Казань", "London"]
        for row in 0..<rowCount {
            text += "\(100_000 + row),\(names[row % 5]),+7 900 \(row % 1000) \(row % 100) \(row % 97),"
            text += "user\(row)@example.com,\(cities[row % 5]),19\(70 + row % 30)-0\(1 + row % 9)-1\(row % 10),"
            text += "A-\(row * 7),2024-03-15T10:\(10 + row % 50):00Z,\(row % 10_000).\(10 + row % 90),\(1 + row % 5),"
            text += row % 3 == 0 ? "pos,\"said \"\"hi\"\", left\"\n" : "web,\n"
        }
        return text
    }
}
