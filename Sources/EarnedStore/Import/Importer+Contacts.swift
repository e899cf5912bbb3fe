import EarnedDomain
import EarnedFormats
import FluentKit
import Foundation

extension Importer {
    /// Imports inbound contacts: every line checked first (channel, times, lengths, the
    /// customer's external id, the location's name), all-or-nothing unless `partial`; a contact
    /// whose external id is already logged is counted unchanged, so the same file twice adds
    /// nothing.
    func importContacts(records: CSVRecordStream, options: Options, actor: Staff, now: Date) async throws
        -> ImportReport
    {
        var report = ImportReport()
        guard
            let (parser, rows) = readHeaded(
                records, options: options, report: &report, aliases: ContactImportParser.aliases,
                required: ContactImportParser.requiredFields,
                make: { ContactImportParser(mapping: $0, timeZone: options.timeZone, now: now) },
                parse: { $0.contact($1) })
        else { return report }
        let firstProblem = report.problems.count
        let refs = try await references()
        let keys = try await customerKeysWithOwnIDs(Array(Set(rows.compactMap(\.customerExternalID))))
        var drafts: [InboundContactDraft] = []
        var seen: [String: Int] = [:]
        for row in rows {
            let before = report.problems.count
            var draft = row.draft
            if let key = draft.externalID {
                if let line = seen[key] {
                    report.problems.append(
                        ImportProblem(line: row.line, column: "external_id", .sameAs(.contact, line: line))
                    )
                }
                seen[key] = row.line
            }
            var home: LocationID?
            if let external = row.customerExternalID {
                if let key = keys[external], !key.erased {
                    draft.customerID = CustomerID(key.mergedInto ?? key.id)
                    home = key.location.map(LocationID.init)
                } else {
                    report.problems.append(
                        ImportProblem(line: row.line, column: "customer_id", .noCustomer(externalID: external))
                    )
                }
            }
            if row.location == nil, let home, actor.canSee(location: home) {
                draft.locationID = home
            } else {
                draft.locationID = location(row.location, line: row.line, refs: refs, actor: actor, report: &report)
            }
            if draft.locationID == nil, row.location == nil {
                report.problems.append(
                    ImportProblem(line: row.line, column: "location", .noHomeLocation))
            }
            if report.problems.count == before { drafts.append(draft) }
        }
        // References are reported under the file's own column names.
        for index in firstProblem..<report.problems.count {
            if let column = report.problems[index].column {
                report.problems[index].column = parser.columnName(column)
            }
        }
        report.dryRun = options.dryRun
        if !report.problems.isEmpty, !options.partial {
            report.rolledBack = !options.dryRun
            return report
        }
        report.skipped = rows.count - drafts.count + (report.rows - rows.count)
        if options.dryRun {
            report.created = drafts.count
            return report
        }
        let result = try await ContactRepository(db: db).importContacts(drafts, actor: actor, now: now)
        report.created = result.created
        report.unchanged = result.unchanged
        return report
    }
}

extension Importer {
    /// Reads a file whose first line names its columns: the header mapped by `aliases` with
    /// the required fields checked, then each line parsed; a line's problems go in the report.
    /// Nil (with the problem in the report, rolled back) for an unreadable or empty file or a
    /// header without a required column.
    func readHeaded<Parser, Row>(
        _ records: CSVRecordStream, options: Options, report: inout ImportReport, aliases: CSVFieldAliases,
        required: [String], make: (CSVColumnMapping) -> Parser,
        parse: (Parser, CSVRecord) -> Result<Row, ImportProblems>
    ) -> (parser: Parser, rows: [Row])? {
        var parser: Parser?
        var header: CSVHeader?
        var rows: [Row] = []
        do {
            while let record = try records.next() {
                guard let parser else {
                    let mapping = try CSVHeader(record).mapping(aliases: aliases, overrides: options.overrides)
                    try mapping.require(required)
                    parser = make(mapping)
                    header = mapping.header
                    report.columns = Self.columns(mapping, skipped: [])
                    report.encoding = records.encoding.rawValue
                    report.separator = records.dialect?.description ?? ""
                    report.problems += ImportProblem.problems(in: record, header: nil)
                    continue
                }
                report.rows += 1
                let textProblems = ImportProblem.problems(in: record, header: header)
                if !textProblems.isEmpty {
                    report.problems += textProblems
                    continue
                }
                switch parse(parser, record) {
                case .success(let row): rows.append(row)
                case .failure(let problems): report.problems += problems.list
                }
            }
        } catch {
            report.problems.append(
                ImportProblem(file: error, header: header)
                    ?? ImportProblem(line: 0, column: nil, .refused(String(describing: error))))
            report.rolledBack = true
            return nil
        }
        guard let parser else {
            report.problems.append(ImportProblem(line: 1, column: nil, .emptyFile))
            report.rolledBack = true
            return nil
        }
        return (parser, rows)
    }
}
