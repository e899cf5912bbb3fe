import EarnedDomain
import EarnedFormats
import FluentKit
import Foundation

extension Importer {
    /// Imports past survey answers: every line checked first (scores in range, dates, the
    /// customer's external id, the location's name, the person's e-mail), all-or-nothing unless
    /// `partial`. Each answer keeps the person, location, shift (from the time and the
    /// location's shifts) and channel the file names. An answer whose id is already imported is
    /// counted unchanged, so the same file twice adds nothing.
    func importSurveyAnswers(records: CSVRecordStream, options: Options, actor: Staff, now: Date) async throws
        -> ImportReport
    {
        var report = ImportReport()
        guard
            let (parser, rows) = readHeaded(
                records, options: options, report: &report, aliases: SurveyImportParser.aliases,
                required: SurveyImportParser.requiredFields,
                make: { SurveyImportParser(mapping: $0, timeZone: options.timeZone, now: now) },
                parse: { $0.answer($1) })
        else { return report }
        let firstProblem = report.problems.count
        let refs = try await references()
        let keys = try await customerKeysWithOwnIDs(Array(Set(rows.compactMap(\.customerExternalID))))
        let locations = Dictionary(
            try await LocationRepository(db: db).all().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var existing = Set<String>()
        let ids = rows.map(\.externalID)
        for start in stride(from: 0, to: ids.count, by: 500) {
            let batch = Array(ids[start..<min(start + 500, ids.count)])
            for record in try await SurveyAnswerRecord.query(on: db).filter(\.$externalID ~~ batch).all() {
                if let id = record.externalID { existing.insert(id) }
            }
        }
        // An answer without an id of its own system is exported under Earned's id: read back by it.
        let ownIDs = Array(Set(ids.filter { !existing.contains($0) }.compactMap(UUID.init(uuidString:))))
        for start in stride(from: 0, to: ownIDs.count, by: 500) {
            let batch = Array(ownIDs[start..<min(start + 500, ownIDs.count)])
            for record in try await SurveyAnswerRecord.query(on: db).filter(\.$id ~~ batch)
                .filter(\.$externalID == nil).all()
            {
                existing.formUnion([record.id!.uuidString, record.id!.uuidString.lowercased()])
            }
        }
        var records: [SurveyAnswerRecord] = []
        var seen: [String: Int] = [:]
        var unchanged = 0
        for row in rows {
            let before = report.problems.count
            if let line = seen[row.externalID] {
                report.problems.append(
                    ImportProblem(line: row.line, column: "external_id", .sameAs(.answer, line: line)))
            }
            seen[row.externalID] = row.line
            var customer: CustomerID?
            var home: LocationID?
            if let external = row.customerExternalID {
                if let key = keys[external], !key.erased {
                    customer = CustomerID(key.mergedInto ?? key.id)
                    home = key.location.map(LocationID.init)
                } else {
                    report.problems.append(
                        ImportProblem(line: row.line, column: "customer_id", .noCustomer(externalID: external))
                    )
                }
            }
            let location =
                row.location == nil && home != nil && actor.canSee(location: home)
                ? home
                : location(row.location, line: row.line, refs: refs, actor: actor, report: &report)
            var staff: StaffID?
            if let email = row.staffEmail {
                staff = refs.staffByEmail[email]
                if staff == nil {
                    report.problems.append(
                        ImportProblem(line: row.line, column: "staff", .noStaff(email: email))
                    )
                }
            }
            guard report.problems.count == before else { continue }
            if existing.contains(row.externalID) {
                unchanged += 1
                continue
            }
            let inbound = row.channel.flatMap(Self.inboundChannel)
            let attribution = SurveyAttribution(
                staffID: staff, role: inbound == nil ? .relationshipOwner : .contactOwner, locationID: location,
                shiftName: SurveyAttribution.shiftName(
                    at: row.answeredAt, location: location.flatMap { locations[$0] }),
                channel: inbound.map { .contact($0) }, servedAt: row.answeredAt)
            let record = SurveyAnswerRecord(
                id: IDGenerator.next(), values: row.values, answeredAt: row.answeredAt,
                language: Self.language(of: row.values.comment), attribution: attribution, source: .imported, now: now)
            record.externalID = row.externalID
            record.customerID = customer?.rawValue
            if let customer {
                record.subjectKind = ServiceTask.Subject.Kind.customer.rawValue
                record.subjectID = customer.rawValue
            }
            records.append(record)
        }
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
        if options.dryRun {
            report.created = records.count
            return report
        }
        let toWrite = records
        try await db.transaction { db in
            for start in stride(from: 0, to: toWrite.count, by: 500) {
                try await Array(toWrite[start..<min(start + 500, toWrite.count)]).create(on: db)
            }
            try await AuditLog(db: db).record(
                .created, "survey_import", IDGenerator.next(), by: actor, summary: "\(toWrite.count) answers", at: now)
        }
        report.created = records.count
        report.unchanged = unchanged
        report.skipped = report.rows - records.count - unchanged
        return report
    }

    /// An imported answer's language: English when its comment is written in Latin letters
    /// only, Russian otherwise.
    static func language(of comment: String?) -> String {
        guard let comment, comment.contains(where: \.isLetter) else { return "ru" }
        return comment.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } ? "ru" : "en"
    }

    /// The inbound channel a file's channel names, when it is one a contact comes in by.
    static func inboundChannel(_ channel: ContactChannel) -> InboundContact.Channel? {
        switch channel {
        case .phone: .call
        case .email: .email
        case .chat: .chat
        case .messenger, .sms, .social: .messenger
        case .visit: .visit
        case .post: nil
        }
    }
}
