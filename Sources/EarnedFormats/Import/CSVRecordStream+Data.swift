import EarnedDomain
import Foundation

extension CSVRecordStream {
    /// Reads records from bytes already in memory (an uploaded file).
    /// `onRead` hears how many bytes each chunk held (for a progress line).
    public convenience init(
        data: Data, reader: CSVReader = CSVReader(), chunkSize: Int = 1 << 20, sourceName: String = "upload",
        onRead: @escaping (Int) -> Void = { _ in }
    ) {
        var offset = 0
        let bytes = [UInt8](data)
        self.init(reader: reader, chunkSize: chunkSize, sourceName: sourceName) { count in
            guard offset < bytes.count else { return nil }
            let end = min(offset + count, bytes.count)
            defer { offset = end }
            onRead(end - offset)
            return Array(bytes[offset..<end])
        }
    }
}
