import EarnedDomain
import EarnedFormats
import Foundation
import Testing

@testable import EarnedAnalytics

/// The core of `earned fit`: reading logs and summaries, fitting, the report and the CSV files.
@Suite struct FitReportTests {
    /// The CDNOW 1/10 sample beside this file (Fixtures/README.md).
    static let cdnowURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/CDNOW_sample.txt")

    static func cdnowAnalysis(calibrationEnd: LocaleDateParser.CalendarDay? = .init(year: 1997, month: 9, day: 30))
        throws -> FitAnalysis
    {
        let options = FitOptions(calibrationEnd: calibrationEnd, timeUnit: .weeks)
        let data = try FitInputReader(options: options).read(try Data(contentsOf: cdnowURL))
        return try FitAnalysis(data, options: options)
    }

    static func rounded(_ value: Double?, _ places: Int) -> Double? {
        value.map { ($0 * pow(10, Double(places))).rounded() / pow(10, Double(places)) }
    }

    static func read(_ text: String, _ options: FitOptions = FitOptions()) throws(FitError) -> FitData {
        try FitInputReader(options: options).read(Array(text.utf8))
    }

    // MARK: - CDNOW through the report

    @Test func cdnowLogGivesThePublishedEstimates() throws {
        let report = try Self.cdnowAnalysis().report

        #expect(report.inputKind == .cdnowLog)
        #expect(report.records == 6919)
        #expect(report.customers == 2357)
        #expect(report.repeatBuyers == 946)
        #expect(report.calibrationEnd == "1997-09-30")
        #expect(report.timeUnit == "weeks")
        // Fader, Hardie & Lee (2005): r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL −9582.4.
        let bg = report.purchaseModel
        #expect(Self.rounded(bg.parameters["r"], 3) == 0.243)
        #expect(Self.rounded(bg.parameters["alpha"], 3) == 4.414)
        #expect(Self.rounded(bg.parameters["a"], 3) == 0.793)
        #expect(Self.rounded(bg.parameters["b"], 3) == 2.426)
        #expect(Self.rounded(bg.logLikelihood, 1) == -9582.4)
        #expect(bg.converged && bg.customers == 2357)
        #expect(Set(bg.standardErrors.keys) == ["r", "alpha", "a", "b"])
        #expect(bg.standardErrors.values.allSatisfy { $0 > 0 && $0.isFinite })
        // Fader & Hardie (2013): p = 6.25, q = 3.74, γ = 15.44 on the 946 repeat buyers.
        let gg = try #require(report.spendModel)
        #expect(Self.rounded(gg.parameters["p"], 2) == 6.25)
        #expect(Self.rounded(gg.parameters["q"], 2) == 3.74)
        #expect(Self.rounded(gg.parameters["gamma"], 2) == 15.44)
        #expect(Self.rounded(gg.logLikelihood, 2) == -4055.92)
        #expect(gg.converged && gg.customers == 946)
        #expect(report.notes.isEmpty)
    }

    @Test func reportIsDeterministicJSON() throws {
        let first = try Self.cdnowAnalysis()
        let second = try Self.cdnowAnalysis()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]

        let json = try encoder.encode(first.report)
        let text = String(decoding: json, as: UTF8.self)

        #expect(json == (try encoder.encode(second.report)))
        #expect(try JSONDecoder().decode(FitReport.self, from: json) == first.report)
        #expect(text.contains("\"inputKind\" : \"cdnow-log\""))
        let keys = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any]).keys
        #expect(
            Set(keys) == [
                "calibrationEnd", "customers", "forecast", "inputKind", "notes", "purchaseModel", "records",
                "repeatBuyers", "spendModel", "timeUnit",
            ])
        // The totals carry 90 % intervals around them.
        #expect(first.report.forecast.intervalLevel == 0.9)
        for (total, interval) in [
            (first.report.forecast.expectedPurchases, first.report.forecast.expectedPurchasesInterval),
            (first.report.forecast.expectedActiveCustomers, first.report.forecast.expectedActiveCustomersInterval),
            (first.report.forecast.lifetimeValue!, first.report.forecast.lifetimeValueInterval),
        ] {
            let limits = try #require(interval)
            #expect(limits[0]! < total && total < limits[1]!)
        }
        // The totals are the sums of the per-customer forecasts.
        let forecast = first.report.forecast
        #expect(forecast.horizon == 52)
        #expect(abs(forecast.expectedPurchases - first.scores.expectedPurchases.reduce(0, +)) < 1e-9)
        #expect(abs(forecast.expectedActiveCustomers - first.scores.probabilityAlive.reduce(0, +)) < 1e-9)
        #expect(abs(forecast.lifetimeValue! - first.scores.lifetimeValue!.reduce(0, +)) < 1e-6)
    }

    @Test func aHoldoutValidatesBothModelsAndFitsTheChosenOne() throws {
        var options = FitOptions(calibrationEnd: nil, timeUnit: .weeks)
        options.holdoutWeeks = 39
        let data = try FitInputReader(options: options).read(try Data(contentsOf: Self.cdnowURL))
        let analysis = try FitAnalysis(data, options: options)
        let validation = try #require(analysis.report.validation)
        #expect(validation.holdoutWeeks == 39)
        #expect(validation.calibrationEnd == CalibrationSummary.dayNumber(year: 1997, month: 9, day: 30))
        #expect(validation.models.map(\.name) == ["BG/NBD", "Pareto/NBD"])
        #expect(analysis.report.purchaseModel.name == validation.chosen)
        #expect(analysis.report.verdict?.hasPrefix("\(validation.chosen) was chosen on the held-out 39 weeks") == true)
        // A summary has no purchase dates to hold out.
        #expect(throws: FitError.self) {
            _ = try FitAnalysis(try Self.read("frequency,recency,T\n1,1,3\n0,0,2\n", options), options: options)
        }
        var wrong = options
        wrong.holdoutWeeks = 0
        #expect(throws: FitError.invalidOption("the holdout must be at least one week, not 0")) {
            _ = try FitAnalysis(data, options: wrong)
        }
    }

    @Test func calibrationEndDefaultsToTheLastDate() throws {
        let analysis = try Self.cdnowAnalysis(calibrationEnd: nil)

        #expect(analysis.report.calibrationEnd == "1998-06-30")
        #expect(analysis.report.customers == 2357)
        // With the holdout purchases counted as calibration ones, more customers repeat.
        #expect(analysis.report.repeatBuyers > 946)
    }

    @Test func logWithoutAmountsFitsThePurchaseModelOnly() throws {
        // The CDNOW log rewritten as `lifetimes`' example_transactions.csv is: id and a date-time.
        let lines = try String(contentsOf: Self.cdnowURL, encoding: .utf8).split(whereSeparator: \.isNewline)
        var text = "date,id\n"
        for line in lines {
            let fields = line.split(separator: " ")
            let d = fields[2]
            text += "\(d.prefix(4))-\(d.dropFirst(4).prefix(2))-\(d.suffix(2)) 13:45:00,\(fields[0])\n"
        }
        let options = FitOptions(calibrationEnd: .init(year: 1997, month: 9, day: 30))

        let analysis = try FitAnalysis(try Self.read(text, options), options: options)
        let cdnow = try Self.cdnowAnalysis()

        #expect(analysis.report.inputKind == .transactions)
        #expect(analysis.data.averageSpend == nil && analysis.report.spendModel == nil)
        #expect(analysis.scores.lifetimeValue == nil && analysis.report.forecast.lifetimeValue == nil)
        #expect(analysis.report.purchaseModel == cdnow.report.purchaseModel)
        #expect(analysis.scores.probabilityAlive == cdnow.scores.probabilityAlive)
    }

    // MARK: - Summary round trip

    @Test func simulatedSummaryRoundTripRecoversTheParameters() throws {
        // Continuous time: day-stamped purchases (merged on a day) are not exactly BG/NBD.
        var rng = SeededGenerator(seed: 7)
        let simulated = FitSimulation(resolution: nil).simulate(count: 20_000, using: &rng)
        var csv: [UInt8] = []
        FitCSVWriter.appendSummaryHeader(simulated, to: &csv)
        FitCSVWriter.appendSummary(simulated, rows: 0..<simulated.count, to: &csv)

        let data = try FitInputReader().read(csv)
        let analysis = try FitAnalysis(data, options: FitOptions())

        // The file reads back exactly.
        #expect(data.kind == .summary)
        #expect(data.frequency == simulated.frequency)
        #expect(data.recency == simulated.recency)
        #expect(data.age == simulated.age)
        #expect(data.averageSpend == simulated.averageSpend)
        #expect(data.customerID(at: 19_999) == "20000")
        // Each estimate lies within 4 of its standard errors of the generating value, and the
        // errors are small enough for that to mean something (under 30 % of the value).
        let truth: [String: Double] = [
            "r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426, "p": 6.25, "q": 3.74, "gamma": 15.44,
        ]
        let spend = try #require(analysis.report.spendModel)
        for model in [analysis.report.purchaseModel, spend] {
            for (name, estimate) in model.parameters {
                let expected = try #require(truth[name])
                let error = try #require(model.standardErrors[name])
                #expect(abs(estimate - expected) <= 4 * error, "\(name) = \(estimate) ± \(error), truth \(expected)")
                #expect(error < 0.3 * expected, "\(name) standard error \(error)")
            }
        }
    }

    @Test func simulationIsReproducibleFromItsSeed() {
        func file(seed: UInt64) -> [UInt8] {
            var rng = SeededGenerator(seed: seed)
            let data = FitSimulation().simulate(count: 500, using: &rng)
            var bytes: [UInt8] = []
            FitCSVWriter.appendSummaryHeader(data, to: &bytes)
            FitCSVWriter.appendSummary(data, rows: 0..<data.count, to: &bytes)
            return bytes
        }

        #expect(file(seed: 1) == file(seed: 1))
        #expect(file(seed: 1) != file(seed: 2))
        #expect(
            String(decoding: file(seed: 1), as: UTF8.self).hasPrefix(
                "customer_id,frequency,recency,T,monetary_value\n1,"))
    }

    // MARK: - Messy files

    /// A Russian Excel export: BOM, semicolons, decimal commas with space grouping.
    static let messyLog = [
        "Клиент;Дата;Сумма;Комментарий",
        "A-1;2024-01-01;10,50;",
        "A-1;2024-01-01;5;same day",
        "B-2;20240110;1 234,50;",
        "A-1;15.01.2024;20;",
        "A-1;2024-01-29;30,25;",
    ]

    @Test func messyLogIsSummarised() throws {
        let text = "\u{FEFF}" + (Self.messyLog + ["B-2;2024-01-31;7,5;"]).joined(separator: "\r\n") + "\r\n"

        let data = try Self.read(text)

        #expect(data.kind == .transactions)
        #expect(data.records == 6)
        #expect(data.calibrationEnd == LocaleDateParser.CalendarDay(year: 2024, month: 1, day: 31))
        #expect(data.customerIDs == ["A-1", "B-2"])
        // first day 1 Jan (10,50 + 5 merged), repeats 15 and 29 Jan; B-2: 10 Jan, 31 Jan.
        #expect(data.frequency == [2, 1])
        #expect(data.recency == [4, 3])
        #expect(data.age == [30.0 / 7, 3])
        #expect(data.averageSpend == [25.125, 7.5])
    }

    @Test func messyLogInWindows1251IsSummarised() throws {
        let text = (Self.messyLog + ["B-2;2024-01-31;7,5;"]).joined(separator: "\r\n")

        let data = try FitInputReader().read(Self.windows1251(text))

        #expect(data.kind == .transactions)
        #expect(data.frequency == [2, 1])
        #expect(data.averageSpend == [25.125, 7.5])
    }

    @Test func badDateNamesItsLineColumnAndReason() {
        let text = "\u{FEFF}" + (Self.messyLog + ["B-2;2024-02-30;7,5;"]).joined(separator: "\r\n")

        #expect {
            _ = try Self.read(text)
        } throws: { error in
            guard let error = error as? FitError,
                case .invalidValue(let line, let column, let name, let value, let reason) = error
            else { return false }
            return line == 7 && column == 2 && name == "Дата" && value == "2024-02-30"
                && reason.contains("2024-02-30") && error.description.hasPrefix("line 7, column 2 (\"Дата\"): ")
        }
    }

    @Test(arguments: [
        ("customer_id,frequency,recency,T\nc1,1,2,3\nc2,2,5,4\n", 3, 3, "exceeds age T"),
        ("customer_id,frequency,recency,T\nc1,-1,0,3\n", 2, 2, "must not be negative"),
        ("id;x;t_x;T;monetary_value\nc1;0;1,5;3;0\n", 2, 3, "must be 0 when frequency x is 0"),
        ("x,t_x,T\n1,1,3\n1.5,1,3\n", 3, 1, "whole number"),
        ("x,t_x,T\n1,1,three\n", 2, 3, "not a number"),
        ("x,t_x,T,spend\n1,1,3,-2\n", 2, 4, "spend must not be negative"),
        ("x,t_x,T\n1,1\n", 2, 3, "a value is required"),
    ])
    func impossibleSummaryRowIsNamed(text: String, line: Int, column: Int, reason: String) {
        #expect {
            _ = try Self.read(text)
        } throws: { error in
            guard let error = error as? FitError else { return false }
            return error.line == line && error.column == column && error.description.contains(reason)
        }
    }

    @Test func unknownOrIncompleteHeadersAreRefused() {
        #expect(throws: FitError.unrecognizedLayout(line: 1, fields: ["name", "phone"])) {
            _ = try Self.read("name,phone\nAnna,123\n")
        }
        #expect(
            throws: FitError.missingColumns(
                line: 1, kind: .transactions, missing: ["date"], available: ["Customer", "Amount"])
        ) {
            _ = try Self.read("Customer,Amount\nc1,5\n")
        }
        #expect(
            throws: FitError.missingColumns(line: 1, kind: .summary, missing: ["T"], available: ["id", "x", "t_x"])
        ) {
            _ = try Self.read("id,x,t_x\nc1,1,2\n")
        }
        #expect(throws: FitError.empty) { _ = try Self.read("") }
        #expect(throws: FitError.self) { _ = try Self.read("id,date,amount\n\"c1,2024-01-01,5\n") }
    }

    @Test func optionsAreChecked() throws {
        let summary = "frequency,recency,T\n1,1,3\n0,0,2\n"
        let end = LocaleDateParser.CalendarDay(year: 2024, month: 1, day: 1)

        #expect(throws: FitError.self) { _ = try Self.read(summary, FitOptions(calibrationEnd: end)) }
        let data = try Self.read(summary)
        #expect(throws: FitError.self) { _ = try FitAnalysis(data, options: FitOptions(horizon: -1)) }
        #expect(throws: FitError.self) { _ = try FitAnalysis(data, options: FitOptions(monthlyDiscountRate: -1)) }
        #expect(throws: FitError.self) { _ = try FitAnalysis(data, options: FitOptions(timeUnit: .days)) }
        #expect(throws: FitError.self) {
            _ = try Self.read("id,date,amount\nc1,2024-02-01,5\n", FitOptions(calibrationEnd: end))
        }
    }

    // MARK: - Customer CSV

    @Test func customerRowsHaveHeaderCountAndProbabilities() throws {
        let analysis = try Self.cdnowAnalysis()
        var bytes: [UInt8] = []

        FitCSVWriter.appendCustomerHeader(to: &bytes)
        FitCSVWriter.appendCustomers(analysis, rows: 0..<1000, to: &bytes)
        FitCSVWriter.appendCustomers(analysis, rows: 1000..<analysis.data.count, to: &bytes)
        let records = try CSVReader(dialect: .comma).read(bytes).records

        #expect(records.count == 2358)
        #expect(
            records[0].fields == [
                "customer_id", "frequency", "recency", "T", "p_alive", "expected_purchases", "expected_spend", "clv",
                "p_alive_lower", "p_alive_upper", "expected_purchases_lower", "expected_purchases_upper", "clv_lower",
                "clv_upper",
            ])
        let rows = records.dropFirst()
        #expect(rows.allSatisfy { $0.count == 14 })
        // Every estimate lies inside its interval: P(alive) 4 in 8–9, purchases 5 in 10–11, CLV 7 in 12–13.
        for row in rows {
            for (point, lower, upper) in [(4, 8, 9), (5, 10, 11), (7, 12, 13)] {
                let (v, lo, hi) = (Double(row[point])!, Double(row[lower])!, Double(row[upper])!)
                #expect(lo <= v && v <= hi, "\(row[0]): \(lo) ≤ \(v) ≤ \(hi)")
            }
        }
        let alive = rows.compactMap { Double($0[4]) }
        #expect(alive.count == 2357)
        #expect(alive.allSatisfy { (0...1).contains($0) })
        #expect(alive.contains { $0 < 0.5 } && alive.contains { $0 == 1 })
        // Rows follow the customers and carry their numbers exactly.
        #expect(rows.map { $0[0] } == analysis.data.customerIDs!)
        #expect(rows.map { Double($0[7])! } == analysis.scores.lifetimeValue!)
        // Customers without repeat purchases share their history's whole line (written once per
        // history); theirs and everyone else's spend and value limits are their own figures.
        #expect(rows.map { Double($0[6])! } == analysis.scores.expectedSpend!)
        let customers = Array(rows.indices.map { $0 - rows.startIndex })
        #expect(
            customers.contains { analysis.scores.sharesRow($0) }
                && customers.contains { !analysis.scores.sharesRow($0) })
        func limit(_ value: Double, _ direction: FloatingPointRoundingRule) -> String {
            var bytes: [UInt8] = []
            FitCSVWriter.appendLimit(value, direction, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(
            rows.map { [$0[12], $0[13]] }
                == customers.map { c in
                    let value = analysis.scores.value(c)!
                    return [limit(value.1, .down), limit(value.2, .up)]
                })
        #expect(
            records[1].fields == ["00004", "2", "30.428571428571427", "38.857142857142854"] + records[1].fields[4...])
    }

    @Test func customerRowsWithoutSpendLeaveSpendEmptyAndQuoteIDs() throws {
        let text = "customer,x,t_x,T\n\"a,1\",2,5,10\nb\"2,0,0,8\nc,1,1,9\nd,0,0,3\ne,3,6,7\n"
        let options = FitOptions(timeUnit: .days, horizon: 30)
        let data = try Self.read(text, options)
        let analysis = try FitAnalysis(data, options: options)
        var bytes: [UInt8] = []

        FitCSVWriter.appendCustomers(analysis, rows: 0..<2, to: &bytes)
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")

        #expect(analysis.report.spendModel == nil)
        #expect(analysis.report.notes.contains { $0.contains("no spend or amount column") })
        #expect(analysis.report.forecast.lifetimeValue == nil && analysis.report.timeUnit == "days")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("\"a,1\",2,5.0,10.0,") && lines[0].hasSuffix(",,"))
        #expect(lines[1].hasPrefix("\"b\"\"2\",0,0.0,8.0,1.0,"))
    }

    // MARK: - Helpers

    /// Windows-1251 bytes of ASCII and Russian letters (А–я are 0xC0–0xFF).
    static func windows1251(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0..<0x80: UInt8(scalar.value)
            case 0x410...0x44F: UInt8(scalar.value - 0x410 + 0xC0)
            default: UInt8(ascii: "?")
            }
        }
    }
}

@Suite struct FitLimitFormatTests {
    static func text(_ v: Double) -> String {
        var bytes: [UInt8] = []
        FitCSVWriter.appendLimit(v, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The figures themselves: exactly Swift's shortest round-trip `description`, over every
    /// magnitude, and nothing for NaN.
    @Test func numbersAreTheirDescription() {
        var random = SeededGenerator(seed: 17)
        var values: [Double] = [0, -0.0, 1, 1e-5, 27.142857142857142, 1e22, 1e23, .infinity, -.infinity, 5e-324]
        for _ in 0..<20_000 {
            values.append(Double(bitPattern: random.next()))
            values.append(Double(random.next() % 1_000_000) / 7)
        }
        for value in values where !value.isNaN {
            var bytes: [UInt8] = [0x2C]
            FitCSVWriter.appendNumber(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "," + value.description)
        }
        var bytes: [UInt8] = []
        FitCSVWriter.appendNumber(.nan, to: &bytes)
        #expect(bytes.isEmpty)
    }

    @Test func limitsAreWrittenToSixSignificantDigits() {
        #expect(Self.text(0.5406182906123088) == "0.540618")
        #expect(Self.text(30.155945257672716) == "30.1559")
        #expect(Self.text(1) == "1")
        #expect(Self.text(999_999.7) == "1e+06")
        #expect(Self.text(123_456.4) == "123456")
        #expect(Self.text(0.00012345678) == "0.000123457")
        #expect(Self.text(1.2345678e-7) == "1.23457e-07")
        #expect(Self.text(-2.5) == "-2.5")
        #expect(Self.text(0) == "0")
        #expect(Self.text(.nan) == "")
        #expect(Self.text(9.9999996) == "10")
        // Outwards: a lower limit down, an upper one up.
        var bytes: [UInt8] = []
        FitCSVWriter.appendLimit(0.99999999, .down, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "0.999999")
        bytes = []
        FitCSVWriter.appendLimit(0.5406181, .up, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "0.540619")
        bytes = []
        FitCSVWriter.appendLimit(-0.5406181, .up, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "-0.540618")
    }

    /// Over many magnitudes the text reads back within half a unit of the sixth digit.
    @Test func limitsReadBackWithinTheirPrecision() {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<20_000 {
            let v = exp((RandomVariates.uniform(using: &rng) - 0.5) * 60)
            let back = Double(Self.text(v))!
            #expect(abs(back / v - 1) <= 5.000001e-6, "\(v) → \(Self.text(v))")
        }
    }
}

/// The plain-summary fast path reads exactly what the general reader reads, and steps aside for
/// anything else.
@Suite struct FitPlainSummaryTests {
    static func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    static func same(_ a: FitData, _ b: FitData) -> Bool {
        a.frequency == b.frequency && a.recency == b.recency && a.age == b.age && a.averageSpend == b.averageSpend
            && (0..<a.count).allSatisfy { a.customerID(at: $0) == b.customerID(at: $0) } && a.records == b.records
            && a.kind == b.kind
    }

    @Test func aSimulatedFileReadsTheSameByBothPaths() throws {
        var rng = SeededGenerator(seed: 3)
        let data = FitSimulation().simulate(count: 20_000, using: &rng)
        var bytes: [UInt8] = []
        FitCSVWriter.appendSummaryHeader(data, to: &bytes)
        FitCSVWriter.appendSummary(data, rows: 0..<data.count, to: &bytes)
        let url = try Self.write(String(decoding: bytes, as: UTF8.self))
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = FitInputReader()
        let fast = try #require(reader.readPlainSummary(contentsOf: url))
        let general = try reader.read(bytes)
        #expect(Self.same(fast, general))
        #expect(fast.customerIDs == nil)  // 1, 2, … n: the customers' own numbers
    }

    @Test func otherIDsAndLineEndingsAreKept() throws {
        let text =
            "customer_id,frequency,recency,T,monetary_value\r\nA7,2,3.5,10,12.25\r\n007,0,0,4,0\r\n12,1,1e0,2.5,3\r\n"
        let url = try Self.write(text)
        defer { try? FileManager.default.removeItem(at: url) }
        let fast = try #require(FitInputReader().readPlainSummary(contentsOf: url))
        #expect(fast.customerIDs == ["A7", "007", "12"])
        #expect(Self.same(fast, try FitInputReader().read(Array(text.utf8))))
    }

    /// The newline count that sizes each chunk's share of the arrays, against a byte-by-byte count:
    /// short tails, whole words, nothing but newlines, none at all.
    @Test func newlinesAreCounted() {
        var random = SeededGenerator(seed: 23)
        var cases: [[UInt8]] = [[], [0x0A], Array(repeating: 0x0A, count: 20_000), Array(repeating: 0x31, count: 100)]
        for length in [1, 31, 32, 33, 64, 1000, 8160, 8200, 70_000] {
            cases.append((0..<length).map { _ in random.next() % 3 == 0 ? 0x0A : 0x2C })
        }
        for bytes in cases {
            let count = bytes.withUnsafeBufferPointer { FitInputReader.newlines(in: $0) }
            #expect(count == bytes.filter { $0 == 0x0A }.count)
        }
    }

    /// Small chunks, so that lines (and the header) cross them, a BOM, and ids that turn from numbers
    /// to text in a later chunk: the same data as the general reader's.
    @Test(arguments: [48, 64, 200])
    func linesAcrossChunksReadTheSame(chunkSize: Int) throws {
        var rng = SeededGenerator(seed: 5)
        let data = FitSimulation().simulate(count: 300, using: &rng)
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        FitCSVWriter.appendSummaryHeader(data, to: &bytes)
        FitCSVWriter.appendSummary(data, rows: 0..<data.count, to: &bytes)
        var text = String(decoding: bytes, as: UTF8.self)
        let url = try Self.write(text)
        defer { try? FileManager.default.removeItem(at: url) }
        let fast = try #require(FitInputReader().readPlainSummary(contentsOf: url, chunkSize: chunkSize))
        #expect(Self.same(fast, try FitInputReader().read(bytes)))
        #expect(fast.customerIDs == nil)

        text = text.replacingOccurrences(of: "\n250,", with: "\nC250,") + "X1,0,0,3.5,0"
        let mixed = try Self.write(text)
        defer { try? FileManager.default.removeItem(at: mixed) }
        let read = try #require(FitInputReader().readPlainSummary(contentsOf: mixed, chunkSize: chunkSize))
        #expect(Self.same(read, try FitInputReader().read(Array(text.utf8))))
        #expect(read.customerIDs?[0] == "1")
        #expect(read.customerIDs?[249] == "C250")
        #expect(read.customerIDs?.last == "X1")
        #expect(read.count == 301)
    }

    /// Quotes, semicolons, spaces, empty cells, a decimal x, a bad row: the general reader's.
    @Test(arguments: [
        "frequency,recency,T\n1,\"2\",3\n", "frequency;recency;T\n1;2;3\n", "frequency,recency,T\n1, 2,3\n",
        "frequency,recency,T,spend\n0,0,3,\n", "frequency,recency,T\n2.0,1,3\n", "frequency,recency,T\n1,4,3\n",
        "frequency,recency,T\n0,1,3\n", "frequency,recency,T\n1,2\n", "customer,date\nA,2024-01-01\n",
        "frequency,recency,T\n1,nan,3\n",
    ])
    func anythingElseIsLeftToTheGeneralReader(text: String) throws {
        let url = try Self.write(text)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(FitInputReader().readPlainSummary(contentsOf: url) == nil)
    }
}
