import Foundation

/// Reads records from a file (or any source of byte chunks) one at a time, so that a file of
/// millions of rows is never held in memory: only one chunk plus one record at a time.
///
/// ```swift
/// let stream = try CSVReader().stream(contentsOf: url)
/// while let record = try stream.next() { … }
/// ```
///
/// A reference type: it owns the open file, which it closes when released. Not for sharing
/// between tasks.
public final class CSVRecordStream {
    private var parser: CSVStreamParser
    private let readChunk: (Int) throws -> [UInt8]?
    private let chunkSize: Int
    private let sourceName: String
    private var sourceExhausted = false

    /// Reads `url` in chunks of `chunkSize` bytes; `onRead` hears how many bytes each chunk
    /// held (for a progress line).
    public convenience init(
        contentsOf url: URL, reader: CSVReader = CSVReader(), chunkSize: Int = 1 << 20,
        onRead: @escaping (Int) -> Void = { _ in }
    ) throws(CSVError) {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        self.init(reader: reader, chunkSize: chunkSize, sourceName: url.path) { count in
            guard let data = try handle.read(upToCount: count), !data.isEmpty else {
                try? handle.close()
                return nil
            }
            onRead(data.count)
            return [UInt8](data)
        }
    }

    /// Reads from `readChunk`, which returns up to the requested number of bytes, or `nil` at
    /// the end of the input.
    public init(
        reader: CSVReader = CSVReader(),
        chunkSize: Int = 1 << 20,
        sourceName: String = "input",
        readChunk: @escaping (_ maxCount: Int) throws -> [UInt8]?
    ) {
        parser = CSVStreamParser(reader: reader)
        self.readChunk = readChunk
        self.chunkSize = max(chunkSize, 1)
        self.sourceName = sourceName
    }

    /// The detected (or forced) encoding; final once the first non-ASCII byte has been read.
    public var encoding: TextDecoding.Encoding { parser.encoding }

    /// The dialect in use, known once the first record has been read.
    public var dialect: CSVDialect? { parser.dialect }

    /// Whether the input started with a byte-order mark.
    public var hadByteOrderMark: Bool { parser.hadByteOrderMark }

    /// The next record, or `nil` at the end of the input.
    public func next() throws(CSVError) -> CSVRecord? {
        while true {
            if let record = try parser.next() { return record }
            if sourceExhausted { return nil }
            // Read at least as much as is pending, so a record longer than a chunk costs
            // amortised linear time to re-scan.
            let count = max(chunkSize, parser.unparsedByteCount)
            let chunk: [UInt8]?
            do {
                chunk = try readChunk(count)
            } catch {
                throw .unreadable(path: sourceName, reason: error.localizedDescription)
            }
            if let chunk {
                parser.append(chunk)
            } else {
                sourceExhausted = true
                parser.finish()
            }
        }
    }
}
