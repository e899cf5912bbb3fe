import Foundation
import Testing

@testable import EarnedFormats

@Suite struct CSVReaderTests {
    @Test func russianWindows1251FileParsesToTextAndAmounts() throws {
        let document = try CSVReader().read(CSVFixtures.russianWindows1251)
        let money = LocaleNumberParser()
        let dates = LocaleDateParser(timeZone: TimeZone(identifier: "Europe/Moscow")!)

        #expect(document.encoding == .windows1251)
        #expect(document.dialect == .semicolon)
        #expect(document.records.count == 4)
        #expect(document.records[0].fields == ["Код", "ФИО", "Телефон", "Сумма", "Дата покупки"])
        let rows = Array(document.records.dropFirst())
        #expect(rows.map { $0[1] } == ["Иванов Иван", "Петрова; Анна", "Ёлкин Пётр «Ёж»"])
        #expect(rows[1][2] == "+7 901 000-00-00")
        #expect(rows[2][2] == "")
        #expect(try rows.map { try money.minorUnits(from: $0[3]) } == [123_456, -1_250, 9_990])
        #expect(try dates.calendarDay(from: rows[2][4]) == LocaleDateParser.CalendarDay(year: 2024, month: 2, day: 29))
        #expect(try dates.date(from: rows[1][4]) == Date(timeIntervalSince1970: 1_706_801_400))  // 15:30Z
        #expect(rows.map(\.line) == [2, 3, 4])
    }

    @Test func byteOrderMarkDoesNotReachTheFirstHeader() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id;имя\n1;Анна\n".utf8)

        let document = try CSVReader().read(bytes)

        #expect(document.hadByteOrderMark)
        #expect(document.records[0].fields == ["id", "имя"])
        #expect(document.records[0][0].unicodeScalars.count == 2)
    }

    @Test func quotedFieldsHoldSeparatorsLineBreaksAndQuotes() throws {
        let document = try CSVReader(dialect: .comma).read(CSVFixtures.tricky)

        #expect(document.records == CSVFixtures.trickyExpected)
    }

    @Test func lineNumbersCountQuotedLineBreaksAndBlankLines() throws {
        let text = "h1,h2\n\"a\nb\nc\",1\n\n\"x\r\ny\",2\r\nlast,3\n"

        let records = try CSVReader(dialect: .comma).read(text).records

        #expect(records.map(\.line) == [1, 2, 6, 8])
        #expect(records[1][0] == "a\nb\nc")
        #expect(records[2][0] == "x\r\ny")
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEndingsAreEquivalent(ending: String) throws {
        let text = ["a,b", "1,2", "", "3,4", ""].joined(separator: ending)

        let records = try CSVReader(dialect: .comma).read(text).records

        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func trailingSeparatorGivesAnEmptyLastField() throws {
        let records = try CSVReader(dialect: .semicolon).read("a;;c\nx;\n").records

        #expect(records.map(\.fields) == [["a", "", "c"], ["x", ""]])
    }

    @Test func emptyRowsAreSkippedUnlessAskedToKeepThem() throws {
        let text = "a;b\n;;\n1;2\n ; \n"

        let skipped = try CSVReader(dialect: .semicolon).read(text).records
        let kept = try CSVReader(dialect: .semicolon, skipsEmptyRecords: false).read(text).records

        #expect(skipped.map(\.line) == [1, 3])
        #expect(kept.map(\.fields) == [["a", "b"], ["", "", ""], ["1", "2"], [" ", " "]])
    }

    @Test func unterminatedQuoteReportsWhereItOpened() {
        let text = "id,name\n1,\"ok\"\nИя,\"never closed\n3,x\n"

        #expect(throws: CSVError.unterminatedQuote(line: 3, field: 2)) {
            try CSVReader(dialect: .comma).read(text)
        }
    }

    @Test func unterminatedQuoteAfterQuotedLineBreaksReportsItsOwnLine() {
        let text = "a,\"x\ny\",\"open\n"

        #expect(throws: CSVError.unterminatedQuote(line: 2, field: 3)) {
            try CSVReader(dialect: .comma).read(text)
        }
    }

    @Test func textAfterClosingQuoteIsAnError() {
        let error = #expect(throws: CSVError.self) {
            try CSVReader(dialect: .comma).read("a,b\n1,\"ab\"c,d\n")
        }

        #expect(error == .unexpectedCharacterAfterQuote(line: 2, field: 2))
        #expect(error?.description == "line 2, field 2: unexpected character after a closing quote")
    }

    @Test func blanksAfterClosingQuoteAndQuotesInsideUnquotedFieldsAreTolerated() throws {
        let records = try CSVReader(dialect: .comma).read("\"a\"  ,b\n5\" disk,x\n").records

        #expect(records.map(\.fields) == [["a", "b"], ["5\" disk", "x"]])
    }

    @Test func whitespaceSeparatedCDNOWLog() throws {
        let document = try CSVReader().read(CSVFixtures.cdnow)
        let records = document.records
        let money = LocaleNumberParser()
        let dates = LocaleDateParser(timeZone: TimeZone(identifier: "UTC")!)

        #expect(document.dialect == .whitespace)
        #expect(records.count == 20)
        #expect(records.allSatisfy { $0.count == 5 })
        #expect(records[0].fields == ["00004", "0001", "19970101", "2", "29.33"])
        #expect(records[13].fields == ["00111", "0006", "19970424", "2", "134.98"])
        #expect(records.map(\.line) == Array(1...20))
        #expect(try records.reduce(0) { $0 + (try money.minorUnits(from: $1[4])) } == 101_889)
        #expect(Set(records.map { $0[0] }).count == 6)
        #expect(
            try dates.calendarDay(from: records[19][2]) == LocaleDateParser.CalendarDay(year: 1998, month: 1, day: 18))
    }

    @Test func whitespaceDialectHonoursQuotes() throws {
        let records = try CSVReader(dialect: .whitespace).read("  1  \"New York\"  2.5\n\n 2 Boston  \t3\n").records

        #expect(records.map(\.fields) == [["1", "New York", "2.5"], ["2", "Boston", "3"]])
        #expect(records.map(\.line) == [1, 3])
    }

    @Test func invalidUTF8InAForcedUTF8FileBecomesReplacementCharacters() throws {
        let bytes: [UInt8] = Array("a,".utf8) + [0xFF, 0x62] + Array(",c\n".utf8)

        let record = try CSVReader(dialect: .comma, encoding: .utf8).read(bytes).records[0]

        #expect(record.fields == ["a", "\u{FFFD}b", "c"])
    }

    @Test func fieldsSplitInsideAGraphemeClusterKeepTheirScalars() throws {
        let record = try CSVReader(dialect: .comma).read("e,\u{301}x,y").records[0]

        #expect(record.count == 3)
        #expect(record[1].unicodeScalars.map(\.value) == [0x301, 0x78])
        #expect(record[2] == "y")
    }

    @Test func recordBehavesAsACollectionOfFields() {
        let record = CSVRecord(line: 7, fields: ["1", "Иван", ""])

        #expect(record.count == 3)
        #expect(Array(record) == ["1", "Иван", ""])
        #expect(record.field(at: 1) == "Иван")
        #expect(record.field(at: 3) == nil)
        #expect(record.description == "line 7: [\"1\", \"Иван\", \"\"]")
        #expect(record != CSVRecord(line: 7, fields: ["1", "Иван"]))
        #expect(record != CSVRecord(line: 7, fields: ["1", "Ива", "н"]))
    }

    @Test func readsAFileAllAtOnce() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-reader-\(UUID()).csv")
        try Data(CSVFixtures.russianWindows1251).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        let document = try CSVReader().read(contentsOf: url)

        #expect(document.records.count == 4)
        #expect(document.encoding == .windows1251)
    }

    @Test func missingFileIsUnreadable() {
        let error = #expect(throws: CSVError.self) {
            try CSVReader().read(contentsOf: URL(fileURLWithPath: "/nonexistent/earned.csv"))
        }

        guard case .unreadable(let path, _) = error else {
            Issue.record("expected .unreadable, got \(String(describing: error))")
            return
        }
        #expect(path == "/nonexistent/earned.csv")
    }
}
