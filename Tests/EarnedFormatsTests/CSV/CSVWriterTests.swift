import Testing

@testable import EarnedFormats

@Suite("CSV writer")
struct CSVWriterTests {
    static let formulas = [
        "=1+3", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")",
        "-", "+", "@",
    ]

    @Test("every formula-like cell in a text column leaves as '…", arguments: formulas)
    func textColumns(_ value: String) {
        let writer = CSVWriter(kinds: [.text])
        #expect(CSVWriter.defused(value) == "'" + value)
        let cell = writer.cell(value)
        #expect(cell.hasPrefix("'") || cell.hasPrefix("\"'"))
        let read = try? CSVReader(dialect: .comma, skipsEmptyRecords: false).read("h\r\n" + writer.line([value]))
        #expect(read?.records.last?.fields == ["'" + value])
    }

    @Test("formula-like cells in number and phone columns are still defused", arguments: formulas)
    func typedColumnsRefuseFormulas(_ value: String) {
        #expect(CSVWriter.defused(value, kind: .number) == "'" + value)
        #expect(CSVWriter.defused(value, kind: .phone) == "'" + value)
    }

    @Test(
        "numbers stay numbers in number columns",
        arguments: ["-5", "1234.50", "-1234,50", "+12", "-1 234,50", "-12 %", "-1.5e-3", "-.5", "\u{2212}7"])
    func numbers(_ value: String) {
        #expect(CSVWriter.defused(value, kind: .number) == value)
        let startsLikeFormula = value.hasPrefix("-") || value.hasPrefix("+")
        #expect(CSVWriter.defused(value, kind: .text) == (startsLikeFormula ? "'" + value : value))
    }

    @Test(
        "phones stay phones in phone columns",
        arguments: [
            "+79161234567", "+7 (916) 123-45-67", "+49 30 1234567", "+79161234567;+79161234568",
            "+79161234567, +4930123456",
        ])
    func phones(_ value: String) {
        #expect(CSVWriter.defused(value, kind: .phone) == value)
        #expect(CSVWriter.defused(value, kind: .text) == "'" + value)
    }

    @Test(
        "a phone column still defuses what is not a list of phones",
        arguments: ["+79161234567;=1+3", "+7916;", "+7916;;+7917", "+", "+7 916 доб. 2", "+7916;@SUM(A1)"])
    func notPhones(_ value: String) {
        #expect(CSVWriter.defused(value, kind: .phone) == "'" + value)
    }

    @Test("a phone with brackets or dashes is not a number")
    func phoneInNumberColumn() {
        #expect(CSVWriter.defused("+7 (916) 123-45-67", kind: .number) == "'+7 (916) 123-45-67")
        #expect(CSVWriter.defused("+7 916 123-45-67", kind: .number) == "'+7 916 123-45-67")
        #expect(CSVWriter.defused("+79161234567", kind: .number) == "+79161234567")
    }

    @Test("a line declares its columns: text defused, numbers and phones kept, the header always text")
    func line() {
        let writer = CSVWriter(separator: ";", kinds: [.text, .phone, .number])
        #expect(writer.line(["=1+3", "+79161234567", "-5"]) == "'=1+3;+79161234567;-5\r\n")
        #expect(writer.line(["-5", "=1+3", "=1+3"]) == "'-5;'=1+3;'=1+3\r\n")
        #expect(writer.line(["+x", "-y", "@z"], header: true) == "'+x;'-y;'@z\r\n")
        #expect(writer.line(["a", "b", "c", "-5"]) == "a;b;c;'-5\r\n")
        #expect(CSVWriter(lineEnding: "\n").line(["a", "b"]) == "a,b\n")
    }

    @Test(
        "quoting follows RFC 4180: separator, quote, CR and LF",
        arguments: [
            (",", "a,b", "\"a,b\""), (",", "a;b", "a;b"), (";", "a;b", "\"a;b\""), (";", "a,b", "a,b"),
            (",", "say \"hi\"", "\"say \"\"hi\"\"\""), (",", "two\nlines", "\"two\nlines\""),
            (",", "cr\rhere", "\"cr\rhere\""), (",", "plain", "plain"), (",", "", ""),
            ("\t", "a\tb", "\"a\tb\""),
        ] as [(Character, String, String)])
    func quoting(_ separator: Character, _ value: String, _ expected: String) {
        #expect(CSVWriter(separator: separator).quoted(value) == expected)
    }

    @Test("a formula with a separator and quotes is defused and then quoted")
    func defusedThenQuoted() {
        #expect(CSVWriter().cell("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")
    }

    @Test(
        "what the writer quotes, the repo's reader reads back as it was",
        arguments: [CSVDialect.comma, .semicolon, .tab])
    func roundTrip(_ dialect: CSVDialect) throws {
        let separator: Character = dialect == .comma ? "," : dialect == .semicolon ? ";" : "\t"
        let rows = [
            ["Иван, Петров", "say \"hi\"", "two\nlines", "1234.50"],
            ["a;b", "tab\there", "crlf\r\nend", "-5"],
            ["\"\"", "", " spaced ", "+79161234567"],
            ["Ёлка", "quote\"inside", "trailing,", "0"],
        ]
        let writer = CSVWriter(separator: separator, kinds: [.text, .text, .text, .number])
        let text = writer.document(headers: ["name", "note", "text", "amount"], rows: rows)
        let document = try CSVReader(dialect: dialect, skipsEmptyRecords: false).read(text)
        #expect(document.records.map(\.fields) == [["name", "note", "text", "amount"]] + rows)
        #expect(document.records.map(\.line) == [1, 2, 4, 6, 7])
    }

    @Test("bytes appended for big files are the same as the string cells")
    func appendCell() {
        let writer = CSVWriter(kinds: [.text, .number])
        for value in ["plain", "=1+3", "a,b", "say \"hi\"", "", "-5", "Ёлка"] {
            for kind in [CSVColumnKind.text, .number] {
                var buffer: [UInt8] = [1]
                writer.appendCell(value, kind: kind, to: &buffer)
                #expect(buffer == [1] + Array(writer.cell(value, kind: kind).utf8))
            }
        }
    }
}
