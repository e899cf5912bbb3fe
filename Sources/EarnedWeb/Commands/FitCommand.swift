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

    /// Writes a CSV in chunks of 16,384 rows, formatted on every core at once and written in
    /// order, so a million rows never sit in memory as text and formatting numbers (most of the
    /// time a write takes) runs in parallel. Whoever finishes the next chunk in order writes it
    /// (POSIX `write`, no copy) and any finished after it, then goes on formatting; a chunk starts
    /// only within `2 × cores + 2` of the next to write, so that is all the text ever held, in
    /// buffers used again and again (fresh ones would cost a page fault every 4 KiB).
    static func write(
        _ url: URL, count: Int, header: (inout [UInt8]) -> Void,
        rows: @escaping @Sendable (inout [UInt8], Range<Int>) -> Void
    ) throws {
        // An existing file of its own is replaced, not truncated in place: ext4 writes a truncated
        // file's new text to disk as it is closed, in the writer's time, and truncating a file
        // whose pages are still being written out waits for them (together 0.07–0.1 s for 144 MB
        // here, measured). A symbolic link or a file with other hard links is truncated as before,
        // so what it points to gets the text.
        var existing = stat()
        if lstat(url.path, &existing) == 0, existing.st_mode & S_IFMT == S_IFREG, existing.st_nlink == 1 {
            _ = unlink(url.path)
        }
        let file = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw Failure(description: "cannot write \(url.path)") }
        let output = Output(file)
        defer { output.close() }
        var head: [UInt8] = []
        header(&head)
        head.withUnsafeBytes { output.write($0) }
        let chunk = 16_384
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let line = InOrder(output, window: 2 * cores + 2)
        DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { k in
            var buffer = line.buffer(for: k)
            buffer.removeAll(keepingCapacity: true)
            // After a failed write the rest is only handed on, so that no one waits for it.
            if output.failure == nil { rows(&buffer, k * chunk..<min((k + 1) * chunk, count)) }
            line.finished(k, buffer)
        }
        if let failure = output.failure {
            throw Failure(description: "cannot write \(url.path): \(String(cString: strerror(failure)))")
        }
    }

    /// The chunks of one file, written in order by whichever worker finishes the next one.
    final class InOrder: @unchecked Sendable {
        private let output: Output
        private let window: Int
        private let condition = NSCondition()
        /// Finished chunks waiting for those before them.
        private var waiting: [Int: [UInt8]] = [:]
        /// Buffers of written chunks, for the next ones.
        private var spare: [[UInt8]] = []
        /// The next chunk to write.
        private var next = 0
        private var writing = false

        init(_ output: Output, window: Int) {
            self.output = output
            self.window = window
        }

        /// A buffer for chunk `k`, once it is within the window of the next to write. The next
        /// never waits, so neither does anyone for ever.
        func buffer(for k: Int) -> [UInt8] {
            condition.lock()
            defer { condition.unlock() }
            while k >= next + window { condition.wait() }
            return spare.popLast() ?? []
        }

        /// Hands over chunk `k`; writes it and those finished after it when it is the next.
        func finished(_ k: Int, _ text: [UInt8]) {
            condition.lock()
            waiting[k] = text
            guard !writing else {
                condition.unlock()
                return
            }
            writing = true
            while let text = waiting.removeValue(forKey: next) {
                condition.unlock()
                text.withUnsafeBytes { output.write($0) }
                condition.lock()
                next += 1
                spare.append(text)
                condition.broadcast()
            }
            writing = false
            condition.unlock()
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

        /// Writes the bytes whole (retrying short writes and interruptions), unless a write failed.
        func write(_ bytes: UnsafeRawBufferPointer) {
            guard failure == nil else { return }
            var done = 0
            while done < bytes.count {
                let n = Foundation.write(file, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    lock.lock()
                    error = errno
                    lock.unlock()
                    return
                }
                done += n
            }
        }

        func close() { _ = Foundation.close(file) }
    }
}
