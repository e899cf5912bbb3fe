import Foundation

/// Reads delimited text files (CSV, semicolon-separated, TSV, whitespace-aligned logs) as
/// exported by Russian and English spreadsheets and POS systems.
///
/// Parsing follows RFC 4180: quoted fields may hold separators, line breaks and doubled quotes;
/// CRLF, LF and CR line endings are accepted; blank lines and, by default, records whose fields
/// are all empty (the `;;;` rows spreadsheets leave) are skipped. Each record carries the line it
/// starts on. Work is done on UTF-8 bytes after ``TextDecoding``.
///
/// Only the structure stops a file (``CSVError``: a quote never closed, a header split by another
/// separator than the lines). Wrong text in a record (bytes that are not UTF-8, NUL, a
/// byte-order mark inside a field) comes with the record as ``CSVRecord/problems``, and
/// ``CSVHeader/problems(in:)`` adds too many fields and a repeated header, so a caller reports
/// every bad line at once.
///
/// All at once:
/// ```swift
/// let document = try CSVReader().read(data)   // records, dialect, encoding
/// ```
/// Streaming: ``stream(contentsOf:chunkSize:)`` (pull, from a file) or ``makeParser()`` (push).
public struct CSVReader: Sendable, Hashable {
    /// The dialect to use; `nil` detects it from the first lines.
    public var dialect: CSVDialect?
    /// The encoding to decode from; `nil` detects it.
    public var encoding: TextDecoding.Encoding?
    /// Whether records whose fields are all empty or blank are skipped.
    public var skipsEmptyRecords: Bool
    /// The longest record, in bytes of UTF-8, that streaming keeps in memory before giving up
    /// with ``CSVError/recordTooLarge(line:limit:)``.
    public var maximumRecordSize: Int

    /// Creates a reader; by default it detects the encoding and the dialect.
    public init(
        dialect: CSVDialect? = nil,
        encoding: TextDecoding.Encoding? = nil,
        skipsEmptyRecords: Bool = true,
        maximumRecordSize: Int = 64 << 20
    ) {
        self.dialect = dialect
        self.encoding = encoding
        self.skipsEmptyRecords = skipsEmptyRecords
        self.maximumRecordSize = maximumRecordSize
    }

    /// Parses raw bytes (a whole file) at once.
    public func read(_ bytes: some Sequence<UInt8>) throws(CSVError) -> CSVDocument {
        var parser = makeParser()
        parser.append(bytes)
        parser.finish()
        return try collect(&parser)
    }

    /// Parses text at once. The encoding is reported as UTF-8.
    public func read(_ text: String) throws(CSVError) -> CSVDocument {
        var reader = self
        reader.encoding = .utf8
        var parser = reader.makeParser()
        parser.append(text.utf8)
        parser.finish()
        return try collect(&parser)
    }

    /// Reads and parses a whole file at once. For large files prefer ``stream(contentsOf:chunkSize:)``.
    public func read(contentsOf url: URL) throws(CSVError) -> CSVDocument {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        return try read(data)
    }

    /// Opens `url` for reading record by record, `chunkSize` bytes at a time.
    public func stream(contentsOf url: URL, chunkSize: Int = 1 << 20) throws(CSVError) -> CSVRecordStream {
        try CSVRecordStream(contentsOf: url, reader: self, chunkSize: chunkSize)
    }

    /// A push parser with this reader's settings, for input that arrives in pieces.
    public func makeParser() -> CSVStreamParser {
        CSVStreamParser(reader: self)
    }

    private func collect(_ parser: inout CSVStreamParser) throws(CSVError) -> CSVDocument {
        var records: [CSVRecord] = []
        while let record = try parser.next() {
            records.append(record)
        }
        return CSVDocument(
            records: records,
            dialect: parser.dialect ?? .comma,
            encoding: parser.encoding,
            hadByteOrderMark: parser.hadByteOrderMark
        )
    }
}
