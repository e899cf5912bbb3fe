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
///
/// A byte-order mark at the start of a field is skipped (a file pasted into another brings its
/// mark along); the text of each record is checked for bytes that are not UTF-8, NUL and a
/// byte-order mark inside a field, which the record carries as its ``CSVRecord/problems``.
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
                    buffer, firstField: index, line: line, isFinal: isFinal)
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
            let problems = Self.problems(base, fields.bounds)
            if fields.escaped.isEmpty {
                let length = Int(fields.bounds.last!)
                return .record(
                    CSVRecord(
                        line: recordLine, utf8: UnsafeBufferPointer(start: base, count: length), bounds: fields.bounds,
                        problems: problems))
            }
            let bounds = unescape(base, fields)
            return .record(
                scratch.withUnsafeBufferPointer {
                    CSVRecord(line: recordLine, utf8: $0, bounds: bounds, problems: problems)
                })
        }
    }

    /// Locates the fields of one record (`nil` when the buffer ends too early).
    private func parseRecord(
        _ buffer: UnsafeBufferPointer<UInt8>,
        firstField: Int,
        line: Int,
        isFinal: Bool
    ) throws(CSVError) -> Fields? {
        let end = buffer.count
        var index = firstField
        var lines = 0
        var bounds: [UInt32] = []
        bounds.reserveCapacity(expectedFieldCount * 2)
        var escaped: [Int] = []
        while true {
            // At the start of a field: byte-order marks are dropped, before a quote or after it.
            index = Self.skippingByteOrderMarks(buffer, from: index)
            if index < end && buffer[index] == Self.quote {
                let openingLine = line + lines
                index = Self.skippingByteOrderMarks(buffer, from: index + 1)
                let contentStart = index
                while true {
                    while index < end {
                        let byte = buffer[index]
                        if byte == Self.quote || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                        index += 1
                    }
                    guard index < end else {
                        guard isFinal else { return nil }
                        throw .unterminatedQuote(line: openingLine, field: bounds.count / 2 + 1)
                    }
                    let byte = buffer[index]
                    if byte == Self.lineFeed {
                        index += 1
                        lines += 1
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
                        throw .unexpectedCharacterAfterQuote(line: line + lines, field: bounds.count / 2)
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

    /// The index after any byte-order marks (EF BB BF) at `index`.
    @inline(__always)
    private static func skippingByteOrderMarks(_ buffer: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = index
        while index + 2 < buffer.count && buffer[index] == 0xEF && buffer[index + 1] == 0xBB
            && buffer[index + 2] == 0xBF
        {
            index += 3
        }
        return index
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

    /// The problems of a record's text: for each field, bytes that are not UTF-8 (RFC 3629), NUL
    /// and a byte-order mark. A record of plain ASCII without NUL, the common case, is passed over
    /// eight bytes at a time.
    static func problems(_ base: UnsafePointer<UInt8>, _ bounds: [UInt32]) -> [CSVFieldProblem] {
        guard let length = bounds.last.map(Int.init), length > 0, !isPlainASCII(base, count: length) else { return [] }
        var problems: [CSVFieldProblem] = []
        for field in 0..<bounds.count / 2 {
            var index = Int(bounds[2 * field])
            let end = Int(bounds[2 * field + 1])
            var invalid = false
            var nul = false
            var mark = false
            while index < end {
                let byte = base[index]
                if byte < 0x80 {
                    if byte == 0 { nul = true }
                    index += 1
                    continue
                }
                let length = StreamingTextDecoder.utf8SequenceLength(base + index, available: end - index)
                if length <= 0 {
                    invalid = true
                    index += 1
                    continue
                }
                if length == 3 && byte == 0xEF && base[index + 1] == 0xBB && base[index + 2] == 0xBF { mark = true }
                index += length
            }
            if invalid { problems.append(CSVFieldProblem(fieldIndex: field, .invalidUTF8)) }
            if nul { problems.append(CSVFieldProblem(fieldIndex: field, .nul)) }
            if mark { problems.append(CSVFieldProblem(fieldIndex: field, .byteOrderMark)) }
        }
        return problems
    }

    /// Whether the bytes hold neither NUL nor any byte above 0x7F.
    private static func isPlainASCII(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
        let raw = UnsafeRawPointer(base)
        var index = 0
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // A zero byte borrows into its high bit; a byte above 0x7F has it set already.
            if ((word &- ones) | word) & highs != 0 { return false }
            index += 8
        }
        while index < count {
            let byte = base[index]
            if byte == 0 || byte >= 0x80 { return false }
            index += 1
        }
        return true
    }
}
