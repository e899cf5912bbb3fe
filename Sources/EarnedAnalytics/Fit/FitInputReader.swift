import EarnedDomain
import EarnedFormats
import Foundation

/// Reads the input of `earned fit` through the project's CSV reader (encoding, BOM, `,` `;` tab
/// or whitespace separators) and turns it into `FitData`:
///
/// - a **summary** (header with frequency/x, recency/t_x and T; optionally spend/monetary_value
///   and a customer id), one row per customer, checked row by row (x a whole number ≥ 0,
///   0 ≤ t_x ≤ T, t_x = 0 when x = 0, spend ≥ 0);
/// - a **transaction log** with a header (customer, date and, for spend, amount), or without one
///   in the CDNOW layout (master id, sample id, YYYYMMDD, CDs, dollars;
///   `ImportRowParser.transactionColumns`), summarised by `CalibrationSummary` — Fader, Hardie &
///   Lee (2005, §3), same-day purchases merged — at `FitOptions.calibrationEnd` (default: the last
///   date in the file).
///
/// Dates are read by `LocaleDateParser` (2024-03-15, 20240315, 15.03.2024, …; a date-time counts
/// on the date written). Numbers are read as plain decimals, else by `LocaleNumberParser`, whose
/// comma is the decimal separator in a semicolon-separated file (as Russian Excel writes) and is
/// decided from the text otherwise. Every refusal names its line, column and reason.
public struct FitInputReader: Sendable {
    /// How to summarise a log (calibration end, time unit).
    public var options: FitOptions

    /// A reader that summarises logs with `options`.
    public init(options: FitOptions = FitOptions()) {
        self.options = options
    }

    /// Reads a whole file held in memory.
    public func read(_ bytes: some Sequence<UInt8>) throws(FitError) -> FitData {
        var parser = CSVReader().makeParser()
        parser.append(bytes)
        parser.finish()
        var consumer = Consumer(options: options)
        while true {
            let record: CSVRecord?
            do {
                record = try parser.next()
            } catch {
                throw .unreadable(error)
            }
            guard let record else { break }
            try consumer.consume(record, dialect: parser.dialect ?? .comma)
        }
        return try consumer.finish()
    }

    /// Reads records as a `CSVRecordStream` delivers them (a large file, chunk by chunk).
    public func read(_ stream: CSVRecordStream) throws(FitError) -> FitData {
        var consumer = Consumer(options: options)
        while true {
            let record: CSVRecord?
            do {
                record = try stream.next()
            } catch {
                throw .unreadable(error)
            }
            guard let record else { break }
            try consumer.consume(record, dialect: stream.dialect ?? .comma)
        }
        return try consumer.finish()
    }
}

extension FitInputReader {
    /// The 0-based columns of a summary file.
    struct SummaryColumns {
        var frequency: Int
        var recency: Int
        var age: Int
        var spend: Int?
        var id: Int?
    }

    /// The 0-based columns of a transaction log.
    struct LogColumns {
        var id: Int
        var date: Int
        var amount: Int?
    }

    enum Layout {
        case summary(SummaryColumns)
        case log(LogColumns)
    }

    /// Decides the layout from the first record, then reads record by record.
    struct Consumer {
        let options: FitOptions
        var layout: Layout?
        var kind = FitInputKind.summary
        var names: [String] = []
        var records = 0
        var numbers: LocaleNumberParser?
        // Summary rows.
        var ids: [String]?
        var frequency: [Int] = []
        var recency: [Double] = []
        var age: [Double] = []
        var spend: [Double]?
        // Log rows.
        var transactions: [CalibrationSummary.Transaction] = []
        var lastDay: (number: Int, day: LocaleDateParser.CalendarDay)?
        var hasAmounts = true
        var dayCache: [String: LocaleDateParser.CalendarDay] = [:]
        let dates = LocaleDateParser(timeZone: .gmt)

        init(options: FitOptions) {
            self.options = options
        }

        mutating func consume(_ record: CSVRecord, dialect: CSVDialect) throws(FitError) {
            guard let layout else {
                numbers = LocaleNumberParser(decimalSeparator: dialect.separator == .semicolon ? .comma : .automatic)
                try start(record)
                return
            }
            records += 1
            switch layout {
            case .summary(let columns): try summaryRow(record, columns)
            case .log(let columns): try logRow(record, columns)
            }
        }

        /// Reads the header, or recognises a headerless CDNOW-style line and reads it as data.
        mutating func start(_ record: CSVRecord) throws(FitError) {
            let header = CSVHeader(record)
            let summary = Self.mapping(header, .fitSummary)
            let log = Self.mapping(header, .fitTransactions)
            let summaryFields = ["frequency", "recency", "T"]
            let logFields = ["customer_id", "date"]
            let summaryMissing = summary.missingFields(summaryFields)
            let logMissing = log.missingFields(logFields)
            if summaryMissing.isEmpty {
                let columns = SummaryColumns(
                    frequency: summary.columns["frequency"]!, recency: summary.columns["recency"]!,
                    age: summary.columns["T"]!, spend: summary.columns["spend"], id: summary.columns["customer_id"])
                kind = .summary
                names = header.names
                if columns.id != nil { ids = [] }
                if columns.spend != nil { spend = [] }
                layout = .summary(columns)
                guard options.calibrationEnd == nil else {
                    throw .invalidOption(
                        "a calibration end applies to a transaction log; a summary file is already summarised")
                }
            } else if logMissing.isEmpty {
                kind = .transactions
                names = header.names
                hasAmounts = log.columns["amount"] != nil
                layout = .log(
                    LogColumns(
                        id: log.columns["customer_id"]!, date: log.columns["date"]!, amount: log.columns["amount"]))
            } else if isCDNOWLine(record) {
                let columns = ImportRowParser.transactionColumns
                kind = .cdnowLog
                names = ["master id", "sample id", "date", "CDs", "dollars"]
                let logColumns = LogColumns(
                    id: columns["customer_id"]! - 1, date: columns["ordered_at"]! - 1, amount: columns["amount"]! - 1)
                layout = .log(logColumns)
                records += 1
                try logRow(record, logColumns)
            } else if summaryMissing.count < summaryFields.count - 1 {
                throw .missingColumns(
                    line: record.line, kind: .summary, missing: summaryMissing, available: header.names)
            } else if logMissing.count < logFields.count {
                throw .missingColumns(
                    line: record.line, kind: .transactions, missing: logMissing, available: header.names)
            } else {
                throw .unrecognizedLayout(line: record.line, fields: record.fields)
            }
        }

        static func mapping(_ header: CSVHeader, _ aliases: CSVFieldAliases) -> CSVColumnMapping {
            // Without overrides, mapping cannot fail.
            (try? header.mapping(aliases: aliases)) ?? CSVColumnMapping(header: header, columns: [:])
        }

        /// A CDNOW-style line: a numeric id in column 1, YYYYMMDD in column 3, an amount in column 5.
        func isCDNOWLine(_ record: CSVRecord) -> Bool {
            let columns = ImportRowParser.transactionColumns
            guard let id = record.field(at: columns["customer_id"]! - 1),
                let date = record.field(at: columns["ordered_at"]! - 1),
                let amount = record.field(at: columns["amount"]! - 1)
            else { return false }
            let digits = { (text: String) in !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
            guard digits(id), digits(date), date.utf8.count == 8 else { return false }
            return (try? dates.calendarDay(from: date)) != nil && number(amount) != nil
        }

        // MARK: Rows

        mutating func summaryRow(_ record: CSVRecord, _ columns: SummaryColumns) throws(FitError) {
            let x: Int
            if let value = Int(raw(record, columns.frequency)) {
                x = value
            } else {
                let text = try required(record, columns.frequency)
                guard let value = number(text), value.rounded() == value, abs(value) < 1e15 else {
                    throw invalid(record, columns.frequency, text, "frequency x must be a whole number, not '\(text)'")
                }
                x = Int(value)
            }
            guard x >= 0 else {
                throw invalid(
                    record, columns.frequency, field(record, columns.frequency),
                    "frequency x must not be negative, not \(x)")
            }
            let tx = try nonNegative(record, columns.recency, "recency t_x")
            let t = try nonNegative(record, columns.age, "age T")
            guard tx <= t else {
                throw invalid(
                    record, columns.recency, field(record, columns.recency),
                    "recency t_x = \(tx) exceeds age T = \(t): the last purchase cannot come after the end of calibration"
                )
            }
            guard x > 0 || tx == 0 else {
                throw invalid(
                    record, columns.recency, field(record, columns.recency),
                    "recency t_x must be 0 when frequency x is 0, not \(tx)")
            }
            if let column = columns.spend {
                let value = field(record, column).isEmpty && x == 0 ? 0 : try nonNegative(record, column, "spend")
                spend!.append(value)
            }
            if let column = columns.id { ids!.append(field(record, column)) }
            frequency.append(x)
            recency.append(tx)
            age.append(t)
        }

        mutating func logRow(_ record: CSVRecord, _ columns: LogColumns) throws(FitError) {
            let id = try required(record, columns.id)
            let dateText = try required(record, columns.date)
            let day: LocaleDateParser.CalendarDay
            if let cached = dayCache[dateText] {
                day = cached
            } else {
                do {
                    day = try dates.calendarDay(from: dateText)
                } catch {
                    throw invalid(record, columns.date, dateText, error.description)
                }
                if dayCache.count < 100_000 { dayCache[dateText] = day }
            }
            var amount = 0.0
            if let column = columns.amount {
                let text = try required(record, column)
                guard let value = number(text) else { throw invalid(record, column, text, "not an amount: '\(text)'") }
                amount = value
            }
            let dayNumber = day.daysSinceEpoch
            if lastDay.map({ dayNumber > $0.number }) ?? true { lastDay = (dayNumber, day) }
            transactions.append(CalibrationSummary.Transaction(customerID: id, day: dayNumber, amount: amount))
        }

        // MARK: Fields

        /// The field as written; empty when the record is shorter.
        func raw(_ record: CSVRecord, _ column: Int) -> String {
            column < record.count ? record[column] : ""
        }

        /// The field, trimmed of surrounding spaces; empty when the record is shorter.
        func field(_ record: CSVRecord, _ column: Int) -> String {
            let text = raw(record, column)
            guard let first = text.utf8.first, let last = text.utf8.last else { return text }
            if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 || first == 0xC2 || last == 0xA0 {
                return text.trimmingCharacters(in: .whitespaces)
            }
            return text
        }

        func required(_ record: CSVRecord, _ column: Int) throws(FitError) -> String {
            let text = field(record, column)
            guard !text.isEmpty else { throw invalid(record, column, text, "a value is required") }
            return text
        }

        func nonNegative(_ record: CSVRecord, _ column: Int, _ name: String) throws(FitError) -> Double {
            // Most cells are plain decimals: parse them before any trimming or checks.
            if let value = Double(raw(record, column)), value.isFinite, value >= 0 { return value + 0 }
            let text = try required(record, column)
            guard let value = number(text) else { throw invalid(record, column, text, "not a number: '\(text)'") }
            guard value >= 0 else { throw invalid(record, column, text, "\(name) must not be negative, not \(value)") }
            return value + 0  // −0 → +0
        }

        /// A finite number: a plain decimal (`12.5`, `1e-3`) directly, anything else through
        /// `LocaleNumberParser` (`12,5`, `1 234,56`, `$12.50`).
        func number(_ text: String) -> Double? {
            if let value = Double(text) { return value.isFinite ? value : nil }
            guard let decimal = try? (numbers ?? LocaleNumberParser()).decimal(from: text),
                let value = Double(decimal.description), value.isFinite
            else { return nil }
            return value
        }

        func invalid(_ record: CSVRecord, _ column: Int, _ value: String, _ reason: String) -> FitError {
            let name = column < names.count && !names[column].isEmpty ? names[column] : String(column + 1)
            return .invalidValue(line: record.line, column: column + 1, columnName: name, value: value, reason: reason)
        }

        // MARK: Finish

        func finish() throws(FitError) -> FitData {
            guard let layout else { throw .empty }
            switch layout {
            case .summary:
                guard !frequency.isEmpty else { throw .empty }
                return FitData(
                    kind: kind, records: records, customerIDs: ids, frequency: frequency, recency: recency, age: age,
                    averageSpend: spend, calibrationEnd: nil, timeUnit: options.timeUnit)
            case .log:
                guard let lastDay else { throw .empty }
                let end = options.calibrationEnd ?? lastDay.day
                let summary = CalibrationSummary(
                    transactions: transactions, calibrationEnd: end.daysSinceEpoch, timeUnit: options.timeUnit)
                guard summary.count > 0 else {
                    throw .invalidOption("no customer made a first purchase on or before the calibration end \(end)")
                }
                return FitData(
                    kind: kind, records: records, customerIDs: summary.customerIDs, frequency: summary.frequency,
                    recency: summary.recency, age: summary.age, averageSpend: hasAmounts ? summary.averageSpend : nil,
                    calibrationEnd: end, timeUnit: options.timeUnit,
                    transactions: options.holdoutWeeks == nil ? nil : transactions)
            }
        }
    }
}
