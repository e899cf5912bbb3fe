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

    /// Appends one line per customer in `rows`: id, x, t_x, T, P(alive), expected purchases over
    /// the horizon, expected spend and CLV (the last two empty without a spend model), then the
    /// lower and upper limits of P(alive), expected purchases and CLV.
    public static func appendCustomers(_ analysis: FitAnalysis, rows: Range<Int>, to buffer: inout [UInt8]) {
        let data = analysis.data
        let scores = analysis.scores
        buffer.reserveCapacity(buffer.count + rows.count * 192)
        for i in rows {
            let alive = scores.alive(i)
            let purchases = scores.purchases(i)
            let value = scores.value(i)
            appendID(data.customerID(at: i), to: &buffer)
            buffer.append(comma)
            appendInteger(data.frequency[i], to: &buffer)
            buffer.append(comma)
            appendNumber(data.recency[i], to: &buffer)
            buffer.append(comma)
            appendNumber(data.age[i], to: &buffer)
            buffer.append(comma)
            appendNumber(alive.0, to: &buffer)
            buffer.append(comma)
            appendNumber(purchases.0, to: &buffer)
            buffer.append(comma)
            if let spend = scores.expectedSpend { appendNumber(spend[i], to: &buffer) }
            buffer.append(comma)
            if let value { appendNumber(value.0, to: &buffer) }
            buffer.append(comma)
            appendNumber(alive.1, to: &buffer)
            buffer.append(comma)
            appendNumber(alive.2, to: &buffer)
            buffer.append(comma)
            appendNumber(purchases.1, to: &buffer)
            buffer.append(comma)
            appendNumber(purchases.2, to: &buffer)
            buffer.append(comma)
            if let value { appendNumber(value.1, to: &buffer) }
            buffer.append(comma)
            if let value { appendNumber(value.2, to: &buffer) }
            buffer.append(newline)
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

    /// Decimal digits of an integer (a small string: no allocation).
    static func appendInteger(_ value: Int, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: String(value).utf8)
    }

    /// The shortest decimal that reads back as `value`; nothing for NaN.
    static func appendNumber(_ value: Double, to buffer: inout [UInt8]) {
        guard !value.isNaN else { return }
        buffer.append(contentsOf: value.description.utf8)
    }
}
