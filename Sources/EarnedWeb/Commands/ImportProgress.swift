import EarnedDomain
import EarnedFormats
import Foundation
import Vapor

/// A long import's progress: on a terminal one line rewritten in place (rows, percentage, rows
/// per second); otherwise a plain line at each tenth of the file, so logs stay readable.
final class ImportProgress: @unchecked Sendable {
    let total: Int
    let terminal: Bool
    let console: any Console
    let started = Date()
    private let lock = NSLock()
    private var bytes = 0
    private var lastTenth = 0
    private var lastDraw = Date.distantPast

    init(total: Int, terminal: Bool, console: any Console) {
        self.total = total
        self.terminal = terminal
        self.console = console
    }

    func read(_ count: Int) {
        lock.withLock { bytes += count }
    }

    /// The line for `rows` rows read so far.
    func line(rows: Int) -> String {
        let seconds = max(Date().timeIntervalSince(started), 0.001)
        let read = lock.withLock { bytes }
        let percent = total > 0 ? min(100, read * 100 / total) : 100
        return "\(rows) rows · \(percent) % · \(Int(Double(rows) / seconds)) rows/s"
    }

    func update(rows: Int) {
        let read = lock.withLock { bytes }
        if terminal {
            guard Date().timeIntervalSince(lastDraw) > 0.2 else { return }
            lastDraw = Date()
            console.output("\r" + line(rows: rows) + "   ", style: .plain, newLine: false)
        } else {
            let tenth = total > 0 ? read * 10 / total : 0
            guard tenth > lastTenth else { return }
            lastTenth = tenth
            console.output(line(rows: rows).consoleText())
        }
    }

    func finish(rows: Int) {
        if terminal {
            console.output("\r" + line(rows: rows) + "   ", style: .plain, newLine: true)
        } else if lastTenth < 10 {
            console.output(line(rows: rows).consoleText())
        }
    }
}

/// What `earned import` says when it is done (or, with --dry-run, what it would do).
struct ImportCommandReport {
    var report: ImportReport
    var console: any Console

    func print() {
        let r = report
        console.info("\(r.encoding), \(r.separator)")
        if !r.columns.isEmpty {
            console.output("Columns:")
            for column in r.columns {
                let target =
                    column.field ?? (column.skipped ? "skipped" : "not recognised — not imported (map it with --map)")
                console.output("  \(column.index + 1). \(column.header) → \(target)".consoleText())
            }
        }
        if r.dryRun && !r.sample.isEmpty {
            console.output("As stored:")
            for row in r.sample {
                let values = row.values.map { "\($0.field)=\($0.value)" }.joined(separator: "; ")
                console.output("  line \(row.line): \(values)".consoleText())
            }
        }
        for use in r.zones {
            let source =
                switch use.source {
                case .store: "their store's zone"
                case .importer: "your zone (no store)"
                case .business: "the business's default zone (no store, no home location)"
                }
            console.output("Times of \(use.lines) lines read in \(source): \(use.zone)".consoleText())
        }
        for name in r.unmatchedSellers {
            console.warning(
                "Seller '\(name.name)' (\(name.lines) lines, first line \(name.firstLine)) is no staff member: add --seller '\(name.name)=e-mail', '\(name.name)=create' or '\(name.name)=none'"
            )
        }
        for name in r.unmatchedStores {
            console.warning(
                "Store '\(name.name)' (\(name.lines) lines, first line \(name.firstLine)) is no location: add --store '\(name.name)=Location name' or '\(name.name)=none'"
            )
        }
        for problem in r.problems.prefix(200) { console.error(problem.description) }
        if r.problems.count > 200 { console.error("… and \(r.problems.count - 200) more problems") }
        if r.staffCreated > 0 {
            console.info(
                "\(r.staffCreated) staff \(r.staffCreated == 1 ? "member" : "members") \(r.dryRun ? "would be" : "") created without sign-in"
            )
        }
        if r.rolledBack {
            let lines = Set(r.problems.map(\.line)).count
            let names = r.unmatchedSellers.count + r.unmatchedStores.count
            console.error(
                "Nothing was imported: \(lines) \(lines == 1 ? "line has" : "lines have") problems"
                    + (names > 0 ? ", \(names) \(names == 1 ? "name needs" : "names need") a choice." : "."))
            return
        }
        let counts = "\(r.created) added, \(r.updated) updated, \(r.unchanged) unchanged, \(r.skipped) skipped"
        console.info(
            r.dryRun ? "Dry run, nothing written: \(r.rows) lines would give \(counts)." : "\(r.rows) lines: \(counts)."
        )
    }
}
