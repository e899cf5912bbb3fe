import EarnedDomain
import EarnedFormats
import EarnedStore
import FluentKit
import Foundation

/// Imports a shop's file: the store reads, checks and writes it (`Importer`); this decides what
/// a file does not say. A transaction log names its customers only by a number and gives its
/// lines no ids, so its unknown customers are created (named after their number, at the
/// importer's home location) and each line gets a stable id: the customer, the day and the
/// line's rank that day, so the same log imported twice changes nothing.
package enum ShopImport {
    /// Imports `records` as `options` say; the page, the command line and the tests call this.
    package static func run(
        records: CSVRecordStream, options: Importer.Options, actor: Staff, now: Date, on db: any Database,
        progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> ImportReport {
        var options = options
        if options.kind == .transactions {
            let zone = options.timeZone
            options.newCustomer = { external in placeholder(external, actor: actor, now: now) }
            options.lineIDs = { rows in transactionIDs(&rows, timeZone: zone, now: now) }
        }
        let report = try await Importer(db: db).run(
            records: records, options: options, actor: actor, now: now, progress: progress)
        // Dates the file brought that are today, after the day's greetings ran, are greeted now.
        if options.kind == .customers, !options.dryRun, !report.rolledBack, report.created + report.updated > 0 {
            try await GreetingActions.greetTodayAfterImport(now: now, on: db)
        }
        return report
    }

    /// A customer a transaction log names by `external` only.
    static func placeholder(_ external: String, actor: Staff, now: Date) -> Customer {
        Customer(
            name: "Customer \(external)", homeLocationID: actor.homeLocationID, externalID: external, createdAt: now,
            updatedAt: now)
    }

    /// "T:<customer>:<yyyyMMdd>:<rank>": the customer, the local day placed (in `timeZone`;
    /// `now` when the line has no date) and the line's rank among that customer's lines that day.
    static func transactionIDs(_ rows: inout [ImportRowParser.OrderRow], timeZone: TimeZone, now: Date) {
        var rank: [String: Int] = [:]
        let day = DateFormatter()
        day.dateFormat = "yyyyMMdd"
        day.timeZone = timeZone
        for index in rows.indices {
            let key = rows[index].customerExternalID + ":" + day.string(from: rows[index].draft.placedAt ?? now)
            rank[key, default: 0] += 1
            rows[index].draft.externalID = "T:\(key):\(rank[key]!)"
        }
    }
}
