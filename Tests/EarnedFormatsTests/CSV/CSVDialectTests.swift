import Foundation
import Testing

@testable import EarnedFormats

@Suite struct CSVDialectTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let expected: CSVDialect.Separator
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "comma with names holding spaces",
            text: "id,name,phone\n1,Ivan Petrov,+7 900 123 45 67\n2,Anna Smith,+1 212 555 0100\n",
            expected: .comma),
        Case(
            name: "semicolon with decimal commas",
            text: "Код;Сумма;Дата\n1;1 234,56;15.03.2024\n2;-12,5;16.03.2024\n3;7;17.03.2024\n",
            expected: .semicolon),
        Case(
            name: "semicolon where every row has one decimal comma",
            text: "name;amount;qty;city\nA;1,5;2;X\nB;2,25;1;Y\nC;3,75;4;Z\n",
            expected: .semicolon),
        Case(
            name: "tab",
            text: "id\tname\tnote\n1\tIvan\ta, b; c\n2\tAnna\td\n",
            expected: .tab),
        Case(
            name: "separators inside quotes are ignored",
            text: "name,comment\n\"Петров; И.\",\"a; b; c\"\n\"Smith\",\"x;y\"\n\"Doe; J\",\"line\nbreak; here\"\n",
            expected: .comma),
        Case(
            name: "whitespace-aligned CDNOW log",
            text: CSVFixtures.cdnow,
            expected: .whitespace),
        Case(
            name: "whitespace log with decimal commas",
            text: " 00004 0001 19970101  2   29,33\n 00004 0001 19970118  2   29,73\n 00021 0002 19970101  3   63,34\n",
            expected: .whitespace),
        Case(
            name: "one column falls back to comma",
            text: "email\nann@example.com\nbob@example.com\n",
            expected: .comma),
    ]

    @Test(arguments: cases)
    func detectsSeparator(_ example: Case) {
        #expect(CSVDialect.detect(in: example.text).separator == example.expected)
    }

    @Test func readerUsesDetectedDialectAndAForcedOneWins() throws {
        let text = "a;b,c\n1;2,3\n"

        let detected = try CSVReader().read(text)
        let forced = try CSVReader(dialect: .comma).read(text)

        #expect(detected.dialect == .semicolon)
        #expect(detected.records[1].fields == ["1", "2,3"])
        #expect(forced.dialect == .comma)
        #expect(forced.records[1].fields == ["1;2", "3"])
    }
}
