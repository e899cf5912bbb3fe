import Foundation

@testable import EarnedFormats

/// Shared inputs for the CSV tests.
enum CSVFixtures {
    /// A Russian customer/order export as Excel saves it: Windows-1251, semicolons, CRLF,
    /// no-break space grouping, decimal commas, a quoted field holding a semicolon, «Ёж» quotes.
    /// Bytes produced independently of the code under test (Python's cp1251 codec) from:
    ///
    ///     Код;ФИО;Телефон;Сумма;Дата покупки
    ///     1;Иванов Иван;+7 900 123-45-67;1\u{A0}234,56;15.03.2024
    ///     2;"Петрова; Анна";+7 901 000-00-00;-12,5;01.02.2024 18:30
    ///     3;Ёлкин Пётр «Ёж»;;99,90 руб.;29.02.2024
    static let russianWindows1251: [UInt8] = [
        0xCA, 0xEE, 0xE4, 0x3B, 0xD4, 0xC8, 0xCE, 0x3B, 0xD2, 0xE5, 0xEB, 0xE5, 0xF4, 0xEE, 0xED, 0x3B,
        0xD1, 0xF3, 0xEC, 0xEC, 0xE0, 0x3B, 0xC4, 0xE0, 0xF2, 0xE0, 0x20, 0xEF, 0xEE, 0xEA, 0xF3, 0xEF,
        0xEA, 0xE8, 0x0D, 0x0A, 0x31, 0x3B, 0xC8, 0xE2, 0xE0, 0xED, 0xEE, 0xE2, 0x20, 0xC8, 0xE2, 0xE0,
        0xED, 0x3B, 0x2B, 0x37, 0x20, 0x39, 0x30, 0x30, 0x20, 0x31, 0x32, 0x33, 0x2D, 0x34, 0x35, 0x2D,
        0x36, 0x37, 0x3B, 0x31, 0xA0, 0x32, 0x33, 0x34, 0x2C, 0x35, 0x36, 0x3B, 0x31, 0x35, 0x2E, 0x30,
        0x33, 0x2E, 0x32, 0x30, 0x32, 0x34, 0x0D, 0x0A, 0x32, 0x3B, 0x22, 0xCF, 0xE5, 0xF2, 0xF0, 0xEE,
        0xE2, 0xE0, 0x3B, 0x20, 0xC0, 0xED, 0xED, 0xE0, 0x22, 0x3B, 0x2B, 0x37, 0x20, 0x39, 0x30, 0x31,
        0x20, 0x30, 0x30, 0x30, 0x2D, 0x30, 0x30, 0x2D, 0x30, 0x30, 0x3B, 0x2D, 0x31, 0x32, 0x2C, 0x35,
        0x3B, 0x30, 0x31, 0x2E, 0x30, 0x32, 0x2E, 0x32, 0x30, 0x32, 0x34, 0x20, 0x31, 0x38, 0x3A, 0x33,
        0x30, 0x0D, 0x0A, 0x33, 0x3B, 0xA8, 0xEB, 0xEA, 0xE8, 0xED, 0x20, 0xCF, 0xB8, 0xF2, 0xF0, 0x20,
        0xAB, 0xA8, 0xE6, 0xBB, 0x3B, 0x3B, 0x39, 0x39, 0x2C, 0x39, 0x30, 0x20, 0xF0, 0xF3, 0xE1, 0x2E,
        0x3B, 0x32, 0x39, 0x2E, 0x30, 0x32, 0x2E, 0x32, 0x30, 0x32, 0x34, 0x0D, 0x0A,
    ]

    /// The decoded text of ``russianWindows1251``.
    static let russianText =
        "Код;ФИО;Телефон;Сумма;Дата покупки\r\n"
        + "1;Иванов Иван;+7 900 123-45-67;1\u{A0}234,56;15.03.2024\r\n"
        + "2;\"Петрова; Анна\";+7 901 000-00-00;-12,5;01.02.2024 18:30\r\n"
        + "3;Ёлкин Пётр «Ёж»;;99,90 руб.;29.02.2024\r\n"

    /// The first 20 lines of shared/data/CDNOW_sample.txt (CDNOW purchase log: customer id,
    /// customer id in the sample, date YYYYMMDD, CDs bought, dollars), with its CRLF endings.
    static let cdnowLines = [
        " 00004 0001 19970101  2   29.33",
        " 00004 0001 19970118  2   29.73",
        " 00004 0001 19970802  1   14.96",
        " 00004 0001 19971212  2   26.48",
        " 00021 0002 19970101  3   63.34",
        " 00021 0002 19970113  1   11.77",
        " 00050 0003 19970101  1    6.79",
        " 00071 0004 19970101  1   13.97",
        " 00086 0005 19970101  2   23.94",
        " 00111 0006 19970101  1   35.99",
        " 00111 0006 19970111  1   32.99",
        " 00111 0006 19970315  4   77.96",
        " 00111 0006 19970416  3   59.30",
        " 00111 0006 19970424  2  134.98",
        " 00111 0006 19970623  1   91.92",
        " 00111 0006 19970722  3   47.08",
        " 00111 0006 19970726  2   71.96",
        " 00111 0006 19971025  3   78.47",
        " 00111 0006 19971206  3   83.47",
        " 00111 0006 19980118  4   84.46",
    ]

    static var cdnow: String { cdnowLines.map { $0 + "\r\n" }.joined() }

    /// A file that exercises the parser's corners: quotes, doubled quotes, separators and line
    /// breaks inside quotes, CRLF and bare CR, blank lines, Cyrillic, a last line without a break.
    static let tricky =
        "id,name,note\r\n"
        + "1,Иван,\"say \"\"hi\"\", then go\"\r\n"
        + "\r\n"
        + "2,\"Анна, Мария\",\"two\nlines\"\n"
        + "3,Ёжик,\r"
        + "4,\"\",\"\"\"\"\n"
        + "\n"
        + "5,last,no break"

    static let trickyExpected: [CSVRecord] = [
        CSVRecord(line: 1, fields: ["id", "name", "note"]),
        CSVRecord(line: 2, fields: ["1", "Иван", "say \"hi\", then go"]),
        CSVRecord(line: 4, fields: ["2", "Анна, Мария", "two\nlines"]),
        CSVRecord(line: 6, fields: ["3", "Ёжик", ""]),
        CSVRecord(line: 7, fields: ["4", "", "\""]),
        CSVRecord(line: 9, fields: ["5", "last", "no break"]),
    ]

    /// `text` encoded as UTF-16 with a byte-order mark.
    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let high = UInt8(unit >> 8)
            let low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }
}
