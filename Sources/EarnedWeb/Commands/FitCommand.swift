import EarnedAnalytics
import EarnedDomain
import EarnedFormats
import Foundation
import Vapor

/// `earned fit FILE`: BG/NBD and Gamma-Gamma on a transaction log or a summary CSV, printed as
/// JSON (parameters, standard errors, log-likelihoods, totals with 90 % intervals);
/// `--customers OUT.csv` adds P(alive), expected purchases and lifetime value per customer with
/// their intervals; `--holdout-weeks N` validates BG/NBD and Pareto/NBD on the log's last N weeks
/// (table, tracking, errors, verdict) and fits the better one. `earned fit --simulate N OUT.csv` writes
/// N customers drawn from the published CDNOW parameters (`earned fit OUT.csv --simulate N`), for benchmarks. Works on files only:
/// no database is opened.
struct FitCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The CSV to fit, or with --simulate the summary CSV to write")
        var file: String
        @Option(name: "calibration-end", help: "Last day of the calibration period, YYYY-MM-DD (a log only)")
        var calibrationEnd: String?
        @Option(name: "time-unit", help: "week (default) or day")
        var timeUnit: String?
        @Option(name: "customers", help: "Write per-customer P(alive), expected purchases and CLV here")
        var customers: String?
        @Option(name: "horizon", help: "Periods ahead for expected purchases (default 52 weeks or 364 days)")
        var horizon: Double?
        @Option(name: "months", help: "Lifetime value horizon in months (default 12)")
        var months: Int?
        @Option(name: "discount-rate", help: "Monthly discount rate of the lifetime value (default 0.01)")
        var discountRate: Double?
        @Option(
            name: "holdout-weeks",
            help: "Hold out the log's last N weeks: validate BG/NBD and Pareto/NBD on them and use the better")
        var holdoutWeeks: Int?
        @Option(name: "simulate", help: "Write this many simulated customers to FILE instead of fitting")
        var simulate: Int?
        @Option(name: "seed", help: "Seed of --simulate (default 1)")
        var seed: UInt64?
    }

    var help: String {
        "Fits BG/NBD (or, with --holdout-weeks, the better of BG/NBD and Pareto/NBD) and Gamma-Gamma on a "
            + "transaction log or summary CSV and prints the result as JSON."
    }

    typealias Failure = CommandFailure

    func run(using context: CommandContext, signature: Signature) async throws {
        try await Failure.reported(on: context.console) { try await fit(context, signature) }
    }

    func fit(_ context: CommandContext, _ signature: Signature) async throws {
        let url = URL(fileURLWithPath: signature.file)
        if let count = signature.simulate {
            guard count > 0 else { throw Failure(description: "--simulate needs a positive count") }
            var rng = SeededGenerator(seed: signature.seed ?? 1)
            let data = FitSimulation().simulate(count: count, using: &rng)
            try Self.write(url, count: data.count, header: { FitCSVWriter.appendSummaryHeader(data, to: &$0) }) {
                FitCSVWriter.appendSummary(data, rows: $1, to: &$0)
            }
            context.console.print("Wrote \(count) simulated customers to \(signature.file).")
            return
        }
        var options = FitOptions()
        if let text = signature.calibrationEnd {
            do {
                options.calibrationEnd = try LocaleDateParser(timeZone: .gmt).calendarDay(from: text)
            } catch {
                throw Failure(description: "--calibration-end: '\(text)' is not a date (YYYY-MM-DD)")
            }
        }
        switch signature.timeUnit {
        case nil, "week", "weeks": options.timeUnit = .weeks
        case "day", "days": options.timeUnit = .days
        case let other?: throw Failure(description: "--time-unit is week or day, not '\(other)'")
        }
        options.horizon = signature.horizon ?? options.horizon
        options.months = signature.months ?? options.months
        options.monthlyDiscountRate = signature.discountRate ?? options.monthlyDiscountRate
        options.holdoutWeeks = signature.holdoutWeeks
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw Failure(description: "\(signature.file): no such file, or it cannot be read")
        }
        do {
            let reader = FitInputReader(options: options)
            // A plain summary file is read on every core; anything else (and every mistake, with
            // its line and column) by the general reader.
            let data =
                try reader.readPlainSummary(contentsOf: url) ?? reader.read(try CSVReader().stream(contentsOf: url))
            let analysis = try FitAnalysis(data, options: options)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            context.console.print(String(decoding: try encoder.encode(analysis.report), as: UTF8.self))
            if let path = signature.customers {
                let text = FitCSVWriter.rowText(analysis)
                try Self.write(
                    URL(fileURLWithPath: path), count: data.count,
                    header: { FitCSVWriter.appendCustomerHeader(to: &$0) }
                ) { FitCSVWriter.appendCustomers(analysis, rows: $1, text: text, to: &$0) }
            }
        } catch let error as FitError {
            throw Failure(description: "\(signature.file): \(error.description)")
        } catch let error as CSVError {
            throw Failure(description: "\(signature.file): \(error.description)")
        }
    }

    /// Writes a CSV in chunks of 32,768 rows, formatted on every core at once and written in
    /// order, so a million rows never sit in memory as text and formatting numbers (most of the
    /// time a write takes) runs in parallel. Each round's chunks go to the file from a queue of
    /// their own (POSIX `write`, no copy) while the next round is formatted; one round waits
    /// there at most, so no more text is held than two rounds.
    static func write(
        _ url: URL, count: Int, header: (inout [UInt8]) -> Void,
        rows: @escaping @Sendable (inout [UInt8], Range<Int>) -> Void
    ) throws {
        let file = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw Failure(description: "cannot write \(url.path)") }
        let output = Output(file)
        defer { output.close() }
        var head: [UInt8] = []
        header(&head)
        output.write([head])
        let chunk = 32_768
        let group = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let queue = DispatchQueue(label: "earned.fit.write")
        let waiting = DispatchSemaphore(value: 1)
        var start = 0
        while start < count, output.failure == nil {
            let ranges = (0..<group).compactMap { k -> Range<Int>? in
                let from = start + k * chunk
                return from < count ? from..<min(from + chunk, count) : nil
            }
            let buffers = Chunks(count: ranges.count)
            DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
                var buffer: [UInt8] = []
                rows(&buffer, ranges[k])
                buffers.set(k, buffer)
            }
            waiting.wait()
            let round = buffers.all
            queue.async {
                output.write(round)
                waiting.signal()
            }
            start = ranges.last!.upperBound
        }
        queue.sync {}
        if let failure = output.failure {
            throw Failure(description: "cannot write \(url.path): \(String(cString: strerror(failure)))")
        }
    }

    /// A file written with POSIX `write`, keeping the first error.
    final class Output: @unchecked Sendable {
        private let file: Int32
        private let lock = NSLock()
        private var error: Int32?

        init(_ file: Int32) { self.file = file }

        var failure: Int32? {
            lock.lock()
            defer { lock.unlock() }
            return error
        }

        /// Writes the buffers in order, each whole (retrying short writes and interruptions).
        func write(_ buffers: [[UInt8]]) {
            guard failure == nil else { return }
            for buffer in buffers {
                let failed = buffer.withUnsafeBytes { bytes -> Int32? in
                    var done = 0
                    while done < bytes.count {
                        let n = Foundation.write(file, bytes.baseAddress! + done, bytes.count - done)
                        if n < 0 {
                            if errno == EINTR { continue }
                            return errno
                        }
                        done += n
                    }
                    return nil
                }
                if let failed {
                    lock.lock()
                    error = failed
                    lock.unlock()
                    return
                }
            }
        }

        func close() { _ = Foundation.close(file) }
    }

    /// The formatted chunks of one round, each written by its own worker.
    final class Chunks: @unchecked Sendable {
        private let lock = NSLock()
        private var buffers: [[UInt8]]

        init(count: Int) { buffers = Array(repeating: [], count: count) }

        func set(_ index: Int, _ buffer: [UInt8]) {
            lock.lock()
            buffers[index] = buffer
            lock.unlock()
        }

        var all: [[UInt8]] {
            lock.lock()
            defer { lock.unlock() }
            return buffers
        }
    }
}
