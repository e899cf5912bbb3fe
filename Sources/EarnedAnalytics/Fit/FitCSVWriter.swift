import EarnedDomain
import EarnedFormats
import Foundation

/// Writes the CSV files of `earned fit` into byte buffers, a range of customers at a time, so a
/// caller can flush every few thousand rows and write millions without building one string.
///
/// Numbers are written in Swift's shortest round-trip form (`27.142857142857142`, `1e-05`), so a
/// file read back gives the same doubles; an undefined value (NaN) is an empty cell. Identifiers
/// and header cells go through the domain's one ``CSVWriter``: quoted as RFC 4180 requires when
/// they hold a comma, a quote or a line break, and written with a leading `'` when they start
/// like a spreadsheet formula (an id taken from an imported file may).
public enum FitCSVWriter {
    /// Header of the per-customer forecasts file.
    public static let customerColumns = [
        "customer_id", "frequency", "recency", "T", "p_alive", "expected_purchases", "expected_spend", "clv",
        "p_alive_lower", "p_alive_upper", "expected_purchases_lower", "expected_purchases_upper", "clv_lower",
        "clv_upper",
    ]

    /// Header of a summary file, as `lifetimes` names the columns; `monetary_value` only when the
    /// data have spend.
    public static func summaryColumns(_ data: FitData) -> [String] {
        ["customer_id", "frequency", "recency", "T"] + (data.averageSpend == nil ? [] : ["monetary_value"])
    }

    /// Appends the header line of the per-customer forecasts file.
    public static func appendCustomerHeader(to buffer: inout [UInt8]) {
        appendLine(customerColumns, to: &buffer)
    }

    /// The cells every customer of one unique (x, t_x, T) history shares, formatted once per
    /// history (a million simulated customers have about 110,000): "x,t_x,T,P(alive),E," and
    /// "P lower,P upper,E lower,E upper,"; and for a history without repeat purchases, whose
    /// customers have no spend of their own to tell them apart (`FitScores.sharesRow`), the whole
    /// line after the id. Make it once, then write any ranges of customers.
    public struct RowText: Sendable {
        let bytes: [UInt8]
        /// Start of row i's first part, of its second part, and of row i + 1.
        let first: [Int32]
        let second: [Int32]
        /// Start and end of row i's whole line after the id (both 0 where there is none).
        let whole: [Int32]
        let wholeEnd: [Int32]
    }

    /// The shared cells of every unique history of the analysis, formatted on every core (a
    /// range of histories each) and joined.
    public static func rowText(_ analysis: FitAnalysis) -> RowText {
        let scores = analysis.scores
        let h = scores.predictions.histories
        // The first customer of each history, who stands for all where they share the line.
        var representative = [Int32](repeating: -1, count: h.rowCount)
        for c in 0..<h.customerCount {
            let row = Int(h.rowOfCustomer[c])
            if representative[row] < 0 { representative[row] = Int32(c) }
        }
        let customers = representative
        let parts = Parallel.mapChunks(count: h.rowCount) { rows in
            rowText(scores, rows: rows, representatives: customers)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count })
        var first: [Int32] = []
        var second: [Int32] = []
        var whole: [Int32] = []
        var wholeEnd: [Int32] = []
        for part in parts {
            let base = Int32(bytes.count)
            bytes += part.bytes
            first += part.first.dropLast().map { $0 + base }
            second += part.second.map { $0 + base }
            whole += part.whole.map { $0 + base }
            wholeEnd += part.wholeEnd.map { $0 + base }
        }
        first.append(Int32(bytes.count))
        return RowText(bytes: bytes, first: first, second: second, whole: whole, wholeEnd: wholeEnd)
    }

    /// The shared cells of the histories in `rows`, with offsets from the start of their own bytes
    /// (`first` has one more: the end).
    static func rowText(_ scores: FitScores, rows: Range<Int>, representatives: [Int32]) -> RowText {
        let p = scores.predictions
        let h = p.histories
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rows.count * 112)
        var first = [Int32](repeating: 0, count: rows.count + 1)
        var second = [Int32](repeating: 0, count: rows.count)
        var whole = [Int32](repeating: 0, count: rows.count)
        var wholeEnd = [Int32](repeating: 0, count: rows.count)
        for (k, i) in rows.enumerated() {
            first[k] = Int32(bytes.count)
            appendInteger(h.rowFrequency[i], to: &bytes)
            bytes.append(comma)
            appendNumber(h.rowRecency[i], to: &bytes)
            bytes.append(comma)
            appendNumber(h.rowAge[i], to: &bytes)
            bytes.append(comma)
            appendNumber(p.alive[i], to: &bytes)
            bytes.append(comma)
            appendNumber(p.purchases[i], to: &bytes)
            bytes.append(comma)
            second[k] = Int32(bytes.count)
            appendLimit(p.aliveLower[i], .down, to: &bytes)
            bytes.append(comma)
            appendLimit(p.aliveUpper[i], .up, to: &bytes)
            bytes.append(comma)
            appendLimit(p.purchasesLower[i], .down, to: &bytes)
            bytes.append(comma)
            appendLimit(p.purchasesUpper[i], .up, to: &bytes)
            bytes.append(comma)
            let customer = Int(representatives[i])
            guard customer >= 0, scores.sharesRow(customer) else { continue }
            let end = bytes.count
            let parts = (Array(bytes[Int(first[k])..<Int(second[k])]), Array(bytes[Int(second[k])..<end]))
            whole[k] = Int32(end)
            appendTail(scores, customer: customer, first: parts.0, second: parts.1, to: &bytes)
            wholeEnd[k] = Int32(bytes.count)
        }
        first[rows.count] = Int32(bytes.count)
        return RowText(bytes: bytes, first: first, second: second, whole: whole, wholeEnd: wholeEnd)
    }

    /// A customer's line after the id, from the two shared parts of their history's cells.
    @inline(__always)
    static func appendTail<C: Collection<UInt8>>(
        _ scores: FitScores, customer i: Int, first: C, second: C, to buffer: inout [UInt8]
    ) {
        buffer.append(contentsOf: first)
        let value = scores.value(i)
        if let spend = scores.expectedSpend(i) { appendNumber(spend, to: &buffer) }
        buffer.append(comma)
        if let value { appendNumber(value.0, to: &buffer) }
        buffer.append(comma)
        buffer.append(contentsOf: second)
        if let value { appendLimit(value.1, .down, to: &buffer) }
        buffer.append(comma)
        if let value { appendLimit(value.2, .up, to: &buffer) }
        buffer.append(newline)
    }

    /// Appends one line per customer in `rows`: id, x, t_x, T, P(alive), expected purchases over
    /// the horizon, expected spend and CLV (the last two empty without a spend model), then the
    /// lower and upper limits of P(alive), expected purchases and CLV. Limits are written to six
    /// significant digits, rounded outwards (`appendLimit`); the figures themselves exactly.
    public static func appendCustomers(
        _ analysis: FitAnalysis, rows: Range<Int>, text: RowText? = nil, to buffer: inout [UInt8]
    ) {
        let data = analysis.data
        let scores = analysis.scores
        let shared = text ?? rowText(analysis)
        let rowOf = scores.predictions.histories.rowOfCustomer
        buffer.reserveCapacity(buffer.count + rows.count * 160)
        shared.bytes.withUnsafeBufferPointer { cells in
            let numbered = data.customerIDs == nil
            for i in rows {
                let row = Int(rowOf[i])
                if numbered {
                    appendInteger(i + 1, to: &buffer)  // the customers' own numbers: digits need no quoting
                } else {
                    appendID(data.customerID(at: i), to: &buffer)
                }
                buffer.append(comma)
                let (w, e) = (Int(shared.whole[row]), Int(shared.wholeEnd[row]))
                if e > w {
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: cells[w..<e]))
                    continue
                }
                let (a, b, c) = (Int(shared.first[row]), Int(shared.second[row]), Int(shared.first[row + 1]))
                appendTail(
                    scores, customer: i, first: UnsafeBufferPointer(rebasing: cells[a..<b]),
                    second: UnsafeBufferPointer(rebasing: cells[b..<c]), to: &buffer)
            }
        }
    }

    /// Appends the header line of a summary file.
    public static func appendSummaryHeader(_ data: FitData, to buffer: inout [UInt8]) {
        appendLine(summaryColumns(data), to: &buffer)
    }

    /// Appends one summary line per customer in `rows`: id, x, t_x, T and, with spend, z̄ — the
    /// (x, t_x, T) summary of Fader, Hardie & Lee (2005, §3) that `FitInputReader` reads back.
    public static func appendSummary(_ data: FitData, rows: Range<Int>, to buffer: inout [UInt8]) {
        buffer.reserveCapacity(buffer.count + rows.count * 64)
        for i in rows {
            appendID(data.customerID(at: i), to: &buffer)
            buffer.append(comma)
            appendInteger(data.frequency[i], to: &buffer)
            buffer.append(comma)
            appendNumber(data.recency[i], to: &buffer)
            buffer.append(comma)
            appendNumber(data.age[i], to: &buffer)
            if let spend = data.averageSpend {
                buffer.append(comma)
                appendNumber(spend[i], to: &buffer)
            }
            buffer.append(newline)
        }
    }

    // MARK: - Cells

    static let comma = UInt8(ascii: ",")
    static let newline = UInt8(ascii: "\n")

    static func appendLine(_ cells: [String], to buffer: inout [UInt8]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { buffer.append(comma) }
            appendID(cell, to: &buffer)
        }
        buffer.append(newline)
    }

    static let writer = CSVWriter(separator: ",", lineEnding: "\n")

    /// A text cell, written by ``CSVWriter``.
    static func appendID(_ text: String, to buffer: inout [UInt8]) {
        writer.appendCell(text, kind: .text, to: &buffer)
    }

    /// Decimal digits of an integer, written from the last digit into a buffer on the stack.
    static func appendInteger(_ value: Int, to buffer: inout [UInt8]) {
        guard value >= 0 else {
            buffer.append(contentsOf: String(value).utf8)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { out in
            var n = value
            var w = 20
            repeat {
                w -= 1
                out[w] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
            } while n > 0
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: out[w..<20]))
        }
    }

    /// The shortest decimal that reads back as `value` (its `description`); nothing for NaN.
    /// Written through `TextOutputStream`, whose ASCII entry takes the digits straight from the
    /// standard library's formatter: no string is made (on a million customers, 40 % faster).
    static func appendNumber(_ value: Double, to buffer: inout [UInt8]) {
        guard !value.isNaN else { return }
        var stream = ByteStream()
        swap(&stream.bytes, &buffer)
        value.write(to: &stream)
        swap(&stream.bytes, &buffer)
    }

    /// Bytes as a text stream.
    struct ByteStream: TextOutputStream {
        var bytes: [UInt8] = []

        mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }

        mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
    }

    /// 10⁻²² … 10²², each exactly the double nearest its power (the literals are exact decimals).
    static let powersOfTen: [Double] = (-22...22).map { Double("1e\($0)")! }

    /// An interval's limit to six significant digits ("0.540618", "30.1559", "1.23457e-07"),
    /// formatted from integers without allocating; nothing for NaN. Plenty for a limit, and about
    /// five times faster than the shortest round-trip form. A lower limit is rounded down and an
    /// upper one up (`direction`), so the written interval still holds its estimate.
    static func appendLimit(
        _ value: Double, _ direction: FloatingPointRoundingRule = .toNearestOrAwayFromZero, to buffer: inout [UInt8]
    ) {
        guard value.isFinite else {
            if !value.isNaN { buffer.append(contentsOf: (value < 0 ? "-inf" : "inf").utf8) }
            return
        }
        if value == 0 {
            buffer.append(UInt8(ascii: "0"))
            return
        }
        var v = value
        var rule = direction
        if v < 0 {
            buffer.append(UInt8(ascii: "-"))
            v = -v
            // The magnitude of a negative number rounds the other way.
            if rule == .down { rule = .up } else if rule == .up { rule = .down }
        }
        // 10^e from a table of exact powers where it can; the binary exponent gives e to within one.
        var exponent = Int((Double(v.exponent) * 0.301_029_995_663_981_2).rounded(.down))
        func scaled() -> UInt64 {
            let k = 5 - exponent
            let factor = (-22...22).contains(k) ? Self.powersOfTen[k + 22] : pow(10, Double(k))
            return UInt64((v * factor).rounded(rule))
        }
        var digits = scaled()
        while digits >= 1_000_000 {
            exponent += 1
            digits = scaled()
        }
        while digits < 100_000 {
            exponent -= 1
            digits = scaled()
        }
        // Six digits d₀…d₅ of value = d₀.d₁…d₅ × 10^exponent, trailing zeros dropped, written into
        // a small buffer on the stack and appended at once.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { out in
            // The digits at 24…29, bytes apart (a vector written a lane at a time stalls every store).
            let d = UnsafeMutableBufferPointer(rebasing: out[24..<32])
            var n = digits
            for k in stride(from: 5, through: 0, by: -1) {
                d[k] = UInt8(n % 10)
                n /= 10
            }
            var last = 5
            while last > 0, d[last] == 0 { last -= 1 }
            let zero = UInt8(ascii: "0")
            var w = 0
            func put(_ b: UInt8) {
                out[w] = b
                w += 1
            }
            if exponent >= 6 || exponent < -4 {
                put(zero + d[0])
                if last > 0 {
                    put(UInt8(ascii: "."))
                    for k in 1...last { put(zero + d[k]) }
                }
                put(UInt8(ascii: "e"))
                put(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
                let e = abs(exponent)
                if e >= 100 { put(zero + UInt8(e / 100)) }
                put(zero + UInt8(e / 10 % 10))
                put(zero + UInt8(e % 10))
            } else if exponent >= 0 {
                for k in 0...exponent { put(zero + d[k]) }
                if last > exponent {
                    put(UInt8(ascii: "."))
                    for k in (exponent + 1)...last { put(zero + d[k]) }
                }
            } else {
                put(zero)
                put(UInt8(ascii: "."))
                for _ in 0..<(-exponent - 1) { put(zero) }
                for k in 0...last { put(zero + d[k]) }
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: out[0..<w]))
        }
    }
}
