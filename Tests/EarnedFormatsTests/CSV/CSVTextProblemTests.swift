import Foundation
import Testing

@testable import EarnedFormats

@Suite("CSV text problems")
struct CSVTextProblemTests {
    /// A UTF-8 customers file of `rows` lines under a header, with the bytes of `field` (0-based)
    /// on data line `badRow` (1-based, so physical line `badRow + 1`) replaced by `bad`.
    static func customers(rows: Int, badRow: Int, field: Int, bad: [UInt8]) -> [UInt8] {
        var bytes = Array("Код;ФИО;Телефон\n".utf8)
        for row in 1...rows {
            var cells = ["K\(row)", "Семёнова Анна \(row)", "+7 916 000 00 \(row % 100)"].map { Array($0.utf8) }
            if row == badRow { cells[field] = Array(cells[field].prefix(4)) + bad + Array(cells[field].dropFirst(4)) }
            bytes += cells.joined(separator: [UInt8(ascii: ";")]) + [UInt8(ascii: "\n")]
        }
        return bytes
    }

    /// Feeds a stream `chunkSize` bytes at a time, as the importer reads an upload.
    static func stream(_ bytes: [UInt8], chunkSize: Int, reader: CSVReader = CSVReader()) throws -> (
        records: [CSVRecord], encoding: TextDecoding.Encoding
    ) {
        var offset = 0
        let stream = CSVRecordStream(reader: reader, chunkSize: chunkSize) { count in
            guard offset < bytes.count else { return nil }
            defer { offset = min(offset + count, bytes.count) }
            return Array(bytes[offset..<min(offset + count, bytes.count)])
        }
        var records: [CSVRecord] = []
        while let record = try stream.next() { records.append(record) }
        return (records, stream.encoding)
    }

    @Test(
        "a stray byte in a UTF-8 file is a problem of its line and field, not a silent U+FFFD",
        arguments: [2, 150], [5, 4096, 1 << 20])
    func invalidUTF8(badRow: Int, chunkSize: Int) throws {
        let bytes = Self.customers(rows: 200, badRow: badRow, field: 1, bad: [0xFF])

        let (records, encoding) = try Self.stream(bytes, chunkSize: chunkSize)

        #expect(encoding == .utf8)
        #expect(records.count == 201)
        #expect(records[0].fields == ["Код", "ФИО", "Телефон"])
        let bad = records.filter { !$0.problems.isEmpty }
        #expect(bad.map(\.line) == [badRow + 1])
        #expect(bad.first?.problems == [CSVFieldProblem(fieldIndex: 1, .invalidUTF8)])
        #expect(records[badRow].line == badRow + 1)
        let header = CSVHeader(records[0])
        let problems = records.flatMap { ImportProblem.problems(in: $0, header: header) }
        #expect(problems.map(\.line) == [badRow + 1])
        #expect(problems.map(\.column) == ["ФИО"])
        #expect(problems.first?.why == .text(.invalidUTF8))
        #expect(
            problems.first?.description
                == "line \(badRow + 1), column \"ФИО\": holds bytes that are not UTF-8; save the file as UTF-8 again")
        // The other lines are read whole, Cyrillic intact.
        #expect(records[1 == badRow ? 3 : 1][1].hasPrefix("Семёнова Анна"))
    }

    @Test(
        "a cut UTF-8 character and an overlong form are invalid too",
        arguments: [[0xD0], [0xC0, 0xAF], [0xED, 0xA0, 0x80]])
    func otherInvalidSequences(bad: [UInt8]) throws {
        let bytes = Self.customers(rows: 60, badRow: 7, field: 2, bad: bad)

        let document = try CSVReader().read(bytes)

        #expect(document.encoding == .utf8)
        #expect(document.records.filter { !$0.problems.isEmpty }.map(\.line) == [8])
        #expect(document.records[7].problems == [CSVFieldProblem(fieldIndex: 2, .invalidUTF8)])
    }

    @Test("a Windows-1251 file is still read as Windows-1251, with no problems")
    func windows1251StaysWindows1251() throws {
        let document = try CSVReader().read(CSVFixtures.russianWindows1251)

        #expect(document.encoding == .windows1251)
        #expect(document.records[1][1] == "Иванов Иван")
        #expect(document.records.allSatisfy { $0.problems.isEmpty })
    }

    @Test("a NUL in a field is a problem of that field; the other lines are clean")
    func nul() throws {
        let text = "id,name,city\n1,An\u{0}na,Omsk\n2,Bob,\u{0}\n3,Eve,Tver\n"

        let records = try CSVReader().read(Array(text.utf8)).records

        #expect(
            records.map(\.problems) == [
                [], [CSVFieldProblem(fieldIndex: 1, .nul)], [CSVFieldProblem(fieldIndex: 2, .nul)], [],
            ])
        let header = CSVHeader(records[0])
        #expect(records.flatMap { ImportProblem.problems(in: $0, header: header) }.map(\.column) == ["name", "city"])
    }

    @Test("a byte-order mark at the start of any field goes silently; inside a field it is a problem")
    func byteOrderMarks() throws {
        let text =
            "id;name\n\u{FEFF}1;\u{FEFF}Anna\n2;\"\u{FEFF}Bob\"\n3;\u{FEFF}\"Eve\"\n4;Iv\u{FEFF}an\n5;\u{FEFF}\u{FEFF}Ann\n"

        let records = try CSVReader().read([0xEF, 0xBB, 0xBF] + Array(text.utf8)).records

        #expect(
            records.map(\.fields) == [
                ["id", "name"], ["1", "Anna"], ["2", "Bob"], ["3", "Eve"], ["4", "Iv\u{FEFF}an"], ["5", "Ann"],
            ])
        #expect(records.map(\.problems) == [[], [], [], [], [CSVFieldProblem(fieldIndex: 1, .byteOrderMark)], []])
    }

    @Test("a second file pasted below the first: its mark goes, its header is a problem on its line")
    func repeatedHeader() throws {
        let first = "Код;ФИО;Телефон\nK1;Анна;+79160000001\n"
        let second = "\u{FEFF} код ; фио;ТЕЛЕФОН;\nK2;Борис;+79160000002\n"

        let records = try CSVReader().read(Array((first + second).utf8)).records
        let header = CSVHeader(records[0])

        #expect(records.map(\.line) == [1, 2, 3, 4])
        #expect(
            records.map { header.problems(in: $0) } == [
                [], [], [CSVFieldProblem(fieldIndex: nil, .repeatedHeader(headerLine: 1))], [],
            ])
        let problems = records.flatMap { ImportProblem.problems(in: $0, header: header) }
        #expect(problems == [ImportProblem(line: 3, column: nil, .text(.repeatedHeader(headerLine: 1)))])
        #expect(problems.first?.reason == "repeats the header of line 1; were two files joined?")
    }

    @Test("a line with more fields than the header is a problem at the first extra field; fewer is fine")
    func tooManyFields() throws {
        let wide = "1," + Array(repeating: "x", count: 99_999).joined(separator: ",")
        let text = "id,name,phone\n1,Anna\n2,Bob,+7916,extra\n\(wide)\n3,Eve,+7916\n"

        let records = try CSVReader().read(text).records
        let header = CSVHeader(records[0])

        #expect(records[3].count == 100_000)
        #expect(
            records.map { header.problems(in: $0) } == [
                [], [], [CSVFieldProblem(fieldIndex: 3, .tooManyFields(count: 4, header: 3))],
                [CSVFieldProblem(fieldIndex: 3, .tooManyFields(count: 100_000, header: 3))], [],
            ])
        let problems = records.flatMap { ImportProblem.problems(in: $0, header: header) }
        #expect(problems.map(\.line) == [3, 4])
        #expect(problems.map(\.column) == ["field 4", "field 4"])
        #expect(problems.first?.reason == "has 4 fields, the header has 3; is there a stray separator or quote?")
    }

    @Test("a problem after a field with line breaks names the line its record starts on, and the field's header")
    func physicalLines() throws {
        let text =
            "Код;ФИО;Адрес;Телефон\nK1;Анна;\"ул. Ленина, 1\nкв. 5\r\n(домофон)\";+7 916\n\nK2;Бо\u{0}рис;;\nK3;Ив\u{FEFF}ан;;;x\n"

        let records = try CSVReader().read(text).records
        let header = CSVHeader(records[0])
        let problems = records.flatMap { ImportProblem.problems(in: $0, header: header) }

        #expect(records.map(\.line) == [1, 2, 6, 7])
        #expect(problems.map(\.line) == [6, 7, 7])
        #expect(problems.map(\.column) == ["ФИО", "ФИО", "field 5"])
        #expect(
            problems.map(\.why) == [.text(.nul), .text(.byteOrderMark), .text(.tooManyFields(count: 5, header: 4))])
    }

    @Test("an unclosed quote names its field: the header's name, or field N without a header")
    func unclosedQuoteNamesTheField() throws {
        let text = "Код;ФИО;Адрес;Телефон\nK1;Анна;\"ул. Ленина\nкв. 5\";+7 916\nK2;Борис;Тверь;\"+7 916 123\n"

        let error = #expect(throws: CSVError.self) { try CSVReader().read(text) }

        #expect(error == .unterminatedQuote(line: 4, field: 4))
        #expect(error?.description == "line 4, field 4: quoted field is never closed")
        let header = CSVHeader(names: ["Код", "ФИО", "Адрес", "Телефон"], line: 1)
        let named = try #require(error.flatMap { ImportProblem(file: $0, header: header) })
        #expect(named.line == 4)
        #expect(named.column == "Телефон")
        let unnamed = try #require(error.flatMap { ImportProblem(file: $0) })
        #expect(unnamed.column == "field 4")
        #expect(unnamed.description == "line 4, column \"field 4\": quoted field is never closed")
    }

    @Test(
        "a header split by another separator than the lines is reported at the first line below it",
        arguments: [
            (
                "Код;ФИО;Телефон\nK1,Анна,+7916\nK2,Борис,+7917\n", 2, CSVDialect.Separator.semicolon,
                CSVDialect.Separator.comma
            ),
            ("\nКод;ФИО;Телефон\r\n\r\nK1,Анна,+7916\r\n", 4, .semicolon, .comma),
            ("id,name,phone\n1;Anna;+7916\n", 2, .comma, .semicolon),
            ("id\tname\tphone\n1;Anna;+7916\n2;Bob;+7917\n", 2, .tab, .semicolon),
            ("\"Код;\nстарый\";ФИО\nK1,Анна\n", 3, .semicolon, .comma),
        ])
    func separatorMismatch(text: String, line: Int, header: CSVDialect.Separator, rows: CSVDialect.Separator) throws {
        let error = #expect(throws: CSVError.self) { try CSVReader().read(text) }
        #expect(error == .separatorMismatch(line: line, header: header, rows: rows))
        let problem = try #require(error.flatMap { ImportProblem(file: $0) })
        #expect(problem.line == line)
        #expect(problem.column == nil)

        let streamed = #expect(throws: CSVError.self) { try Self.stream(Array(text.utf8), chunkSize: 3) }
        #expect(streamed == error)
    }

    @Test(
        "one separator throughout is no mismatch, nor a forced separator",
        arguments: [
            "Сумма, руб;Дата\n100,50;01.01.2026\n200,00;02.01.2026\n", "id,name\n1,\"Anna; Bob\"\n",
            "a;b;c\n1;2;3\n", "00004 0001 19970101  2   29.33\n00004 0001 19970118  2   29.73\n",
        ])
    func noMismatch(text: String) throws {
        let document = try CSVReader().read(text)
        #expect(document.records.count >= 2)
        #expect(document.records.allSatisfy { $0.count == document.records[0].count })
        let forced = try CSVReader(dialect: .semicolon).read("Код;ФИО\nK1,Анна\n")
        #expect(forced.records.map(\.count) == [2, 1])
    }
}
