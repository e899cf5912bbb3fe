/// Writes every CSV file Earned hands out: the one place that quotes cells and defuses formulas.
///
/// Quoting follows RFC 4180 §2: a cell holding the separator, a quote, CR or LF is enclosed in
/// quotes, with its quotes doubled. A cell that starts with `=`, `+`, `-`, `@`, a tab or CR would
/// be run as a formula by Excel, LibreOffice or Google Sheets (OWASP, "CSV Injection"), so it is
/// written as `'` + the cell, unless its column is declared ``CSVColumnKind/number`` or
/// ``CSVColumnKind/phone`` and the cell looks like one (`-5`, `+79161234567`).
///
/// ```swift
/// let writer = CSVWriter(separator: ";", kinds: [.text, .phone, .number])
/// var text = writer.line(["Имя", "Телефон", "Сумма"], header: true)
/// text += writer.line(["=1+3", "+79161234567", "-5"])   // "'=1+3;+79161234567;-5\r\n"
/// ```
public struct CSVWriter: Sendable, Hashable {
    /// The field separator.
    public var separator: Character
    /// The kind of each column, by 0-based index; columns past the end are ``CSVColumnKind/text``.
    public var kinds: [CSVColumnKind]
    /// What ends each line: CRLF by RFC 4180 unless set otherwise.
    public var lineEnding: String

    /// Creates a writer; every column is text unless `kinds` says otherwise.
    public init(separator: Character = ",", kinds: [CSVColumnKind] = [], lineEnding: String = "\r\n") {
        self.separator = separator
        self.kinds = kinds
        self.lineEnding = lineEnding
    }

    /// The kind of column `index`.
    public func kind(ofColumn index: Int) -> CSVColumnKind {
        index < kinds.count ? kinds[index] : .text
    }

    /// One line: the cells defused by their columns' kinds (or all as text for a `header`),
    /// quoted where needed, joined by the separator, with the line ending.
    public func line(_ cells: [String], header: Bool = false) -> String {
        var text = ""
        for (index, cell) in cells.enumerated() {
            if index > 0 { text.append(separator) }
            text += self.cell(cell, kind: header ? .text : kind(ofColumn: index))
        }
        return text + lineEnding
    }

    /// A header line followed by one line per row.
    public func document(headers: [String], rows: [[String]]) -> String {
        rows.reduce(into: line(headers, header: true)) { $0 += line($1) }
    }

    /// One cell, defused for its kind and quoted when needed.
    public func cell(_ value: String, kind: CSVColumnKind = .text) -> String {
        quoted(Self.defused(value, kind: kind))
    }

    /// Appends one cell, defused for its kind and quoted when needed, as UTF-8, for writers that
    /// build large files in byte buffers. A plain cell (the common case) is copied as it is.
    public func appendCell(_ value: String, kind: CSVColumnKind = .text, to buffer: inout [UInt8]) {
        let utf8 = value.utf8
        if let first = utf8.first, !Self.formulaStartBytes.contains(first),
            separator.utf8.count == 1, let separatorByte = separator.utf8.first,
            !utf8.contains(where: { $0 == separatorByte || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
        {
            buffer.append(contentsOf: utf8)
            return
        }
        buffer.append(contentsOf: cell(value, kind: kind).utf8)
    }

    private static let formulaStartBytes: [UInt8] = Array("=+-@\t\r".utf8)

    /// `value` quoted as RFC 4180 requires with this separator (nothing else changed).
    public func quoted(_ value: String) -> String {
        guard
            value.unicodeScalars.contains(where: { $0 == "\"" || $0 == "\n" || $0 == "\r" })
                || value.contains(separator)
        else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `value` with a leading `'` when a spreadsheet would run it as a formula; a number or a
    /// phone in a column of that kind is left alone.
    public static func defused(_ value: String, kind: CSVColumnKind = .text) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        switch kind {
        case .number where looksLikeNumber(value), .phone where looksLikePhone(value): return value
        default: return "'" + value
        }
    }

    /// A sign, then digits with optional spaces, `.`, `,`, an exponent and a trailing `%`:
    /// nothing a spreadsheet could call a function with.
    static func looksLikeNumber(_ value: String) -> Bool {
        var scalars = value.unicodeScalars[...]
        if let sign = scalars.first, sign == "-" || sign == "+" || sign == "\u{2212}" { scalars.removeFirst() }
        if scalars.last == "%" { scalars.removeLast() }
        guard let first = scalars.first, ("0"..."9").contains(first) || first == "." || first == "," else {
            return false
        }
        var exponent = false
        var previous: Unicode.Scalar = " "
        for scalar in scalars {
            switch scalar {
            case "0"..."9", ".", ",", " ", "\u{00A0}", "\u{202F}": break
            case "e",
                "E" where !exponent:
                exponent = true
            case "-", "+":
                guard previous == "e" || previous == "E" else { return false }
            default: return false
            }
            previous = scalar
        }
        return scalars.contains { ("0"..."9").contains($0) }
    }

    /// `+`, then digits with spaces, dashes and brackets, as phones are written; or a list of
    /// such phones separated by `;` or `,` (a customer's phones in one cell).
    static func looksLikePhone(_ value: String) -> Bool {
        let phones = value.unicodeScalars.split(omittingEmptySubsequences: false) { $0 == ";" || $0 == "," }
        return phones.allSatisfy { phone in
            var scalars = phone.drop { $0 == " " }
            guard scalars.first == "+" else { return false }
            scalars.removeFirst()
            var digits = 0
            for scalar in scalars {
                switch scalar {
                case "0"..."9": digits += 1
                case " ", "-", "(", ")", "\u{00A0}": break
                default: return false
                }
            }
            return digits > 0
        }
    }
}
