import Foundation
import Testing

@testable import EarnedFormats

@Suite struct LocaleNumberParserTests {
    @Test(
        arguments: [
            ("1 234,56", 123_456),
            ("1234.56", 123_456),
            ("1,234.56", 123_456),
            ("1 234,56 ₽", 123_456),
            ("-12,5", -1_250),
            ("29.33", 2_933),
            ("1\u{00A0}234,56", 123_456),
            ("1\u{202F}234,56", 123_456),
            ("1.234.567,89", 123_456_789),
            ("1,234,567.89", 123_456_789),
            ("1,234", 123_400),
            ("1,5", 150),
            ("0,5", 50),
            ("12", 1_200),
            ("+7", 700),
            ("  42,00  ", 4_200),
            ("$1,234.50", 123_450),
            ("-$5.00", -500),
            ("$-5.00", -500),
            ("(15.00)", -1_500),
            ("12,50-", -1_250),
            ("1 234 567", 123_456_700),
            ("RUB 10", 1_000),
            ("10 руб.", 1_000),
            ("99,90 р.", 9_990),
            ("€ 1.234,56", 123_456),
            ("1'234.5", 123_450),
            ("\u{2212}3,10", -310),
            (".5", 50),
            ("7.", 700),
            ("29.330", 2_933),
            ("-0,00", 0),
            ("92233720368547758.07", Int64.max),
        ] as [(String, Int64)])
    func parsesMoneyToMinorUnits(text: String, expected: Int64) throws {
        #expect(try LocaleNumberParser().minorUnits(from: text) == expected)
    }

    @Test(arguments: [
        ("abc", LocaleNumberParseError.notANumber("abc")),
        ("", .empty),
        ("   ", .empty),
        ("-", .notANumber("-")),
        ("12a", .notANumber("12a")),
        ("1..2", .notANumber("1..2")),
        ("1,2,3", .notANumber("1,2,3")),
        ("1 23,4", .notANumber("1 23,4")),
        ("1.2.3,4,5", .notANumber("1.2.3,4,5")),
        ("1 234.567,8", .notANumber("1 234.567,8")),
        ("--1", .notANumber("--1")),
        ("(-1)", .notANumber("(-1)")),
        ("12 шт", .notANumber("12 шт")),
        ("29.333", .tooManyFractionDigits("29.333", allowed: 2)),
        ("0,125", .tooManyFractionDigits("0,125", allowed: 2)),
        ("1 234,567", .tooManyFractionDigits("1 234,567", allowed: 2)),
        ("92233720368547758.08", .outOfRange("92233720368547758.08")),
        ("99999999999999999999", .outOfRange("99999999999999999999")),
    ])
    func rejectsBadInput(text: String, error: LocaleNumberParseError) {
        #expect(throws: error) { try LocaleNumberParser().minorUnits(from: text) }
    }

    @Test func errorMessageQuotesTheInput() {
        #expect(LocaleNumberParseError.notANumber("abc").description == "not a number: 'abc'")
    }

    @Test(
        arguments: [
            (FloatingPointRoundingRule.toNearestOrEven, "0.125", 12),
            (.toNearestOrEven, "0.135", 14),
            (.toNearestOrEven, "0.1251", 13),
            (.toNearestOrAwayFromZero, "0.125", 13),
            (.toNearestOrAwayFromZero, "-0.125", -13),
            (.toNearestOrAwayFromZero, "2.994", 299),
            (.towardZero, "-1.999", -199),
            (.awayFromZero, "1.001", 101),
            (.up, "1.001", 101),
            (.up, "-1.009", -100),
            (.down, "-1.001", -101),
            (.down, "1.009", 100),
        ] as [(FloatingPointRoundingRule, String, Int64)])
    func roundsExtraDigitsWhenAsked(rule: FloatingPointRoundingRule, text: String, expected: Int64) throws {
        #expect(try LocaleNumberParser(rounding: rule).minorUnits(from: text) == expected)
    }

    @Test func otherCurrencyExponents() throws {
        #expect(try LocaleNumberParser(fractionDigits: 0).minorUnits(from: "1 000") == 1_000)
        #expect(try LocaleNumberParser(fractionDigits: 3).minorUnits(from: "1,5") == 1_500)
        #expect(throws: LocaleNumberParseError.tooManyFractionDigits("2,5", allowed: 0)) {
            try LocaleNumberParser(fractionDigits: 0).minorUnits(from: "2,5")
        }
    }

    @Test func forcedDecimalSeparator() throws {
        #expect(try LocaleNumberParser(decimalSeparator: .comma).minorUnits(from: "1.234") == 123_400)
        #expect(try LocaleNumberParser(decimalSeparator: .comma).minorUnits(from: "1.234,5") == 123_450)
        #expect(try LocaleNumberParser(decimalSeparator: .period).minorUnits(from: "1,234") == 123_400)
        #expect(throws: LocaleNumberParseError.notANumber("1,5")) {
            try LocaleNumberParser(decimalSeparator: .period).minorUnits(from: "1,5")
        }
    }

    @Test func decimalKeepsEveryDigitExactly() throws {
        let parser = LocaleNumberParser()

        #expect(
            try parser.decimal(from: "1 234,5678")
                == Decimal(string: "1234.5678", locale: Locale(identifier: "en_US_POSIX")))
        #expect(try parser.decimal(from: "-0,1") == Decimal(sign: .minus, exponent: -1, significand: 1))
        #expect(try parser.decimal(from: "0.1") + parser.decimal(from: "0.2") == parser.decimal(from: "0.3"))
    }
}
