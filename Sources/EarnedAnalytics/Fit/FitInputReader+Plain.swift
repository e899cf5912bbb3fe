import EarnedFormats
import Foundation

extension FitInputReader {
    /// The fast path for the common input: a plain summary file — comma-separated, a header of
    /// the summary's columns, no quotes, spaces or empty cells, whole numbers for x, decimals
    /// for the rest, every row valid. It reads the file in 4 MiB chunks and parses each chunk's
    /// lines on every core at once, with no string per cell. It returns nil as soon as anything
    /// is not plain, and the caller then reads the file with `read(_:)`, which accepts every
    /// layout and names the line and column of any mistake; so the two always agree on what
    /// they accept. The numbers are the doubles the C library's `strtod` gives for the cell's bytes,
    /// as `Double(String)` does, by `DecimalParser`.
    public func readPlainSummary(contentsOf url: URL) -> FitData? {
        guard options.calibrationEnd == nil, let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        var pending: [UInt8] = []
        var columns: PlainColumns?
        var parts: [PlainPart] = []
        var atStart = true
        while true {
            let chunk: Data
            do {
                guard let read = try handle.read(upToCount: 4 << 20), !read.isEmpty else { break }
                chunk = read
            } catch {
                return nil
            }
            pending.append(contentsOf: chunk)
            if atStart {
                atStart = false
                if pending.starts(with: [0xEF, 0xBB, 0xBF]) { pending.removeFirst(3) }
            }
            guard let lastNewline = pending.lastIndex(of: 0x0A) else { continue }
            var body = pending[..<(lastNewline + 1)]
            if columns == nil {
                guard let end = body.firstIndex(of: 0x0A), let found = Self.plainColumns(Array(body[..<end])) else {
                    return nil
                }
                columns = found
                body = body[(end + 1)...]
            }
            guard let parsed = Self.parsePlain(Array(body), columns!) else { return nil }
            parts += parsed
            pending.removeFirst(lastNewline + 1)
        }
        // A last line without its newline.
        if !pending.isEmpty {
            guard let columns else { return nil }
            pending.append(0x0A)
            guard let parsed = Self.parsePlain(pending, columns) else { return nil }
            parts += parsed
        }
        guard let columns else { return nil }
        return Self.combine(parts, columns, timeUnit: options.timeUnit)
    }

    /// Where the summary's columns are, from a plain header line; nil when it is not one.
    struct PlainColumns: Sendable {
        var count: Int
        var frequency: Int
        var recency: Int
        var age: Int
        var spend: Int?
        var id: Int?
    }

    static func plainColumns(_ line: [UInt8]) -> PlainColumns? {
        var bytes = line
        if bytes.last == 0x0D { bytes.removeLast() }
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x3B }) else { return nil }
        let names = bytes.split(separator: 0x2C, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        guard names.count >= 3, names.allSatisfy({ !$0.isEmpty && $0.trimmingCharacters(in: .whitespaces) == $0 })
        else { return nil }
        let mapping = Consumer.mapping(CSVHeader(names: names, line: 1), .fitSummary)
        guard let x = mapping.columns["frequency"], let tx = mapping.columns["recency"], let t = mapping.columns["T"]
        else { return nil }
        return PlainColumns(
            count: names.count, frequency: x, recency: tx, age: t, spend: mapping.columns["spend"],
            id: mapping.columns["customer_id"])
    }

    /// One part of a chunk, parsed.
    struct PlainPart: Sendable {
        var frequency: [Int] = []
        var recency: [Double] = []
        var age: [Double] = []
        var spend: [Double] = []
        /// Ids that are plain positive integers without leading zeros, while they all are.
        var numericIDs: [Int] = []
        /// Every id as text, once one is not such an integer.
        var textIDs: [String]?
    }

    /// Parses complete lines (the buffer ends with a newline) on every core; nil at anything
    /// not plain.
    static func parsePlain(_ bytes: [UInt8], _ columns: PlainColumns) -> [PlainPart]? {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let pieces = bytes.count < 1 << 16 ? 1 : cores
        // Split at newlines into pieces of about equal size.
        var bounds = [0]
        for k in 1..<pieces {
            var cut = bytes.count * k / pieces
            while cut < bytes.count, bytes[cut - 1] != 0x0A { cut += 1 }
            bounds.append(max(cut, bounds.last!))
        }
        bounds.append(bytes.count)
        var results = [PlainPart?](repeating: nil, count: pieces)
        let cuts = bounds
        bytes.withUnsafeBufferPointer { buffer in
            results.withUnsafeMutableBufferPointer { out in
                // Each piece reads its own lines and writes only its own slot.
                nonisolated(unsafe) let slots = out
                nonisolated(unsafe) let input = buffer
                DispatchQueue.concurrentPerform(iterations: pieces) { k in
                    slots[k] = parsePiece(UnsafeBufferPointer(rebasing: input[cuts[k]..<cuts[k + 1]]), columns)
                }
            }
        }
        guard results.allSatisfy({ $0 != nil }) else { return nil }
        return results.map { $0! }
    }

    static func parsePiece(_ bytes: UnsafeBufferPointer<UInt8>, _ columns: PlainColumns) -> PlainPart? {
        var part = PlainPart()
        let estimate = bytes.count / 40
        part.frequency.reserveCapacity(estimate)
        part.recency.reserveCapacity(estimate)
        part.age.reserveCapacity(estimate)
        if columns.spend != nil { part.spend.reserveCapacity(estimate) }
        if columns.id != nil { part.numericIDs.reserveCapacity(estimate) }
        var cells = [Range<Int>](repeating: 0..<0, count: columns.count)
        var start = 0
        while start < bytes.count {
            var end = start
            while bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            // Cells: exactly the header's count, none empty.
            var cell = 0
            var cellStart = start
            for i in start...lineEnd {
                if i == lineEnd || bytes[i] == 0x2C {
                    guard cell < columns.count, i > cellStart else { return nil }
                    cells[cell] = cellStart..<i
                    cell += 1
                    cellStart = i + 1
                }
            }
            guard cell == columns.count else { return nil }
            guard let x = integer(bytes, cells[columns.frequency]), let tx = decimal(bytes, cells[columns.recency]),
                let t = decimal(bytes, cells[columns.age]), tx >= 0, tx <= t, x > 0 || tx == 0
            else { return nil }
            part.frequency.append(x)
            part.recency.append(tx + 0)
            part.age.append(t + 0)
            if let column = columns.spend {
                guard let value = decimal(bytes, cells[column]), value >= 0 else { return nil }
                part.spend.append(value + 0)
            }
            if let column = columns.id {
                let range = cells[column]
                for i in range {
                    guard bytes[i] > 0x20, bytes[i] < 0x7F, bytes[i] != 0x22 else { return nil }
                }
                if part.textIDs == nil, let n = integer(bytes, range), n > 0, bytes[range.lowerBound] != 0x30 {
                    part.numericIDs.append(n)
                } else {
                    if part.textIDs == nil { part.textIDs = part.numericIDs.map(String.init) }
                    part.textIDs!.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
                }
            }
            start = end + 1
        }
        return part
    }

    /// A whole number of at most 15 digits; nil for anything else.
    @inline(__always)
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 15 else { return nil }
        var n = 0
        for i in range {
            let d = Int(bytes[i]) - 0x30
            guard d >= 0, d <= 9 else { return nil }
            n = n * 10 + d
        }
        return n
    }

    /// A finite decimal of the grammar [+-]? digits* ('.' digits*)? ([eE] [+-]? digits+)?, the double
    /// `strtod` gives for it (`DecimalParser`); nil for anything else.
    @inline(__always)
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        guard !range.isEmpty, range.count < 64 else { return nil }
        if let n = integer(bytes, range) { return Double(n) }
        return DecimalParser.parse(bytes, range)
    }

    static func combine(_ parts: [PlainPart], _ columns: PlainColumns, timeUnit: CalibrationSummary.TimeUnit)
        -> FitData?
    {
        var frequency: [Int] = []
        var recency: [Double] = []
        var age: [Double] = []
        var spend: [Double] = []
        let total = parts.reduce(0) { $0 + $1.frequency.count }
        guard total > 0 else { return nil }
        frequency.reserveCapacity(total)
        recency.reserveCapacity(total)
        age.reserveCapacity(total)
        for part in parts {
            frequency += part.frequency
            recency += part.recency
            age += part.age
            if columns.spend != nil { spend += part.spend }
        }
        var ids: [String]?
        if columns.id != nil {
            // Ids 1, 2, …, n in order are the customers' own numbers: no strings needed.
            var next = 1
            var sequential = true
            for part in parts where sequential {
                guard part.textIDs == nil else {
                    sequential = false
                    break
                }
                for n in part.numericIDs {
                    if n != next {
                        sequential = false
                        break
                    }
                    next += 1
                }
            }
            if !sequential {
                var all: [String] = []
                all.reserveCapacity(total)
                for part in parts { all += part.textIDs ?? part.numericIDs.map(String.init) }
                ids = all
            }
        }
        return FitData(
            kind: .summary, records: total, customerIDs: ids, frequency: frequency, recency: recency, age: age,
            averageSpend: columns.spend == nil ? nil : spend, calibrationEnd: nil, timeUnit: timeUnit)
    }
}
