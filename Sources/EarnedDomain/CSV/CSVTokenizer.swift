import Foundation

/// The byte-level RFC 4180 state machine behind ``CSVStreamParser``.
///
/// It parses one record at a time from a UTF-8 buffer that may end in the middle of a record;
/// then it reports ``Outcome/needMoreData`` without consuming anything, and the caller parses
/// the record again from its start once more bytes have arrived. Blank lines are consumed as
/// they are passed.
///
/// Fields are located as byte ranges of the input; a record's text is then made with a single
/// copy of its bytes. Only a record with doubled quotes (`""`) is rebuilt field by field.
struct CSVTokenizer {
    enum Outcome {
        case record(CSVRecord)
        case end
        case needMoreData
    }

    /// Where a record's fields are, as found by `parseRecord`.
    private struct Fields {
        /// Start and end of each field, in pairs, relative to the first field's start.
        var bounds: [UInt32]
        /// Indices of fields whose range still holds doubled quotes.
        var escaped: [Int]
        /// The index after the record's last line break.
        var next: Int
        /// The line breaks consumed, inside quotes and at the end.
        var lines: Int
    }

    private let separator: UInt8
    private let splitsOnWhitespace: Bool
    private let skipsEmptyRecords: Bool
    private var expectedFieldCount = 8
    /// Unescaped bytes of a record with doubled quotes.
    private var scratch: [UInt8] = []

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    init(dialect: CSVDialect, skipsEmptyRecords: Bool) {
        separator = dialect.separator.byte ?? 0
        splitsOnWhitespace = dialect.separator == .whitespace
        self.skipsEmptyRecords = skipsEmptyRecords
    }

    /// Parses the next record at `position`, which starts physical line `line`.
    ///
    /// On `.record` and `.end`, `position` and `line` move past what was consumed. On
    /// `.needMoreData` they may have moved past blank lines only.
    mutating func next(
        in buffer: UnsafeBufferPointer<UInt8>,
        position: inout Int,
        line: inout Int,
        isFinal: Bool
    ) throws(CSVError) -> Outcome {
        let end = buffer.count
        while true {
            var index = position
            if splitsOnWhitespace {
                while index < end && Self.isBlank(buffer[index]) { index += 1 }
            }
            guard index < end else {
                if !isFinal { return .needMoreData }
                position = end
                return .end
            }
            switch buffer[index] {
            case Self.lineFeed:
                position = index + 1
                line += 1
                continue
            case Self.carriageReturn:
                if index + 1 < end {
                    position = index + (buffer[index + 1] == Self.lineFeed ? 2 : 1)
                } else if isFinal {
                    position = end
                } else {
                    return .needMoreData
                }
                line += 1
                continue
            default:
                break
            }
            guard
                let fields = try parseRecord(
                    buffer, start: position, firstField: index, line: line, isFinal: isFinal)
            else {
                return .needMoreData
            }
            let recordLine = line
            position = fields.next
            line += fields.lines
            expectedFieldCount = fields.bounds.count / 2
            let base = buffer.baseAddress! + index
            if skipsEmptyRecords && Self.isBlank(base, fields.bounds) {
                continue
            }
            if fields.escaped.isEmpty {
                let length = Int(fields.bounds.last!)
                return .record(
                    CSVRecord(
                        line: recordLine, utf8: UnsafeBufferPointer(start: base, count: length), bounds: fields.bounds))
            }
            let bounds = unescape(base, fields)
            return .record(scratch.withUnsafeBufferPointer { CSVRecord(line: recordLine, utf8: $0, bounds: bounds) })
        }
    }

    /// Locates the fields of one record (`nil` when the buffer ends too early).
    private func parseRecord(
        _ buffer: UnsafeBufferPointer<UInt8>,
        start: Int,
        firstField: Int,
        line: Int,
        isFinal: Bool
    ) throws(CSVError) -> Fields? {
        let end = buffer.count
        var index = firstField
        var lineStart = start
        var lines = 0
        var bounds: [UInt32] = []
        bounds.reserveCapacity(expectedFieldCount * 2)
        var escaped: [Int] = []
        while true {
            // At the start of a field.
            if index < end && buffer[index] == Self.quote {
                let openingQuote = index
                let openingLine = line + lines
                let openingLineStart = lineStart
                index += 1
                let contentStart = index
                while true {
                    while index < end {
                        let byte = buffer[index]
                        if byte == Self.quote || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                        index += 1
                    }
                    guard index < end else {
                        guard isFinal else { return nil }
                        throw .unterminatedQuote(
                            line: openingLine,
                            column: Self.column(of: openingQuote, lineStart: openingLineStart, in: buffer))
                    }
                    let byte = buffer[index]
                    if byte == Self.lineFeed {
                        index += 1
                        lines += 1
                        lineStart = index
                        continue
                    }
                    if byte == Self.carriageReturn {
                        if index + 1 < end {
                            index += buffer[index + 1] == Self.lineFeed ? 2 : 1
                        } else if isFinal {
                            index += 1
                        } else {
                            return nil
                        }
                        lines += 1
                        lineStart = index
                        continue
                    }
                    // A quote: doubled (a literal quote) or closing.
                    if index + 1 < end && buffer[index + 1] == Self.quote {
                        if escaped.last != bounds.count / 2 { escaped.append(bounds.count / 2) }
                        index += 2
                        continue
                    }
                    if index + 1 == end && !isFinal { return nil }
                    break
                }
                bounds.append(UInt32(contentStart - firstField))
                bounds.append(UInt32(index - firstField))
                index += 1
                // Tolerate blanks between the closing quote and the separator.
                var after = index
                while after < end && Self.isBlank(buffer[after]) && buffer[after] != separator { after += 1 }
                if after == end && !isFinal { return nil }
                if after < end {
                    let byte = buffer[after]
                    let fits =
                        byte == Self.lineFeed || byte == Self.carriageReturn
                        || (splitsOnWhitespace ? after > index : byte == separator)
                    guard fits else {
                        throw .unexpectedCharacterAfterQuote(
                            line: line + lines,
                            column: Self.column(of: after, lineStart: lineStart, in: buffer))
                    }
                }
                index = splitsOnWhitespace ? index : after
            } else {
                let fieldStart = index
                if splitsOnWhitespace {
                    while index < end {
                        let byte = buffer[index]
                        if byte == Self.space || byte == Self.tab || byte == Self.lineFeed
                            || byte == Self.carriageReturn
                        {
                            break
                        }
                        index += 1
                    }
                } else {
                    let separator = self.separator
                    while index < end {
                        let byte = buffer[index]
                        if byte == separator || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                        index += 1
                    }
                }
                if index == end && !isFinal { return nil }
                bounds.append(UInt32(fieldStart - firstField))
                bounds.append(UInt32(index - firstField))
            }
            // After a field: a separator, a line break, or the end of the input.
            guard index < end else { return Fields(bounds: bounds, escaped: escaped, next: end, lines: lines) }
            var byte = buffer[index]
            if splitsOnWhitespace && Self.isBlank(byte) {
                while index < end && Self.isBlank(buffer[index]) { index += 1 }
                guard index < end else {
                    guard isFinal else { return nil }
                    return Fields(bounds: bounds, escaped: escaped, next: end, lines: lines)
                }
                byte = buffer[index]
                if byte != Self.lineFeed && byte != Self.carriageReturn { continue }
            } else if byte == separator && !splitsOnWhitespace {
                index += 1
                continue
            }
            if byte == Self.lineFeed {
                return Fields(bounds: bounds, escaped: escaped, next: index + 1, lines: lines + 1)
            }
            // A carriage return, alone or followed by a line feed.
            if index + 1 < end {
                let next = index + (buffer[index + 1] == Self.lineFeed ? 2 : 1)
                return Fields(bounds: bounds, escaped: escaped, next: next, lines: lines + 1)
            }
            guard isFinal else { return nil }
            return Fields(bounds: bounds, escaped: escaped, next: end, lines: lines + 1)
        }
    }

    /// Copies the fields into `scratch`, turning doubled quotes in escaped fields into single
    /// ones; returns the fields' bounds there.
    private mutating func unescape(_ base: UnsafePointer<UInt8>, _ fields: Fields) -> [UInt32] {
        scratch.removeAll(keepingCapacity: true)
        var bounds: [UInt32] = []
        bounds.reserveCapacity(fields.bounds.count)
        var escaped = fields.escaped[...]
        for field in 0..<fields.bounds.count / 2 {
            let start = Int(fields.bounds[2 * field])
            let end = Int(fields.bounds[2 * field + 1])
            bounds.append(UInt32(scratch.count))
            if escaped.first == field {
                escaped.removeFirst()
                var index = start
                while index < end {
                    scratch.append(base[index])
                    index += base[index] == Self.quote ? 2 : 1
                }
            } else {
                scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: end - start))
            }
            bounds.append(UInt32(scratch.count))
        }
        return bounds
    }

    @inline(__always)
    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    /// Whether every field is empty or made of blanks.
    private static func isBlank(_ base: UnsafePointer<UInt8>, _ bounds: [UInt32]) -> Bool {
        for pair in stride(from: 0, to: bounds.count, by: 2) {
            for index in Int(bounds[pair])..<Int(bounds[pair + 1]) where !isBlank(base[index]) {
                return false
            }
        }
        return true
    }

    /// The 1-based column of `index`, counting Unicode scalars (UTF-8 lead bytes) from `lineStart`.
    private static func column(of index: Int, lineStart: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var column = 1
        for byte in buffer[lineStart..<index] where byte & 0xC0 != 0x80 {
            column += 1
        }
        return column
    }
}
