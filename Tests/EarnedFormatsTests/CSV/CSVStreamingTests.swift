import Foundation
import Testing

@testable import EarnedFormats

@Suite struct CSVStreamingTests {
    enum Input: String, CaseIterable, Sendable {
        case utf8, utf8WithBOM, windows1251, utf16LittleEndian

        var bytes: [UInt8] {
            switch self {
            case .utf8: Array(CSVFixtures.tricky.utf8)
            case .utf8WithBOM: [0xEF, 0xBB, 0xBF] + Array(CSVFixtures.tricky.utf8)
            case .windows1251: CSVFixtures.russianWindows1251
            case .utf16LittleEndian: CSVFixtures.utf16(CSVFixtures.tricky, bigEndian: false)
            }
        }
    }

    /// Feeds the parser `chunkSize` bytes at a time, taking records out between chunks.
    private func pushParse(_ bytes: [UInt8], chunkSize: Int, reader: CSVReader) throws -> [CSVRecord] {
        var parser = reader.makeParser()
        var records: [CSVRecord] = []
        var offset = 0
        while offset < bytes.count {
            parser.append(bytes[offset..<min(offset + chunkSize, bytes.count)])
            offset += chunkSize
            while let record = try parser.next() { records.append(record) }
        }
        parser.finish()
        while let record = try parser.next() { records.append(record) }
        return records
    }

    @Test(arguments: Input.allCases, [1, 2, 3, 5, 7, 64, 4096])
    func chunkedParsingMatchesAllAtOnce(input: Input, chunkSize: Int) throws {
        let reader = CSVReader()
        let whole = try reader.read(input.bytes)

        let chunked = try pushParse(input.bytes, chunkSize: chunkSize, reader: reader)

        #expect(chunked == whole.records)
        #expect(whole.records.count >= 4)
    }

    @Test(arguments: [1, 2, 3, 100])
    func windows1251ThatStartsLikeUTF8IsStillDetected(chunkSize: Int) throws {
        // "Рї" is D0 BF in Windows-1251, which is also valid UTF-8 ("п"); "ирог" after it is not.
        let bytes: [UInt8] = Array("id;name\n1;".utf8) + [0xD0, 0xBF, 0xE8, 0xF0, 0xEE, 0xE3] + Array("\n".utf8)
        var parser = CSVReader(dialect: .semicolon).makeParser()
        var records: [CSVRecord] = []

        for start in stride(from: 0, to: bytes.count, by: chunkSize) {
            parser.append(bytes[start..<min(start + chunkSize, bytes.count)])
            while let record = try parser.next() { records.append(record) }
        }
        parser.finish()
        while let record = try parser.next() { records.append(record) }

        #expect(parser.encoding == .windows1251)
        #expect(records.last?.fields == ["1", "Рїирог"])
    }

    @Test func trickyInputParsesTheSameInEveryEncoding() throws {
        let utf8 = try CSVReader().read(Input.utf8.bytes)
        let utf16 = try CSVReader().read(Input.utf16LittleEndian.bytes)

        #expect(utf8.records == CSVFixtures.trickyExpected)
        #expect(utf16.records == CSVFixtures.trickyExpected)
        #expect(utf16.encoding == .utf16LittleEndian)
    }

    @Test func streamReadsAFileInSmallChunks() throws {
        let url = try temporaryFile(CSVFixtures.russianWindows1251)
        defer { try? FileManager.default.removeItem(at: url) }

        let stream = try CSVReader().stream(contentsOf: url, chunkSize: 5)
        var records: [CSVRecord] = []
        while let record = try stream.next() { records.append(record) }

        #expect(records == (try CSVReader().read(CSVFixtures.russianWindows1251)).records)
        #expect(stream.encoding == .windows1251)
        #expect(stream.dialect == .semicolon)
        #expect(try stream.next() == nil)
    }

    @Test func streamDetectsTheDialectFromTheFirstLinesOfALongFile() throws {
        let lines = (1...500).map { "\($0);Клиент \($0);\($0),5" }
        let url = try temporaryFile(Array(("id;name;amount\n" + lines.joined(separator: "\n")).utf8))
        defer { try? FileManager.default.removeItem(at: url) }

        let stream = try CSVRecordStream(contentsOf: url, chunkSize: 64)
        var count = 0
        var last: CSVRecord?
        while let record = try stream.next() {
            count += 1
            last = record
        }

        #expect(stream.dialect == .semicolon)
        #expect(count == 501)
        #expect(last == CSVRecord(line: 501, fields: ["500", "Клиент 500", "500,5"]))
    }

    @Test func recordLongerThanAChunkIsReadWhole() throws {
        let long = String(repeating: "долгий текст, \"\" ", count: 2_000)
        let text = "id,note\n1,\"\(long)\"\n2,short\n"
        let url = try temporaryFile(Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: url) }

        let stream = try CSVReader(dialect: .comma).stream(contentsOf: url, chunkSize: 16)
        var records: [CSVRecord] = []
        while let record = try stream.next() { records.append(record) }

        #expect(records.count == 3)
        #expect(records[1][1] == long.replacingOccurrences(of: "\"\"", with: "\""))
        #expect(records[2] == CSVRecord(line: 3, fields: ["2", "short"]))
    }

    @Test func streamReportsAnUnterminatedQuoteAtTheEnd() throws {
        let url = try temporaryFile(Array("a,b\n1,2\n3,\"open\n4,5\n".utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        let stream = try CSVReader().stream(contentsOf: url, chunkSize: 3)

        #expect(try stream.next()?.line == 1)
        #expect(try stream.next()?.line == 2)
        #expect(throws: CSVError.unterminatedQuote(line: 3, field: 2)) { try stream.next() }
    }

    @Test func streamGivesUpOnARecordPastTheSizeLimit() throws {
        let text = "a,b\n1,\"" + String(repeating: "x", count: 1_000) + "\n2,3\n"
        let url = try temporaryFile(Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        let stream = try CSVReader(dialect: .comma, maximumRecordSize: 100).stream(contentsOf: url, chunkSize: 16)

        #expect(try stream.next()?.line == 1)
        #expect(throws: CSVError.recordTooLarge(line: 2, limit: 100)) { try stream.next() }
    }

    @Test func streamOfAMissingFileIsUnreadable() {
        #expect(throws: CSVError.self) {
            try CSVReader().stream(contentsOf: URL(fileURLWithPath: "/nonexistent/stream.csv"))
        }
    }

    @Test func parserWaitsForMoreInputBeforeFinishing() throws {
        var parser = CSVReader(dialect: .comma).makeParser()

        parser.append(Array("a,b\nc,\"d".utf8))
        let first = try parser.next()
        let second = try parser.next()
        parser.append(Array("\"\"e\"".utf8))
        let stillOpen = try parser.next()
        parser.finish()
        let last = try parser.next()

        #expect(first == CSVRecord(line: 1, fields: ["a", "b"]))
        #expect(second == nil)
        #expect(stillOpen == nil)
        #expect(last == CSVRecord(line: 2, fields: ["c", "d\"e"]))
        #expect(try parser.next() == nil)
    }

    private func temporaryFile(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-stream-\(UUID()).csv")
        try Data(bytes).write(to: url)
        return url
    }
}
