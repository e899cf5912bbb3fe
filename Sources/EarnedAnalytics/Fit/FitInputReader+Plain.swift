import EarnedFormats
import Foundation

extension FitInputReader {
    /// The fast path for the common input: a plain summary file — comma-separated, a header of
    /// the summary's columns, no quotes, spaces or empty cells, whole numbers for x, decimals
    /// for the rest, every row valid. It reads the file in 4 MiB chunks straight into one reused
    /// buffer, and parses each chunk's lines on every core at once straight into the customers'
    /// arrays, with no string per cell and no copy of the text. It returns nil as soon as anything
    /// is not plain, and the caller then reads the file with `read(_:)`, which accepts every
    /// layout and names the line and column of any mistake; so the two always agree on what
    /// they accept. The numbers are the doubles the C library's `strtod` gives for the cell's bytes,
    /// as `Double(String)` does, by `DecimalParser`.
    public func readPlainSummary(contentsOf url: URL) -> FitData? {
        readPlainSummary(contentsOf: url, chunkSize: 4 << 20)
    }

    /// `readPlainSummary(contentsOf:)` reading `chunkSize` bytes at a time (tests make it small, so
    /// that lines cross chunks).
    func readPlainSummary(contentsOf url: URL, chunkSize: Int) -> FitData? {
        guard options.calibrationEnd == nil else { return nil }
        let file = open(url.path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { return nil }
        defer { _ = close(file) }
        var status = stat()
        guard fstat(file, &status) == 0 else { return nil }
        // Room for one chunk after a partial line carried over; a plain line is far shorter.
        let capacity = 2 * chunkSize
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity + 1)
        defer { buffer.deallocate() }
        var filled = 0
        var columns: PlainColumns?
        var sink: PlainSink?
        var atStart = true
        var atEnd = false
        while !atEnd {
            let want = min(chunkSize, capacity - filled)
            guard want > 0 else { return nil }  // a line longer than a chunk: not plain
            let n = Foundation.read(file, buffer.baseAddress! + filled, want)
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            filled += n
            if n == 0 {
                atEnd = true
                // A last line without its newline.
                if filled > 0, buffer[filled - 1] != 0x0A {
                    buffer[filled] = 0x0A
                    filled += 1
                }
            }
            if atStart, filled >= 3 || atEnd {
                atStart = false
                // A byte order mark is dropped.
                if filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
                    buffer.baseAddress!.update(from: buffer.baseAddress! + 3, count: filled - 3)
                    filled -= 3
                }
            }
            guard !atStart, let lastNewline = buffer[0..<filled].lastIndex(of: 0x0A) else { continue }
            var from = 0
            if columns == nil {
                let end = buffer[0...lastNewline].firstIndex(of: 0x0A)!
                guard let found = Self.plainColumns(Array(buffer[0..<end])) else { return nil }
                columns = found
                sink = PlainSink(columns: found, fileSize: Int(status.st_size))
                from = end + 1
            }
            if from <= lastNewline {
                guard sink!.parse(UnsafeBufferPointer(rebasing: buffer[from...lastNewline])) else { return nil }
            }
            let rest = filled - (lastNewline + 1)
            if rest > 0 { buffer.baseAddress!.update(from: buffer.baseAddress! + lastNewline + 1, count: rest) }
            filled = rest
        }
        guard let sink, sink.count > 0 else { return nil }
        return sink.data(timeUnit: options.timeUnit)
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

    /// The customers read so far, in the arrays `FitData` takes, and the parsing of each chunk's
    /// lines into them.
    struct PlainSink {
        let columns: PlainColumns
        let fileSize: Int
        var frequency: [Int] = []
        var recency: [Double] = []
        var age: [Double] = []
        var spend: [Double] = []
        /// Every id as a number, while each is a plain positive integer without leading zeros.
        var numericIDs: [Int] = []
        /// Every id as text, once one is not such an integer.
        var textIDs: [String]?

        init(columns: PlainColumns, fileSize: Int) {
            self.columns = columns
            self.fileSize = fileSize
        }

        var count: Int { frequency.count }

        /// Parses complete lines (`bytes` ends with a newline) on every core, each piece of lines
        /// into its own slots of the arrays; false at anything not plain.
        mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard !bytes.isEmpty else { return true }
            let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
            let pieces = bytes.count < 1 << 16 ? 1 : cores
            // Split at newlines into pieces of about equal size, and count each piece's lines.
            var bounds = [0]
            for k in 1..<pieces {
                var cut = bytes.count * k / pieces
                while cut < bytes.count, bytes[cut - 1] != 0x0A { cut += 1 }
                bounds.append(max(cut, bounds.last!))
            }
            bounds.append(bytes.count)
            let cuts = bounds
            nonisolated(unsafe) let input = bytes
            var lines = [Int](repeating: 0, count: pieces)
            lines.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let counts = out
                DispatchQueue.concurrentPerform(iterations: pieces) { k in
                    counts[k] = FitInputReader.newlines(in: UnsafeBufferPointer(rebasing: input[cuts[k]..<cuts[k + 1]]))
                }
            }
            let added = lines.reduce(0, +)
            if count == 0 {
                // About the file's lines, from this first chunk's, so the arrays grow once.
                let expected = Int(Double(fileSize) * Double(added) / Double(bytes.count) * 1.02) + 16
                reserve(max(expected, added))
            }
            let first = count
            frequency.append(contentsOf: repeatElement(0, count: added))
            recency.append(contentsOf: repeatElement(0, count: added))
            age.append(contentsOf: repeatElement(0, count: added))
            if columns.spend != nil { spend.append(contentsOf: repeatElement(0, count: added)) }
            if columns.id != nil { numericIDs.append(contentsOf: repeatElement(0, count: added)) }
            var offsets = [first]
            for n in lines { offsets.append(offsets.last! + n) }
            let starts = offsets
            let textMode = textIDs != nil
            var results = [PieceResult?](repeating: nil, count: pieces)
            let columns = columns
            withOutput { output in
                results.withUnsafeMutableBufferPointer { out in
                    nonisolated(unsafe) let slots = out
                    nonisolated(unsafe) let output = output
                    DispatchQueue.concurrentPerform(iterations: pieces) { k in
                        slots[k] = FitInputReader.parsePiece(
                            UnsafeBufferPointer(rebasing: input[cuts[k]..<cuts[k + 1]]), columns,
                            into: output, at: starts[k], textIDs: textMode)
                    }
                }
            }
            guard results.allSatisfy({ $0 != nil }) else { return false }
            if textMode || results.contains(where: { $0!.textIDs != nil }) {
                if textIDs == nil { textIDs = numericIDs[0..<first].map(String.init) }
                for k in 0..<pieces {
                    textIDs! += results[k]!.textIDs ?? numericIDs[starts[k]..<starts[k + 1]].map(String.init)
                }
            }
            return true
        }

        mutating func reserve(_ n: Int) {
            frequency.reserveCapacity(n)
            recency.reserveCapacity(n)
            age.reserveCapacity(n)
            if columns.spend != nil { spend.reserveCapacity(n) }
            if columns.id != nil { numericIDs.reserveCapacity(n) }
        }

        /// Where the pieces write: the arrays' storage, for the length of one call.
        mutating func withOutput(_ body: (PlainOutput) -> Void) {
            frequency.withUnsafeMutableBufferPointer { x in
                recency.withUnsafeMutableBufferPointer { tx in
                    age.withUnsafeMutableBufferPointer { t in
                        spend.withUnsafeMutableBufferPointer { z in
                            numericIDs.withUnsafeMutableBufferPointer { id in
                                body(PlainOutput(frequency: x, recency: tx, age: t, spend: z, numericIDs: id))
                            }
                        }
                    }
                }
            }
        }

        /// The data read; ids 1, 2, …, n in order are the customers' own numbers and need no strings.
        func data(timeUnit: CalibrationSummary.TimeUnit) -> FitData {
            var ids = textIDs
            if columns.id != nil, ids == nil, !numericIDs.elementsEqual(1...numericIDs.count) {
                ids = numericIDs.map(String.init)
            }
            return FitData(
                kind: .summary, records: count, customerIDs: ids, frequency: frequency, recency: recency, age: age,
                averageSpend: columns.spend == nil ? nil : spend, calibrationEnd: nil, timeUnit: timeUnit)
        }
    }

    /// The storage of `PlainSink`'s arrays, written by the pieces at their own indexes.
    struct PlainOutput {
        let frequency: UnsafeMutableBufferPointer<Int>
        let recency: UnsafeMutableBufferPointer<Double>
        let age: UnsafeMutableBufferPointer<Double>
        let spend: UnsafeMutableBufferPointer<Double>
        let numericIDs: UnsafeMutableBufferPointer<Int>
    }

    /// What a piece returns besides the numbers it wrote: its ids as text, when one was not a plain
    /// number (or when every id is already kept as text).
    struct PieceResult {
        var textIDs: [String]?
    }

    /// Parses one piece of complete lines into `output` from index `start`; nil at anything not plain.
    static func parsePiece(
        _ bytes: UnsafeBufferPointer<UInt8>, _ columns: PlainColumns, into output: PlainOutput, at start: Int,
        textIDs textMode: Bool
    ) -> PieceResult? {
        var result = PieceResult(textIDs: textMode ? [] : nil)
        /// The line whose cells are `cells`, into `output` at `row`; false when it is not plain.
        func line(_ cells: UnsafeMutableBufferPointer<Range<Int>>, row: Int) -> Bool {
            guard let x = integer(bytes, cells[columns.frequency]), let tx = decimal(bytes, cells[columns.recency]),
                let t = decimal(bytes, cells[columns.age]), tx >= 0, tx <= t, x > 0 || tx == 0
            else { return false }
            output.frequency[row] = x
            output.recency[row] = tx + 0
            output.age[row] = t + 0
            if let column = columns.spend {
                guard let value = decimal(bytes, cells[column]), value >= 0 else { return false }
                output.spend[row] = value + 0
            }
            if let column = columns.id {
                let range = cells[column]
                for i in range {
                    guard bytes[i] > 0x20, bytes[i] < 0x7F, bytes[i] != 0x22 else { return false }
                }
                if result.textIDs == nil, let n = integer(bytes, range), n > 0, bytes[range.lowerBound] != 0x30 {
                    output.numericIDs[row] = n
                } else {
                    if result.textIDs == nil { result.textIDs = output.numericIDs[start..<row].map(String.init) }
                    result.textIDs!.append(
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
                }
            }
            return true
        }
        let parsed = withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: columns.count) { cells in
            var row = start
            var cell = 0
            var cellStart = 0
            // One pass over the bytes: a comma ends a cell, a newline (after an optional CR) a cell
            // and its line, which must have exactly the header's cells, none empty.
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b <= 0x2C, b == 0x2C || b == 0x0A else { continue }
                var cellEnd = i
                if b == 0x0A, cellEnd > cellStart, bytes[cellEnd - 1] == 0x0D { cellEnd -= 1 }
                guard cell < columns.count, cellEnd > cellStart else { return false }
                cells[cell] = cellStart..<cellEnd
                cell += 1
                cellStart = i + 1
                guard b == 0x0A else { continue }
                guard cell == columns.count, line(cells, row: row) else { return false }
                cell = 0
                row += 1
            }
            return cellStart == bytes.count
        }
        return parsed ? result : nil
    }

    /// The number of newlines in `bytes`, eight at a time: in each 64-bit word XORed with
    /// newlines, a byte's top bit after `((w & 0x7F…) + 0x7F…) | w` is clear exactly where the byte
    /// was a newline (no carry crosses bytes), and those are counted.
    static func newlines(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let newline = ones &* 0x0A
        let low = ones &* 0x7F
        let high = ones &* 0x80
        var total = 0
        var i = 0
        while i + 8 <= bytes.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ newline
            total += (~(((w & low) &+ low) | w) & high).nonzeroBitCount
            i += 8
        }
        while i < bytes.count {
            if bytes[i] == 0x0A { total += 1 }
            i += 1
        }
        return total
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
}
