import EarnedDomain
import FluentKit
import Foundation

/// Imports customers, orders or a transaction log from a CSV file: every line checked first,
/// nothing written when any line is bad (unless `partial`), existing records matched by
/// external id (customers also by phone or e-mail), so the same file imported twice changes
/// nothing the second time.
public struct Importer: Sendable {
    public struct Options: Sendable {
        public var kind: ImportKind
        public var overrides: [CSVColumnOverride]
        public var partial: Bool
        public var timeZone: TimeZone
        public var currency: String
        /// Forces the separator (the reader detects it otherwise).
        public var separator: CSVDialect.Separator?

        public init(
            kind: ImportKind, overrides: [CSVColumnOverride] = [], partial: Bool = false, timeZone: TimeZone = .gmt,
            currency: String = "RUB", separator: CSVDialect.Separator? = nil
        ) {
            self.kind = kind
            self.overrides = overrides
            self.partial = partial
            self.timeZone = timeZone
            self.currency = currency
            self.separator = separator
        }
    }

    let db: any Database
    let chunk = 500

    public init(db: any Database) { self.db = db }

    /// Imports from a stream of CSV records. `progress` is called with the number of lines read.
    public func run(
        records: CSVRecordStream, options: Options, actor: Staff, now: Date,
        progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> ImportReport {
        try Policy.require(actor, .importData)
        if options.kind == .contacts {
            return try await importContacts(records: records, options: options, actor: actor, now: now)
        }
        if options.kind == .surveyAnswers {
            return try await importSurveyAnswers(records: records, options: options, actor: actor, now: now)
        }
        var report = ImportReport()
        var parser: ImportRowParser?
        var customers: [ImportRowParser.CustomerRow] = []
        var orders: [ImportRowParser.OrderRow] = []
        var count = 0
        do {
            while let record = try records.next() {
                if parser == nil {
                    let made = try makeParser(first: record, options: options, now: now)
                    parser = made.parser
                    report.encoding = records.encoding.rawValue
                    report.separator = records.dialect?.description ?? ""
                    if made.isHeader { continue }
                }
                guard let parser else { break }
                count += 1
                if count % 50_000 == 0 { progress(count) }
                switch options.kind {
                case .customers:
                    switch parser.customer(record) {
                    case .success(let row): customers.append(row)
                    case .failure(let problems): report.problems += problems.list
                    }
                case .orders, .transactions, .contacts, .surveyAnswers:
                    switch parser.order(record) {
                    case .success(let row): orders.append(row)
                    case .failure(let problems): report.problems += problems.list
                    }
                }
            }
        } catch {
            guard let problem = ImportProblem(file: error) else { throw error }
            report.problems.append(problem)
            report.rolledBack = true
            return report
        }
        progress(count)
        report.rows = count
        if parser == nil {
            report.problems.append(ImportProblem(line: 1, column: nil, .emptyFile))
            report.rolledBack = true
            return report
        }
        switch options.kind {
        case .customers: try await importCustomers(customers, options: options, actor: actor, now: now, report: &report)
        case .orders, .transactions, .contacts, .surveyAnswers:
            try await importOrders(orders, options: options, actor: actor, now: now, report: &report)
        }
        if !report.rolledBack, report.created + report.updated > 10_000 {
            try await QueryPlannerStatistics.refresh(db)
        }
        return report
    }

    func makeParser(first: CSVRecord, options: Options, now: Date) throws -> (parser: ImportRowParser, isHeader: Bool) {
        if options.kind == .transactions {
            let names = (1...max(first.count, 5)).map { "\($0)" }
            let header = CSVHeader(names: names, line: 0)
            var columns = ImportRowParser.transactionColumns.mapValues { $0 - 1 }
            for override in options.overrides {
                if case .column(let n) = override.target { columns[override.field] = n - 1 }
            }
            let mapping = CSVColumnMapping(header: header, columns: columns)
            // A first line whose date column is not a date is a header.
            let dateText = columns["ordered_at"].flatMap { first.field(at: $0) } ?? ""
            let isHeader = (try? LocaleDateParser(timeZone: options.timeZone).date(from: dateText)) == nil
            return (
                ImportRowParser(
                    kind: .transactions, mapping: mapping, timeZone: options.timeZone, currency: options.currency,
                    now: now),
                isHeader
            )
        }
        let header = CSVHeader(first)
        let mapping = try header.mapping(
            aliases: ImportRowParser.aliases(for: options.kind), overrides: options.overrides)
        switch options.kind {
        case .customers:
            if mapping.column(for: "name") == nil { try mapping.require(["name"]) }
        default:
            try mapping.require(["customer_id", "ordered_at", "amount"])
        }
        return (
            ImportRowParser(
                kind: options.kind, mapping: mapping, timeZone: options.timeZone, currency: options.currency, now: now),
            true
        )
    }

    // MARK: References

    struct References {
        var locationsByKey: [String: LocationID] = [:]
        var staffByEmail: [String: StaffID] = [:]
    }

    func references() async throws -> References {
        var refs = References()
        for location in try await LocationRecord.query(on: db).all() {
            refs.locationsByKey[ContactNormalizer.searchFold(location.name)] = LocationID(location.id!)
            refs.locationsByKey[location.id!.uuidString.lowercased()] = LocationID(location.id!)
        }
        for staff in try await StaffRecord.query(on: db).all() { refs.staffByEmail[staff.email] = StaffID(staff.id!) }
        return refs
    }

    func resolveLocation(
        _ text: String?, line: Int, refs: References, actor: Staff, report: inout ImportReport
    ) -> LocationID? {
        guard let text else { return actor.homeLocationID }
        guard let id = refs.locationsByKey[ContactNormalizer.searchFold(text)] ?? refs.locationsByKey[text.lowercased()]
        else {
            report.problems.append(ImportProblem(line: line, column: "location", .noLocation(text)))
            return nil
        }
        if !actor.canSee(location: id) {
            report.problems.append(
                ImportProblem(line: line, column: "location", .notYourLocation(text)))
            return nil
        }
        return id
    }

    // MARK: Customers

    func importCustomers(
        _ rows: [ImportRowParser.CustomerRow], options: Options, actor: Staff, now: Date, report: inout ImportReport
    ) async throws {
        let refs = try await references()
        let repo = CustomerRepository(db: db)
        // Existing customers matched by external id, then phone, then e-mail.
        var byExternal: [String: UUID] = [:]
        let externals = Array(Set(rows.compactMap(\.draft.externalID)))
        for start in stride(from: 0, to: externals.count, by: chunk) {
            let keys = Array(externals[start..<min(start + chunk, externals.count)])
            for record in try await CustomerRecord.query(on: db).filter(\.$externalID ~~ keys).all() {
                byExternal[record.externalID!] = record.mergedIntoID ?? record.id!
            }
        }
        var byContact: [String: UUID] = [:]
        let contacts = Array(
            Set(
                rows.flatMap {
                    ($0.draft.phones ?? []).compactMap(ContactNormalizer.phone)
                        + ($0.draft.emails ?? []).compactMap(ContactNormalizer.email)
                }))
        for start in stride(from: 0, to: contacts.count, by: chunk) {
            let keys = Array(contacts[start..<min(start + chunk, contacts.count)])
            for record in try await CustomerContactRecord.query(on: db).filter(\.$value ~~ keys).all() {
                byContact[record.value] = record.customerID
            }
        }
        var existingIDs = Set<UUID>()
        var matches: [Int: UUID] = [:]
        var seenInFile: [String: Int] = [:]
        for (index, row) in rows.enumerated() {
            let keys =
                [row.draft.externalID.map { "x:" + $0 }]
                + (row.draft.phones ?? []).compactMap(ContactNormalizer.phone).map { Optional("c:" + $0) }
                + (row.draft.emails ?? []).compactMap(ContactNormalizer.email).map { Optional("c:" + $0) }
            for key in keys.compactMap({ $0 }) {
                if let previous = seenInFile[key] {
                    report.problems.append(
                        ImportProblem(line: row.line, column: nil, .sameAs(.customer, line: rows[previous].line)))
                    break
                }
                seenInFile[key] = index
            }
            let match =
                row.draft.externalID.flatMap { byExternal[$0] }
                ?? (row.draft.phones ?? []).compactMap(ContactNormalizer.phone).compactMap { byContact[$0] }.first
                ?? (row.draft.emails ?? []).compactMap(ContactNormalizer.email).compactMap { byContact[$0] }.first
            if let match {
                matches[index] = match
                existingIDs.insert(match)
            }
        }
        var existing: [UUID: Customer] = [:]
        let ids = Array(existingIDs)
        for start in stride(from: 0, to: ids.count, by: chunk) {
            let batch = Array(ids[start..<min(start + chunk, ids.count)])
            for customer in try await repo.load(CustomerRecord.query(on: db).filter(\.$id ~~ batch).all()) {
                existing[customer.id.rawValue] = customer
            }
        }
        var inserts: [Customer] = []
        var updates: [Customer] = []
        var badLines = Set(report.problems.map(\.line))
        for (index, row) in rows.enumerated() where !badLines.contains(row.line) {
            var draft = row.draft
            let problemsBefore = report.problems.count
            if row.location != nil || matches[index] == nil {
                draft.homeLocationID = resolveLocation(
                    row.location, line: row.line, refs: refs, actor: actor, report: &report)
            }
            if let email = row.ownerEmail {
                if let owner = refs.staffByEmail[ContactNormalizer.email(email) ?? email] {
                    draft.ownerID = owner
                } else {
                    report.problems.append(
                        ImportProblem(line: row.line, column: "owner", .noStaff(email: email))
                    )
                }
            }
            guard report.problems.count == problemsBefore else {
                badLines.insert(row.line)
                continue
            }
            if let id = matches[index], let current = existing[id] {
                if current.erasedAt != nil {
                    report.problems.append(
                        ImportProblem(line: row.line, column: nil, .erased))
                    badLines.insert(row.line)
                    continue
                }
                if !actor.canSee(location: current.homeLocationID) {
                    report.problems.append(
                        ImportProblem(line: row.line, column: nil, .otherLocation(.customer)))
                    badLines.insert(row.line)
                    continue
                }
                // The file adds to what is known: contacts and dates are kept, consents recorded
                // only when they change, and a customer keeps the external id it has.
                if current.externalID != nil { draft.externalID = nil }
                draft.phones = Self.union(current.phones, (draft.phones ?? []).compactMap(ContactNormalizer.phone))
                draft.emails = Self.union(current.emails, (draft.emails ?? []).compactMap(ContactNormalizer.email))
                draft.messengers = nil
                if let dates = draft.dates {
                    draft.dates =
                        current.dates.filter { d in !dates.contains { $0.kind == .birthday && d.kind == .birthday } }
                        + dates
                    if draft.dates == current.dates { draft.dates = nil }
                }
                if let consents = draft.consents {
                    draft.consents =
                        current.consents + consents.filter { current.consent(for: $0.channel)?.given != $0.given }
                }
                if let tags = draft.tags { draft.tags = Self.union(current.tags, tags) }
                do {
                    let updated = try draft.validated(id: current.id, now: now, existing: current)
                    Self.count(updated, against: current, updates: &updates, report: &report)
                } catch {
                    report.problems += Self.problems(error, line: row.line)
                    badLines.insert(row.line)
                }
            } else {
                do {
                    inserts.append(try draft.validated(id: CustomerID(), now: now))
                    report.created += 1
                } catch {
                    report.problems += Self.problems(error, line: row.line)
                    badLines.insert(row.line)
                }
            }
        }
        report.problems.sort { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") }
        report.skipped = Set(report.problems.map(\.line)).count
        if !report.problems.isEmpty, !options.partial {
            report.rolledBack = true
            report.created = 0
            report.updated = 0
            report.unchanged = 0
            return
        }
        let summary = "imported from CSV: \(report.created) added, \(report.updated) updated"
        let (toInsert, toUpdate) = (inserts, updates)
        try await db.transaction { db in
            try await BulkWriter(db: db).insertCustomers(toInsert)
            for customer in toUpdate { try await CustomerRepository.replace(customer, on: db) }
            try await AuditLog(db: db).record(
                .imported, "customer", IDGenerator.next(), by: actor, summary: summary, at: now)
        }
    }

    static func problems(_ error: DomainError, line: Int) -> [ImportProblem] {
        guard case .invalid(let errors) = error else {
            return [ImportProblem(line: line, column: nil, .refused(String(describing: error)))]
        }
        return errors.map { ImportProblem(line: line, column: $0.field, .rule($0)) }
    }

    /// Counts a matched record as unchanged, or as updated and to be written; when it changed
    /// is not a change.
    static func count<T: Equatable & Timestamped>(
        _ updated: T, against current: T, updates: inout [T], report: inout ImportReport
    ) {
        var comparable = updated
        comparable.updatedAt = current.updatedAt
        if comparable == current {
            report.unchanged += 1
        } else {
            updates.append(updated)
            report.updated += 1
        }
    }

    static func union(_ a: [String], _ b: [String]) -> [String] {
        a + b.filter { !a.contains($0) }
    }

    // MARK: Orders

    func importOrders(
        _ rows: [ImportRowParser.OrderRow], options: Options, actor: Staff, now: Date, report: inout ImportReport
    ) async throws {
        let refs = try await references()
        // Customers by external id (a merged one leads to its survivor).
        var customerByExternal: [String: (id: UUID, location: UUID?)] = [:]
        let externals = Array(Set(rows.map(\.customerExternalID)))
        let writer = BulkWriter(db: db)
        let keys = try await writer.customerKeys(externals)
        let survivors = try await writer.customerLocations(Array(Set(keys.values.compactMap(\.mergedInto))))
        for (external, key) in keys {
            if let survivor = key.mergedInto {
                customerByExternal[external] = (survivor, survivors[survivor] ?? nil)
            } else if !key.erased {
                customerByExternal[external] = (key.id, key.location)
            }
        }
        // A transaction log names customers only by id: the missing ones are created.
        var newCustomers: [Customer] = []
        if options.kind == .transactions {
            for external in externals where customerByExternal[external] == nil {
                let customer = Customer(
                    name: "Customer \(external)", homeLocationID: actor.homeLocationID, externalID: external,
                    createdAt: now, updatedAt: now)
                newCustomers.append(customer)
                customerByExternal[external] = (customer.id.rawValue, actor.homeLocationID?.rawValue)
            }
        }
        // Transaction lines get a stable external id: customer, date and the line's rank that day.
        var rows = rows
        if options.kind == .transactions {
            var rank: [String: Int] = [:]
            let day = DateFormatter()
            day.dateFormat = "yyyyMMdd"
            day.timeZone = options.timeZone
            for index in rows.indices {
                let key = rows[index].customerExternalID + ":" + day.string(from: rows[index].draft.placedAt ?? now)
                rank[key, default: 0] += 1
                rows[index].draft.externalID = "T:\(key):\(rank[key]!)"
            }
        }
        // Only the orders already there are read in full, to compare.
        let orderKeys = rows.compactMap(\.draft.externalID)
        let known = Array(try await writer.existingExternalIDs(in: "orders", orderKeys))
        let existing = try await writer.orders(externalIDs: known)
        var inserts: [Order] = []
        var updates: [Order] = []
        var seen: [String: Int] = [:]
        for row in rows {
            let before = report.problems.count
            if let key = row.draft.externalID {
                if let line = seen[key] {
                    report.problems.append(
                        ImportProblem(line: row.line, column: "external_id", .sameAs(.order, line: line)))
                }
                seen[key] = row.line
            }
            guard let customer = customerByExternal[row.customerExternalID] else {
                report.problems.append(
                    ImportProblem(
                        line: row.line, column: "customer_id", .noCustomer(externalID: row.customerExternalID)))
                continue
            }
            var draft = row.draft
            draft.customerID = CustomerID(customer.id)
            draft.locationID =
                row.location == nil
                ? (customer.location.map(LocationID.init) ?? actor.homeLocationID)
                : resolveLocation(row.location, line: row.line, refs: refs, actor: actor, report: &report)
            if let location = draft.locationID, !actor.canSee(location: location) {
                report.problems.append(
                    ImportProblem(line: row.line, column: "location", .notYourLocation(nil)))
            }
            if let email = row.sellerEmail {
                if let seller = refs.staffByEmail[ContactNormalizer.email(email) ?? email] {
                    draft.sellerID = seller
                } else {
                    report.problems.append(
                        ImportProblem(line: row.line, column: "seller", .noStaff(email: email)))
                }
            }
            guard report.problems.count == before else { continue }
            if let key = draft.externalID, let current = existing[key] {
                guard actor.canSee(location: current.locationID) else {
                    report.problems.append(
                        ImportProblem(line: row.line, column: "external_id", .otherLocation(.order)))
                    continue
                }
                do {
                    let updated = try draft.validated(
                        id: current.id, now: now, defaultCurrency: options.currency, existing: current)
                    Self.count(updated, against: current, updates: &updates, report: &report)
                } catch {
                    report.problems += Self.problems(error, line: row.line)
                }
            } else {
                do {
                    inserts.append(try draft.validated(id: OrderID(), now: now, defaultCurrency: options.currency))
                    report.created += 1
                } catch {
                    report.problems += Self.problems(error, line: row.line)
                }
            }
        }
        report.problems.sort { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") }
        report.skipped = Set(report.problems.map(\.line)).count
        if !report.problems.isEmpty, !options.partial {
            report.rolledBack = true
            report.created = 0
            report.updated = 0
            report.unchanged = 0
            return
        }
        let usedCustomers = Set(inserts.map(\.customerID.rawValue))
        let customersToCreate = newCustomers.filter { usedCustomers.contains($0.id.rawValue) }
        let summary = "imported from CSV: \(report.created) orders added, \(report.updated) updated"
        // New orders go in the order they were placed, their ids minted in that order: the
        // indexes by time then take their entries in runs instead of all over, which saves a
        // third of the writing at a million rows (BENCHMARKS.md).
        var ordered = inserts.sorted { $0.placedAt < $1.placedAt }
        for index in ordered.indices { ordered[index].id = OrderID() }
        let (toInsert, toUpdate) = (ordered, updates)
        try await db.transaction { db in
            let writer = BulkWriter(db: db)
            try await writer.withLargeCache {
                try await writer.insertCustomers(customersToCreate)
                try await writer.insertOrders(toInsert)
            }
            for order in toUpdate {
                guard let record = try await OrderRecord.find(order.id.rawValue, on: db) else { continue }
                record.apply(order)
                try await record.update(on: db)
            }
            try await AuditLog(db: db).record(
                .imported, "order", IDGenerator.next(), by: actor, summary: summary, at: now)
        }
    }
}

/// A record that knows when it was last changed.
protocol Timestamped {
    var updatedAt: Date { get set }
}

extension Customer: Timestamped {}
extension Order: Timestamped {}
