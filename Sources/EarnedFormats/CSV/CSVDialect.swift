import Foundation

/// How fields are separated in a delimited text file.
///
/// Use ``detect(in:)`` to choose the separator from the first lines of a file, or one of the
/// static values (``comma``, ``semicolon``, ``tab``, ``whitespace``) to force it.
public struct CSVDialect: Sendable, Hashable, CustomStringConvertible {
    /// A field separator.
    public enum Separator: String, Sendable, Hashable, CaseIterable {
        /// `,` — RFC 4180 and English-locale spreadsheets.
        case comma
        /// `;` — spreadsheets in locales whose decimal separator is a comma (Russian Excel).
        case semicolon
        /// A tab character.
        case tab
        /// Runs of spaces or tabs, as in plain fixed-column transaction logs
        /// (`" 00004 0001 19970101  2   29.33"`); leading and trailing runs are ignored.
        case whitespace

        /// The separator as people write it in a message: `';'`, `','`, `tab`, `spaces`.
        public var symbol: String {
            switch self {
            case .comma: "','"
            case .semicolon: "';'"
            case .tab: "tab"
            case .whitespace: "spaces"
            }
        }

        /// The separator byte, or `nil` for ``whitespace``.
        var byte: UInt8? {
            switch self {
            case .comma: UInt8(ascii: ",")
            case .semicolon: UInt8(ascii: ";")
            case .tab: UInt8(ascii: "\t")
            case .whitespace: nil
            }
        }
    }

    /// The field separator.
    public var separator: Separator

    /// Creates a dialect with the given separator.
    public init(separator: Separator) {
        self.separator = separator
    }

    /// Comma-separated values.
    public static let comma = CSVDialect(separator: .comma)
    /// Semicolon-separated values.
    public static let semicolon = CSVDialect(separator: .semicolon)
    /// Tab-separated values.
    public static let tab = CSVDialect(separator: .tab)
    /// Whitespace-separated columns.
    public static let whitespace = CSVDialect(separator: .whitespace)

    /// The separator's name, e.g. "semicolon".
    public var description: String { separator.rawValue }

    /// How many leading lines ``detect(in:)`` looks at.
    public static let detectionLineCount = 20

    /// Chooses the separator from the first lines of `text`.
    public static func detect(in text: String) -> CSVDialect {
        var text = text
        return text.withUTF8 { detect(inUTF8: $0, isComplete: true) }
    }

    /// Chooses the separator from the first lines of UTF-8 (or ASCII-compatible) bytes.
    ///
    /// For each candidate the number of fields of each of the first ``detectionLineCount``
    /// non-blank lines is counted, ignoring separators inside quotes (a quoted line break does
    /// not end a line). A candidate's column count is the most frequent count, and its
    /// consistency the share of lines that have it. Among comma, semicolon and tab, the one with
    /// a column count above 1 and the highest consistency wins (ties: more columns, then
    /// semicolon, comma, tab). Whitespace wins when none of them splits the lines, or when the
    /// winner only ever stands between two digits (decimal commas) while whitespace splits the
    /// lines into more columns at least as consistently. Falls back to ``comma`` (one column).
    ///
    /// - Parameter isComplete: `false` when `bytes` is only the beginning of the input, so that
    ///   its last, possibly cut, line is left out.
    public static func detect(inUTF8 bytes: some Sequence<UInt8>, isComplete: Bool = true) -> CSVDialect {
        if let dialect = bytes.withContiguousStorageIfAvailable({ detect(inUTF8: $0, isComplete: isComplete) }) {
            return dialect
        }
        return Array(bytes).withUnsafeBufferPointer { detect(inUTF8: $0, isComplete: isComplete) }
    }

    static func detect(inUTF8 bytes: UnsafeBufferPointer<UInt8>, isComplete: Bool) -> CSVDialect {
        let best = bestDelimiter(in: bytes, isComplete: isComplete)
        let whitespace = Statistics(bytes, separator: .whitespace, isComplete: isComplete)
        guard let best else {
            return whitespace.columns > 1 ? .whitespace : .comma
        }
        if best.statistics.onlyBetweenDigits,
            whitespace.columns > best.statistics.columns,
            whitespace.consistency >= best.statistics.consistency
        {
            return .whitespace
        }
        return CSVDialect(separator: best.separator)
    }

    /// A header split by one separator above lines split by another: the header's separator,
    /// the lines', and how many physical line breaks come before the first line below the header.
    ///
    /// Found when the first non-blank line splits into more than one field by one of comma,
    /// semicolon and tab, the lines below it (up to ``detectionLineCount``) split best by
    /// another, and neither separator splits the other part at all.
    static func separatorMismatch(
        inUTF8 bytes: UnsafeBufferPointer<UInt8>, isComplete: Bool
    ) -> (header: Separator, rows: Separator, lineBreaksBefore: Int)? {
        let lineFeed = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        var index = 0
        var breaks = 0
        func skipLineBreak() {
            index += bytes[index] == carriageReturn && index + 1 < bytes.count && bytes[index + 1] == lineFeed ? 2 : 1
            breaks += 1
        }
        while index < bytes.count && (bytes[index] == lineFeed || bytes[index] == carriageReturn) { skipLineBreak() }
        let headerStart = index
        var inQuotes = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if byte == lineFeed || byte == carriageReturn {
                if !inQuotes { break }
                skipLineBreak()
                continue
            }
            index += 1
        }
        let header = UnsafeBufferPointer(rebasing: bytes[headerStart..<index])
        guard index < bytes.count else { return nil }
        while index < bytes.count && (bytes[index] == lineFeed || bytes[index] == carriageReturn) { skipLineBreak() }
        guard index < bytes.count else { return nil }
        let rows = UnsafeBufferPointer(rebasing: bytes[index...])

        let delimiters: [Separator] = [.semicolon, .comma, .tab]
        var headerSeparator: (separator: Separator, columns: Int)?
        for candidate in delimiters {
            let columns = Statistics(header, separator: candidate, isComplete: true).columns
            if columns > 1 && columns > headerSeparator?.columns ?? 1 { headerSeparator = (candidate, columns) }
        }
        let rowSeparator = bestDelimiter(in: rows, isComplete: isComplete)
        guard let headerSeparator, let rowSeparator, headerSeparator.separator != rowSeparator.separator,
            Statistics(header, separator: rowSeparator.separator, isComplete: true).columns == 1,
            Statistics(rows, separator: headerSeparator.separator, isComplete: isComplete).columns == 1
        else { return nil }
        return (headerSeparator.separator, rowSeparator.separator, breaks)
    }

    /// The delimiter (semicolon, comma, tab) that gives `bytes` the most consistent field count
    /// above one, then the most fields; nil when none splits them.
    static func bestDelimiter(in bytes: UnsafeBufferPointer<UInt8>, isComplete: Bool)
        -> (separator: Separator, statistics: Statistics)?
    {
        var best: (separator: Separator, statistics: Statistics)?
        for candidate in [Separator.semicolon, .comma, .tab] {
            let statistics = Statistics(bytes, separator: candidate, isComplete: isComplete)
            guard statistics.columns > 1 else { continue }
            if let current = best?.statistics,
                (statistics.consistency, statistics.columns) <= (current.consistency, current.columns)
            {
                continue
            }
            best = (candidate, statistics)
        }
        return best
    }

    /// Field counts of the first lines for one candidate separator.
    struct Statistics {
        /// The most frequent field count (the larger one on a tie).
        var columns = 0
        /// The share of lines with ``columns`` fields.
        var consistency = 0.0
        /// Whether every separator found stands between two ASCII digits.
        var onlyBetweenDigits = true

        init(_ bytes: UnsafeBufferPointer<UInt8>, separator: Separator, isComplete: Bool) {
            var counts: [Int] = []
            var fields = 0
            var inQuotes = false
            // Whitespace mode: inside a field. Delimiter mode: past the start of a field, where a
            // quote no longer opens a quoted field (the reader takes it literally).
            var inField = false
            var lineHasContent = false
            var index = 0
            let quote = UInt8(ascii: "\"")
            let separatorByte = separator.byte
            while index < bytes.count && counts.count < CSVDialect.detectionLineCount {
                let byte = bytes[index]
                defer { index += 1 }
                if inQuotes {
                    if byte == quote {
                        if index + 1 < bytes.count && bytes[index + 1] == quote {
                            index += 1
                        } else {
                            inQuotes = false
                        }
                    }
                    continue
                }
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    if lineHasContent {
                        counts.append(separatorByte == nil ? fields : fields + 1)
                    }
                    fields = 0
                    inField = false
                    lineHasContent = false
                    continue
                }
                guard let separatorByte else {
                    if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                        inField = false
                    } else {
                        lineHasContent = true
                        if !inField {
                            inField = true
                            fields += 1
                            inQuotes = byte == quote
                        }
                    }
                    continue
                }
                lineHasContent = true
                if byte == separatorByte {
                    fields += 1
                    inField = false
                    let digitBefore = index > 0 && Self.isDigit(bytes[index - 1])
                    let digitAfter = index + 1 < bytes.count && Self.isDigit(bytes[index + 1])
                    if !(digitBefore && digitAfter) { onlyBetweenDigits = false }
                } else {
                    if !inField { inQuotes = byte == quote }
                    inField = true
                }
            }
            if isComplete && lineHasContent && counts.count < CSVDialect.detectionLineCount {
                counts.append(separatorByte == nil ? fields : fields + 1)
            }
            guard !counts.isEmpty else { return }
            var frequency: [Int: Int] = [:]
            for count in counts { frequency[count, default: 0] += 1 }
            let (mode, times) = frequency.max { ($0.value, $0.key) < ($1.value, $1.key) }!
            columns = mode
            consistency = Double(times) / Double(counts.count)
        }

        private static func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }
    }
}
