import EarnedDomain
import EarnedFormats
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
        /// Read and check everything, write nothing.
        public var dryRun: Bool = false
        /// The importer's own zone (their home location's, or chosen), used for an order whose
        /// store is unknown; nil when they have none, and `timeZone` is the business default.
        public var importerZone: TimeZone?
        /// 0-based columns the user chose to skip though the reader recognised them.
        public var skippedColumns: Set<Int> = []
        /// What to do with seller names that match nobody, by `PersonNameMatch.key`.
        public var sellers: [String: SellerChoice] = [:]
        /// What to do with store names that match no location, by `ContactNormalizer.searchFold`.
        public var stores: [String: StoreChoice] = [:]
        /// The customer to create for an id an order line names but no customer has; nil: such a
        /// line is a problem. The import service decides (a transaction log's customers).
        public var newCustomer: (@Sendable (_ externalID: String) -> Customer)?
        /// Gives order lines their external ids before they are matched; nil: lines keep the ids
        /// the file gives. The import service decides (a transaction log's lines have none).
        public var lineIDs: (@Sendable (inout [ImportRowParser.OrderRow]) -> Void)?

        /// `timeZone` is the business's default zone: times are read in an order's store's
        /// zone first, then in `importerZone`, then in this one.
        public init(
            kind: ImportKind, overrides: [CSVColumnOverride] = [], partial: Bool = false, timeZone: TimeZone = .gmt,
            currency: String = "RUB", separator: CSVDialect.Separator? = nil, importerZone: TimeZone? = nil
        ) {
            self.kind = kind
            self.overrides = overrides
            self.partial = partial
            self.timeZone = timeZone
            self.currency = currency
            self.separator = separator
            self.importerZone = importerZone
        }

        /// The zone of a time whose store is not known.
        var fallbackZone: TimeZone { importerZone ?? timeZone }
    }

    /// How many rows a preview shows as they would be stored.
    public static let sampleSize = 5

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
                    report.columns = Self.columns(made.parser.mapping, skipped: options.skippedColumns)
                    if made.isHeader {
                        report.problems += ImportProblem.problems(in: record, header: nil)
                        continue
                    }
                }
                guard let parser else { break }
                count += 1
                if count % 1_000 == 0 { progress(count) }
                // Bytes that are not text, a NUL, too many fields, the header again: the line is
                // a problem before any of its values is read.
                let textProblems = ImportProblem.problems(in: record, header: parser.mapping.header)
                if !textProblems.isEmpty {
                    report.problems += textProblems
                    continue
                }
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
            guard let problem = ImportProblem(file: error, header: parser?.mapping.header) else { throw error }
            report.problems.append(problem)
            report.dryRun = options.dryRun
            report.rolledBack = !options.dryRun
            return report
        }
        progress(count)
        report.rows = count
        if parser == nil {
            report.problems.append(ImportProblem(line: 1, column: nil, .emptyFile))
            report.dryRun = options.dryRun
            report.rolledBack = !options.dryRun
            return report
        }
        report.dryRun = options.dryRun
        switch options.kind {
        case .customers: try await importCustomers(customers, options: options, actor: actor, now: now, report: &report)
        case .orders, .transactions, .contacts, .surveyAnswers:
            try await importOrders(orders, options: options, actor: actor, now: now, report: &report)
        }
        if !report.rolledBack, !options.dryRun, report.created + report.updated > 10_000 {
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
            let isHeader = (try? LocaleDateParser(timeZone: options.fallbackZone).date(from: dateText)) == nil
            return (
                ImportRowParser(
                    kind: .transactions, mapping: mapping, timeZone: options.fallbackZone, currency: options.currency,
                    now: now),
                isHeader
            )
        }
        let header = CSVHeader(first)
        let chosen = try header.mapping(
            aliases: ImportRowParser.aliases(for: options.kind), overrides: options.overrides)
        let explicit = Set(options.overrides.map(\.field))
        let mapping = CSVColumnMapping(
            header: header,
            columns: chosen.columns.filter { !options.skippedColumns.contains($0.value) || explicit.contains($0.key) })
        switch options.kind {
        case .customers:
            if mapping.column(for: "name") == nil { try mapping.require(["name"]) }
        default:
            try mapping.require(["customer_id", "ordered_at", "amount"])
        }
        return (
            ImportRowParser(
                kind: options.kind, mapping: mapping, timeZone: options.fallbackZone, currency: options.currency,
                now: now),
            true
        )
    }

    /// Every column of the header with the field it goes to.
    static func columns(_ mapping: CSVColumnMapping, skipped: Set<Int>) -> [ImportColumn] {
        let fieldByColumn = Dictionary(mapping.columns.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        return mapping.header.names.enumerated().map { index, name in
            ImportColumn(
                index: index, header: name.trimmedOrNil ?? "\(index + 1)", field: fieldByColumn[index],
                skipped: fieldByColumn[index] == nil && skipped.contains(index))
        }
    }

    // MARK: Customers

    func importCustomers(
        _ rows: [ImportRowParser.CustomerRow], options: Options, actor: Staff, now: Date, report: inout ImportReport
    ) async throws {
        var refs = try await references()
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
        // A customer without a code is exported under its own id: read back by that id.
        var byOwnID = Set<String>()
        let ownIDs = externals.filter { byExternal[$0] == nil }.compactMap(UUID.init(uuidString:))
        for start in stride(from: 0, to: ownIDs.count, by: chunk) {
            let batch = Array(ownIDs[start..<min(start + chunk, ownIDs.count)])
            for record in try await CustomerRecord.query(on: db).filter(\.$id ~~ batch).filter(\.$externalID == nil)
                .all()
            {
                for key in [record.id!.uuidString, record.id!.uuidString.lowercased()] {
                    byExternal[key] = record.mergedIntoID ?? record.id!
                    byOwnID.insert(key)
                }
            }
        }
        var byContact: [String: UUID] = [:]
        var coded = Set<UUID>()
        let contacts = Array(Set(rows.flatMap { Self.contactKeys($0.draft) }))
        for start in stride(from: 0, to: contacts.count, by: chunk) {
            let keys = Array(contacts[start..<min(start + chunk, contacts.count)])
            for record in try await CustomerContactRecord.query(on: db).filter(\.$value ~~ keys).all()
            where byContact[record.value] == nil {
                byContact[record.value] = record.customerID
            }
        }
        let contactOwners = Array(Set(byContact.values))
        for start in stride(from: 0, to: contactOwners.count, by: chunk) {
            let batch = Array(contactOwners[start..<min(start + chunk, contactOwners.count)])
            for record in try await CustomerRecord.query(on: db).filter(\.$id ~~ batch).filter(\.$externalID != nil)
                .all()
            {
                coded.insert(record.id!)
            }
        }
        var existingIDs = Set<UUID>()
        var matches: [Int: UUID] = [:]
        var seenCodes: [String: Int] = [:]
        var seenUncoded: [String: Int] = [:]
        for (index, row) in rows.enumerated() {
            // The same code twice is the same card twice. Two cards with their own codes that
            // share a phone or an e-mail are two real cards of one person: both are imported and
            // suggested for merging. Two lines without codes that share one cannot be told apart
            // on the next import.
            if let code = row.draft.externalID {
                if let previous = seenCodes[code] {
                    report.problems.append(
                        ImportProblem(line: row.line, column: nil, .sameAs(.customer, line: rows[previous].line)))
                }
                seenCodes[code] = index
            } else {
                for key in Self.contactKeys(row.draft) {
                    if let previous = seenUncoded[key] {
                        report.problems.append(
                            ImportProblem(line: row.line, column: nil, .sameAs(.customer, line: rows[previous].line)))
                        break
                    }
                    seenUncoded[key] = index
                }
            }
            // A card with a code matches that code; failing that, a card without a code that
            // shares a phone or an e-mail (the same person, entered by hand before).
            let byKey = Self.contactKeys(row.draft).compactMap { byContact[$0] }
            let match =
                row.draft.externalID.flatMap { byExternal[$0] }
                ?? (row.draft.externalID == nil ? byKey.first : byKey.first { !coded.contains($0) })
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
            var unresolved = false
            if row.location != nil || matches[index] == nil {
                switch resolveLocation(
                    row.location, line: row.line, column: "location", refs: &refs, options: options, actor: actor,
                    report: &report)
                {
                case .found(let id): draft.homeLocationID = id
                case .absent, .empty: draft.homeLocationID = matches[index] == nil ? actor.homeLocationID : nil
                case .unresolved: unresolved = true
                }
            }
            switch resolveStaff(
                row.ownerEmail, line: row.line, column: "owner", home: draft.homeLocationID, refs: &refs,
                options: options, actor: actor, now: now, report: &report)
            {
            case .found(let id): draft.ownerID = id
            case .unresolved: unresolved = true
            case .absent, .empty: break
            }
            guard report.problems.count == problemsBefore, !unresolved else {
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
                if current.externalID != nil || draft.externalID.map(byOwnID.contains) == true {
                    draft.externalID = nil
                }
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
                    if report.sample.count < Self.sampleSize {
                        report.sample.append(Self.sample(updated, line: row.line, refs: refs))
                    }
                } catch {
                    report.problems += Self.problems(error, line: row.line)
                    badLines.insert(row.line)
                }
            } else {
                do {
                    let customer = try draft.validated(id: CustomerID(), now: now)
                    inserts.append(customer)
                    report.created += 1
                    if report.sample.count < Self.sampleSize {
                        report.sample.append(Self.sample(customer, line: row.line, refs: refs))
                    }
                } catch {
                    report.problems += Self.problems(error, line: row.line)
                    badLines.insert(row.line)
                }
            }
        }
        // New cards that share a phone or an e-mail with another card, in the file or stored:
        // they are imported, and proposed for merging.
        var owners: [String: Int] = [:]
        for customer in inserts + updates {
            for key in Set(customer.phones + customer.emails) { owners[key, default: 0] += 1 }
        }
        report.duplicateSuggestions =
            inserts.filter { customer in
                (customer.phones + customer.emails).contains { key in
                    owners[key, default: 0] > 1 || byContact[key].map { !existingIDs.contains($0) } == true
                }
            }.count
        guard finish(&report, refs: refs, options: options) else { return }
        let summary = "imported from CSV: \(report.created) added, \(report.updated) updated"
        let (toInsert, toUpdate, made) = (inserts, updates, refs)
        try await db.transaction { db in
            try await Self.createStaff(made, actor: actor, now: now, on: db)
            try await BulkWriter(db: db).insertCustomers(toInsert)
            for customer in toUpdate { try await CustomerRepository.replace(customer, on: db) }
            try await AuditLog(db: db).record(
                .imported, "customer", IDGenerator.next(), by: actor, summary: summary, at: now)
        }
        report.staffCreated = refs.created.count
    }

    /// The normalised phones and e-mails of a card, the keys a person is found by.
    static func contactKeys(_ draft: CustomerDraft) -> [String] {
        (draft.phones ?? []).compactMap(ContactNormalizer.phone)
            + (draft.emails ?? []).compactMap(ContactNormalizer.email)
    }

    /// Sorts the problems, lists the unmatched names, and says whether to write: false for a
    /// preview, and for a file with problems or open choices (unless partial, which writes
    /// the good lines; unmatched names still stop it, as their lines would be lost).
    func finish(_ report: inout ImportReport, refs: References, options: Options) -> Bool {
        report.problems.sort { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") }
        report.unmatchedSellers = Self.listed(refs.unmatchedSellers)
        report.unmatchedStores = Self.listed(refs.unmatchedStores)
        report.skipped = Set(report.problems.map(\.line)).count
        let blocked =
            (!report.problems.isEmpty && !options.partial) || !report.unmatchedSellers.isEmpty
            || !report.unmatchedStores.isEmpty
        if blocked {
            report.rolledBack = !options.dryRun
        }
        if blocked && !options.dryRun {
            report.created = 0
            report.updated = 0
            report.unchanged = 0
        }
        if options.dryRun { report.staffCreated = refs.created.count }
        return !blocked && !options.dryRun
    }

    /// A customer as the preview shows it.
    static func sample(_ c: Customer, line: Int, refs: References) -> ImportSampleRow {
        var values: [(String, String)] = [("external_id", c.externalID ?? ""), ("name", c.name)]
        if !c.phones.isEmpty { values.append(("phone", c.phones.joined(separator: ", "))) }
        if !c.emails.isEmpty { values.append(("email", c.emails.joined(separator: ", "))) }
        if let birthday = c.birthday { values.append(("birthday", birthday.description)) }
        if let city = c.city { values.append(("city", city)) }
        if let address = c.address { values.append(("address", address)) }
        if let home = c.homeLocationID, let location = refs.locations[home] {
            values.append(("location", location.name))
        }
        if let owner = c.ownerID { values.append(("owner", staffName(owner, refs))) }
        return ImportSampleRow(line: line, values: values)
    }

    static func staffName(_ id: StaffID, _ refs: References) -> String {
        refs.staff.first { $0.id == id }?.name ?? refs.created.values.first { $0.id == id }?.name ?? ""
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
        // A customer without a code is exported under its own id: read back by that id.
        let ownIDs = externals.filter { customerByExternal[$0] == nil }.compactMap(UUID.init(uuidString:))
        for start in stride(from: 0, to: ownIDs.count, by: chunk) {
            let batch = Array(ownIDs[start..<min(start + chunk, ownIDs.count)])
            for record in try await CustomerRecord.query(on: db).filter(\.$id ~~ batch).filter(\.$externalID == nil)
                .filter(\.$mergedIntoID == nil).filter(\.$erasedAt == nil).all()
            {
                customerByExternal[record.id!.uuidString] = (record.id!, record.homeLocationID)
                customerByExternal[record.id!.uuidString.lowercased()] = (record.id!, record.homeLocationID)
            }
        }
        // Customers the file names but the database lacks, when the caller creates them.
        var newCustomers: [Customer] = []
        if let newCustomer = options.newCustomer {
            for external in externals where customerByExternal[external] == nil {
                let customer = newCustomer(external)
                newCustomers.append(customer)
                customerByExternal[external] = (customer.id.rawValue, customer.homeLocationID?.rawValue)
            }
        }
        var rows = rows
        options.lineIDs?(&rows)
        // Only the orders already there are read in full, to compare.
        let orderKeys = rows.compactMap(\.draft.externalID)
        let known = Array(try await writer.existingExternalIDs(in: "orders", orderKeys))
        var existing = try await writer.orders(externalIDs: known)
        // An order without a code is exported under its own id: read back by that id.
        var byOwnID = Set<String>()
        let ownOrderIDs = orderKeys.filter { existing[$0] == nil }.compactMap(UUID.init(uuidString:))
        for start in stride(from: 0, to: ownOrderIDs.count, by: chunk) {
            let batch = Array(ownOrderIDs[start..<min(start + chunk, ownOrderIDs.count)])
            for record in try await OrderRecord.query(on: db).filter(\.$id ~~ batch).filter(\.$externalID == nil).all()
            {
                for key in [record.id!.uuidString, record.id!.uuidString.lowercased()] {
                    existing[key] = record.domain
                    byOwnID.insert(key)
                }
            }
        }
        var refs = try await references()
        var inserts: [Order] = []
        var updates: [Order] = []
        var seen: [String: Int] = [:]
        var zoneUse: [ZoneUse.Source: [String: Int]] = [:]
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
            var unresolved = false
            draft.customerID = CustomerID(customer.id)
            let customerHome = customer.location.map(LocationID.init) ?? actor.homeLocationID
            switch resolveLocation(
                row.location, line: row.line, column: "location", refs: &refs, options: options, actor: actor,
                report: &report)
            {
            case .found(let id): draft.locationID = id
            case .absent, .empty: draft.locationID = customerHome
            case .unresolved: unresolved = true
            }
            if let location = draft.locationID, !actor.canSee(location: location) {
                report.problems.append(
                    ImportProblem(line: row.line, column: "location", .notYourLocation(nil)))
            }
            switch resolveStaff(
                row.seller, line: row.line, column: "seller", home: draft.locationID, refs: &refs, options: options,
                actor: actor, now: now, report: &report)
            {
            case .found(let id): draft.sellerID = id
            case .unresolved: unresolved = true
            case .absent, .empty: break
            }
            guard report.problems.count == before, !unresolved else { continue }
            // Times without an offset are read in the store's zone, then the importer's, then
            // the business's.
            let (zone, source) = zone(of: draft.locationID, refs: refs, options: options)
            zoneUse[source, default: [:]][zone.identifier, default: 0] += 1
            if zone != options.fallbackZone {
                let dates = refs.parser(for: zone)
                if let text = row.times["ordered_at"] {
                    draft.placedAt = (try? dates.date(from: text)) ?? draft.placedAt
                }
                if let text = row.times["promised_at"] {
                    draft.promisedAt = (try? dates.date(from: text)) ?? draft.promisedAt
                }
                if let text = row.times["delivered_at"] {
                    draft.deliveredAt = (try? dates.date(from: text)) ?? draft.deliveredAt
                }
            }
            if let key = draft.externalID, let current = existing[key] {
                if byOwnID.contains(key) { draft.externalID = nil }
                guard actor.canSee(location: current.locationID) else {
                    report.problems.append(
                        ImportProblem(line: row.line, column: "external_id", .otherLocation(.order)))
                    continue
                }
                do {
                    let updated = try draft.validated(
                        id: current.id, now: now, defaultCurrency: options.currency, existing: current)
                    Self.count(updated, against: current, updates: &updates, report: &report)
                    if report.sample.count < Self.sampleSize {
                        report.sample.append(
                            Self.sample(
                                updated, line: row.line, customer: row.customerExternalID, zone: zone, refs: refs))
                    }
                } catch {
                    report.problems += Self.problems(error, line: row.line)
                }
            } else {
                do {
                    let order = try draft.validated(id: OrderID(), now: now, defaultCurrency: options.currency)
                    inserts.append(order)
                    report.created += 1
                    if report.sample.count < Self.sampleSize {
                        report.sample.append(
                            Self.sample(order, line: row.line, customer: row.customerExternalID, zone: zone, refs: refs)
                        )
                    }
                } catch {
                    report.problems += Self.problems(error, line: row.line)
                }
            }
        }
        report.zones = ZoneUse.Source.allCases.flatMap { source in
            (zoneUse[source] ?? [:]).sorted { $0.key < $1.key }.map {
                ZoneUse(source: source, zone: $0.key, lines: $0.value)
            }
        }
        guard finish(&report, refs: refs, options: options) else { return }
        let usedCustomers = Set(inserts.map(\.customerID.rawValue))
        let customersToCreate = newCustomers.filter { usedCustomers.contains($0.id.rawValue) }
        let summary = "imported from CSV: \(report.created) orders added, \(report.updated) updated"
        // New orders go in the order they were placed, their ids minted in that order: the
        // indexes by time then take their entries in runs instead of all over, which saves a
        // third of the writing at a million rows (BENCHMARKS.md).
        var ordered = inserts.sorted { $0.placedAt < $1.placedAt }
        for index in ordered.indices { ordered[index].id = OrderID() }
        let (toInsert, toUpdate, made) = (ordered, updates, refs)
        try await db.transaction { db in
            try await Self.createStaff(made, actor: actor, now: now, on: db)
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
        report.staffCreated = refs.created.count
    }

    /// An order as the preview shows it: times with the offset of the zone they were read in.
    static func sample(_ o: Order, line: Int, customer: String, zone: TimeZone, refs: References) -> ImportSampleRow {
        let format = Date.ISO8601FormatStyle(timeZone: zone)
        var values: [(String, String)] = [
            ("external_id", o.externalID ?? ""), ("customer_id", customer),
            ("ordered_at", o.placedAt.formatted(format)),
            ("amount", o.amount.plainDecimal + " " + o.amount.currency),
        ]
        if o.discountMinorUnits != 0 {
            values.append(
                ("discount", Money(minorUnits: o.discountMinorUnits, currency: o.amount.currency).plainDecimal))
        }
        if let location = o.locationID.flatMap({ refs.locations[$0] }) { values.append(("location", location.name)) }
        if let seller = o.sellerID { values.append(("seller", staffName(seller, refs))) }
        if let promised = o.promisedAt { values.append(("promised_at", promised.formatted(format))) }
        if let delivered = o.deliveredAt { values.append(("delivered_at", delivered.formatted(format))) }
        return ImportSampleRow(line: line, values: values)
    }
}

/// A record that knows when it was last changed.
protocol Timestamped {
    var updatedAt: Date { get set }
}

extension Customer: Timestamped {}
extension Order: Timestamped {}
