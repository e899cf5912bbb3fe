import Foundation

/// An incremental (push) CSV parser: feed it raw bytes as they arrive, take records out.
///
/// Suits input that arrives in pieces, such as an HTTP request body:
///
/// ```swift
/// var parser = CSVReader().makeParser()
/// for try await chunk in body {
///     parser.append(chunk)
///     while let record = try parser.next() { try importRow(record) }
/// }
/// parser.finish()
/// while let record = try parser.next() { try importRow(record) }
/// ```
///
/// Only the unparsed tail of the input is kept: memory stays at about one chunk plus one record.
/// The encoding is detected from the bytes as in ``TextDecoding``; the dialect, unless forced,
/// from the first ``CSVDialect/detectionLineCount`` lines.
public struct CSVStreamParser: Sendable {
    private let options: CSVReader
    private var decoder: StreamingTextDecoder
    private var tokenizer: CSVTokenizer?
    /// Decoded UTF-8 bytes; everything before `position` has been parsed.
    private var buffer: [UInt8] = []
    private var position = 0
    private var line = 1
    private var inputFinished = false
    private var ended = false

    /// The dialect in use: the forced one, or the detected one once enough lines have arrived.
    public private(set) var dialect: CSVDialect?

    /// Bytes detection looks at when the first lines are very long.
    static let detectionByteLimit = 64 * 1024

    /// Creates a parser with the settings of `reader`.
    public init(reader: CSVReader = CSVReader()) {
        options = reader
        decoder = StreamingTextDecoder(encoding: reader.encoding)
        dialect = reader.dialect
    }

    /// The detected (or forced) encoding. Reads UTF-8 while the input has been pure ASCII.
    public var encoding: TextDecoding.Encoding { decoder.encoding ?? .utf8 }

    /// Whether the input started with a byte-order mark.
    public var hadByteOrderMark: Bool { decoder.hadByteOrderMark }

    /// The number of decoded bytes received but not yet parsed.
    public var unparsedByteCount: Int { buffer.count - position }

    /// Adds the next piece of raw input.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        precondition(!inputFinished, "CSVStreamParser.append(_:) after finish()")
        if position > 0 && position >= buffer.count / 2 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        let handled: Void? = bytes.withContiguousStorageIfAvailable { chunk in
            decoder.decode(chunk, into: &buffer)
        }
        if handled == nil {
            Array(bytes).withUnsafeBufferPointer { decoder.decode($0, into: &buffer) }
        }
    }

    /// Marks the end of the input, so that the last record can be completed.
    public mutating func finish() {
        guard !inputFinished else { return }
        decoder.finish(into: &buffer)
        inputFinished = true
    }

    /// The next complete record, or `nil` when more input is needed (before ``finish()``) or the
    /// input is exhausted (after it).
    public mutating func next() throws(CSVError) -> CSVRecord? {
        guard !ended else { return nil }
        if tokenizer == nil {
            guard let dialect = dialect ?? detectDialect() else { return nil }
            if options.dialect == nil, let mismatch = separatorMismatch() {
                ended = true
                throw .separatorMismatch(
                    line: line + mismatch.lineBreaksBefore, header: mismatch.header, rows: mismatch.rows)
            }
            self.dialect = dialect
            tokenizer = CSVTokenizer(dialect: dialect, skipsEmptyRecords: options.skipsEmptyRecords)
        }
        // Move the tokenizer out while it works, so that its scratch buffer is not copied.
        var tokenizer = self.tokenizer.take()!
        defer { self.tokenizer = tokenizer }
        var position = self.position
        var line = self.line
        let isFinal = inputFinished
        let outcome = buffer.withUnsafeBufferPointer { buffer in
            Result { () throws(CSVError) -> CSVTokenizer.Outcome in
                try tokenizer.next(in: buffer, position: &position, line: &line, isFinal: isFinal)
            }
        }
        self.position = position
        self.line = line
        switch outcome {
        case .success(.record(let record)):
            return record
        case .success(.end):
            ended = true
            buffer = []
            self.position = 0
            return nil
        case .success(.needMoreData):
            if unparsedByteCount > options.maximumRecordSize {
                ended = true
                throw .recordTooLarge(line: line, limit: options.maximumRecordSize)
            }
            return nil
        case .failure(let error):
            ended = true
            throw error
        }
    }

    /// A header whose separator is not the lines', in the lines detection looked at.
    private func separatorMismatch() -> (
        header: CSVDialect.Separator, rows: CSVDialect.Separator, lineBreaksBefore: Int
    )? {
        buffer.withUnsafeBufferPointer { all in
            CSVDialect.separatorMismatch(
                inUTF8: UnsafeBufferPointer(rebasing: all[position...]), isComplete: inputFinished)
        }
    }

    /// Detects the dialect once the first lines (or all the input) are here.
    private func detectDialect() -> CSVDialect? {
        buffer.withUnsafeBufferPointer { all in
            let sample = UnsafeBufferPointer(rebasing: all[position...])
            if !inputFinished && sample.count < Self.detectionByteLimit {
                var lineBreaks = 0
                for byte in sample where byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    lineBreaks += 1
                }
                // CRLF counts twice: wait for enough breaks either way.
                if lineBreaks <= 2 * CSVDialect.detectionLineCount { return nil }
            }
            return CSVDialect.detect(inUTF8: sample, isComplete: inputFinished)
        }
    }
}
