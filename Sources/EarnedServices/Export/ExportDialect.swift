import EarnedFormats

/// How an export's fields are separated, chosen by its reader.
public enum ExportDialect: String, Sendable, CaseIterable {
    /// RFC 4180: `,`, UTF-8 without a byte-order mark; what `earned import` and most programs read.
    case comma
    /// `;` with a UTF-8 byte-order mark: what a spreadsheet set to Russian opens in columns, with
    /// Cyrillic intact.
    case excel

    /// The separator of the fields.
    public var separator: Character { self == .comma ? "," : ";" }

    /// What the file begins with: the byte-order mark for `excel`.
    public var preamble: String { self == .excel ? "\u{FEFF}" : "" }

    /// The one writer of CSV, with this dialect's separator and the columns' kinds.
    func writer(_ kinds: [CSVColumnKind]) -> CSVWriter { CSVWriter(separator: separator, kinds: kinds) }
}
