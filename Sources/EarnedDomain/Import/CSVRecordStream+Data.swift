import Foundation

extension CSVRecordStream {
    /// Reads records from bytes already in memory (an uploaded file).
    public convenience init(data: Data, reader: CSVReader = CSVReader()) {
        var offset = 0
        let bytes = [UInt8](data)
        self.init(reader: reader, chunkSize: 1 << 20, sourceName: "upload") { count in
            guard offset < bytes.count else { return nil }
            let end = min(offset + count, bytes.count)
            defer { offset = end }
            return Array(bytes[offset..<end])
        }
    }
}
