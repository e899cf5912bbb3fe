import EarnedDomain
import FluentKit
import Foundation

/// What a customers list asks for.
public struct CustomerQuery: Sendable {
    public var search: String?
    public var locationID: LocationID?
    public var ownerID: StaffID?
    public var tag: String?
    public var cursor: String?
    public var limit: Int

    public init(
        search: String? = nil, locationID: LocationID? = nil, ownerID: StaffID? = nil, tag: String? = nil,
        cursor: String? = nil, limit: Int = 50
    ) {
        self.search = search
        self.locationID = locationID
        self.ownerID = ownerID
        self.tag = tag
        self.cursor = cursor
        self.limit = limit
    }
}

/// Customers: list, read, create, change, merge, erase, notes. Every call checks that the
/// actor may see the customer's location.
public struct CustomerRepository: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    // MARK: Reading

    public func list(_ query: CustomerQuery, actor: Staff) async throws -> ResultPage<Customer> {
        let q = CustomerRecord.query(on: db).filter(\.$mergedIntoID == nil).filter(\.$erasedAt == nil)
        if let visible = actor.visibleLocationIDs {
            q.filter(\.$homeLocationID ~~ visible.map(\.rawValue))
        }
        if let location = query.locationID { q.filter(\.$homeLocationID == location.rawValue) }
        if let owner = query.ownerID { q.filter(\.$ownerID == owner.rawValue) }
        if let tag = query.tag?.trimmingCharacters(in: .whitespaces), !tag.isEmpty {
            q.filter(\.$tagsJSON, .contains(inverse: false, .anywhere), JSONCoding.string(tag))
        }
        let indexed = db.sqlite != nil
        for term in Self.searchTerms(query.search) {
            q.filter(CustomerSearchQueries.filter(term, sqliteIndex: indexed))
        }
        if let raw = query.cursor {
            guard let cursor = Cursor(encoded: raw) else {
                throw DomainError.invalid([FieldError(field: "cursor", code: .invalidFormat)])
            }
            q.group(.or) { group in
                group.filter(\.$sortKey > cursor.key)
                group.group(.and) { $0.filter(\.$sortKey == cursor.key).filter(\.$id > cursor.id) }
            }
        }
        let limit = max(1, min(query.limit, 500))
        let records = try await q.sort(\.$sortKey).sort(\.$id).limit(limit + 1).all()
        let page = Array(records.prefix(limit))
        let customers = try await load(page)
        let next = records.count > limit ? page.last.map { Cursor(key: $0.sortKey, id: $0.id!).encoded } : nil
        return ResultPage(items: customers, nextCursor: next)
    }

    /// Search words: folded, each must appear somewhere in name, phone digits or e-mail. A
    /// phone written with spaces or dashes is searched by its digits.
    static func searchTerms(_ search: String?) -> [String] {
        guard let search else { return [] }
        let folded = ContactNormalizer.searchFold(search)
        let digits = folded.filter(\.isNumber)
        let letters = folded.filter { !$0.isNumber && !" +-()".contains($0) }
        if !digits.isEmpty, letters.isEmpty {
            return [digits.hasPrefix("8") && digits.count == 11 ? "7" + digits.dropFirst() : digits]
        }
        return folded.split(separator: " ").map(String.init).prefix(5).map { $0 }
    }

    /// The number of customers `actor` may see.
    public func count(actor: Staff) async throws -> Int {
        let q = CustomerRecord.query(on: db).filter(\.$mergedIntoID == nil).filter(\.$erasedAt == nil)
        if let visible = actor.visibleLocationIDs { q.filter(\.$homeLocationID ~~ visible.map(\.rawValue)) }
        return try await q.count()
    }

    func load(_ records: [CustomerRecord]) async throws -> [Customer] {
        let ids = records.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let contacts = Dictionary(
            grouping: try await CustomerContactRecord.query(on: db).filter(\.$customerID ~~ ids).sort(\.$position)
                .all(),
            by: \.customerID)
        let dates = Dictionary(
            grouping: try await CustomerDateRecord.query(on: db).filter(\.$customerID ~~ ids).all(), by: \.customerID)
        let consents = Dictionary(
            grouping: try await CustomerConsentRecord.query(on: db).filter(\.$customerID ~~ ids).sort(\.$at).all(),
            by: \.customerID)
        return records.map { record in
            record.domain(
                contacts: contacts[record.id!]?.compactMap(\.domain) ?? [],
                dates: dates[record.id!]?.map(\.domain).sorted { $0.date < $1.date } ?? [],
                consents: consents[record.id!]?.compactMap(\.domain) ?? [])
        }
    }

    /// The customer, following a merge to the surviving record; `notFound` when the actor may
    /// not see it (so its existence is not revealed).
    /// Customers by id, for the scheduler (no actor: it works for the whole business).
    public func byIDs(_ ids: [CustomerID]) async throws -> [CustomerID: Customer] {
        var found: [CustomerID: Customer] = [:]
        let unique = Array(Set(ids))
        for start in stride(from: 0, to: unique.count, by: 500) {
            let batch = unique[start..<min(start + 500, unique.count)].map(\.rawValue)
            for customer in try await load(CustomerRecord.query(on: db).filter(\.$id ~~ batch).all()) {
                found[customer.id] = customer
            }
        }
        return found
    }

    public func get(_ id: CustomerID, actor: Staff) async throws -> Customer {
        guard var record = try await CustomerRecord.find(id.rawValue, on: db) else {
            throw DomainError.notFound("customer")
        }
        if let survivor = record.mergedIntoID, let next = try await CustomerRecord.find(survivor, on: db) {
            record = next
        }
        let home = record.homeLocationID.map(LocationID.init)
        let serves = actor.canSee(location: home) ? true : try await serves(record.id!, actor: actor)
        guard Policy.maySee(actor, customerHomedAt: home, servesThem: serves) else {
            throw DomainError.notFound("customer")
        }
        return try await load([record])[0]
    }

    /// The customer an id in a request names, or nil when there is none the actor may see (the
    /// caller reports the field: `unknownReference`).
    func found(_ id: CustomerID, actor: Staff) async throws -> Customer? {
        do {
            return try await get(id, actor: actor)
        } catch DomainError.notFound {
            return nil
        }
    }

    /// Whether `actor` may see any record about the customer (`Policy.maySee(_:recordAt:belongingTo:)`):
    /// an order, promise, case, contact or task at one of their locations or of their own.
    func serves(_ customer: UUID, actor: Staff) async throws -> Bool {
        let visible: [UUID?] = (actor.visibleLocationIDs ?? []).map(\.rawValue)
        let me = actor.id.rawValue
        if try await OrderRecord.query(on: db).filter(\.$customerID == customer)
            .group(.or, { $0.filter(\.$locationID ~~ visible).filter(\.$sellerID == me) }).first() != nil
        {
            return true
        }
        if try await PromiseRecord.query(on: db).filter(\.$customerID == customer)
            .group(.or, { $0.filter(\.$locationID ~~ visible).filter(\.$ownerID == me) }).first() != nil
        {
            return true
        }
        if try await ServiceCaseRecord.query(on: db).filter(\.$customerID == customer)
            .group(.or, { $0.filter(\.$locationID ~~ visible).filter(\.$ownerID == me) }).first() != nil
        {
            return true
        }
        if try await InboundContactRecord.query(on: db).filter(\.$customerID == customer)
            .group(.or, { $0.filter(\.$locationID ~~ visible.compactMap { $0 }).filter(\.$ownerID == me) }).first()
            != nil
        {
            return true
        }
        return try await ServiceTaskRecord.query(on: db).filter(\.$customerID == customer)
            .group(.or, { $0.filter(\.$locationID ~~ visible).filter(\.$assigneeID == me) }).first() != nil
    }

    /// Customers by id without an access check, for naming the customers of records the caller
    /// already checked (an order list).
    public func lookup(_ ids: [CustomerID]) async throws -> [Customer] {
        guard !ids.isEmpty else { return [] }
        return try await CustomerRecord.query(on: db).filter(\.$id ~~ ids.map(\.rawValue)).all().map {
            $0.domain(contacts: [], dates: [], consents: [])
        }
    }

    // MARK: Writing

    public func create(_ draft: CustomerDraft, actor: Staff, now: Date, id: CustomerID = CustomerID()) async throws
        -> Customer
    {
        var draft = draft
        if draft.homeLocationID == nil { draft.homeLocationID = actor.homeLocationID }
        let customer = try draft.validated(id: id, now: now)
        try await checkReferences(customer, actor: actor)
        try await db.transaction { db in
            try await Self.insert(customer, on: db)
            try await AuditLog(db: db).record(
                .created, "customer", customer.id.rawValue, by: actor, summary: "customer created", at: now)
        }
        return customer
    }

    /// A customer made from a mail from an address no customer has, when the owner chose so:
    /// the name and address the mail gave, no consent (writing to the shop is not one), and the
    /// location whose mailbox it reached. Recorded in the audit log as the system's.
    public func createFromMail(name: String?, email: String, location: LocationID, now: Date) async throws
        -> Customer
    {
        let local = String(email.split(separator: "@").first ?? Substring(email))
        let trimmed = name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let draft = CustomerDraft(
            name: String((trimmed.isEmpty ? local : trimmed).prefix(200)), emails: [email], homeLocationID: location)
        let customer = try draft.validated(id: CustomerID(), now: now)
        try await db.transaction { db in
            try await Self.insert(customer, on: db)
            try await AuditLog(db: db).record(
                .created, "customer", customer.id.rawValue, by: nil, summary: "customer created from an e-mail",
                at: now)
        }
        return customer
    }

    public func update(_ id: CustomerID, _ draft: CustomerDraft, actor: Staff, now: Date) async throws -> Customer {
        let existing = try await get(id, actor: actor)
        guard existing.erasedAt == nil else { throw DomainError.conflict("this customer's data was erased") }
        let customer = try draft.validated(id: existing.id, now: now, existing: existing)
        try await checkReferences(customer, actor: actor, existing: existing)
        try await db.transaction { db in
            try await Self.replace(customer, on: db)
            try await AuditLog(db: db).record(
                .updated, "customer", customer.id.rawValue, by: actor,
                summary: "changed: " + Self.changedFields(existing, customer).joined(separator: ", "), at: now)
        }
        return customer
    }

    /// Names of the fields that differ, never their values (the log must hold no personal data).
    static func changedFields(_ a: Customer, _ b: Customer) -> [String] {
        var fields: [String] = []
        if a.name != b.name { fields.append("name") }
        if a.kind != b.kind { fields.append("kind") }
        if a.contacts != b.contacts { fields.append("contacts") }
        if a.dates != b.dates { fields.append("dates") }
        if a.consents != b.consents { fields.append("consents") }
        if a.ownerID != b.ownerID { fields.append("owner") }
        if a.homeLocationID != b.homeLocationID { fields.append("home location") }
        if a.language != b.language { fields.append("language") }
        if a.preferredChannel != b.preferredChannel { fields.append("preferred channel") }
        if a.tags != b.tags { fields.append("tags") }
        if a.externalID != b.externalID { fields.append("external id") }
        if a.city != b.city { fields.append("city") }
        if a.address != b.address { fields.append("address") }
        return fields.isEmpty ? ["nothing"] : fields
    }

    /// Merges `absorbedID` into `survivorID`: every order, note, contact, date and consent of
    /// both ends up on the survivor; the absorbed record stays as a pointer to it.
    public func merge(survivor survivorID: CustomerID, absorbed absorbedID: CustomerID, actor: Staff, now: Date)
        async throws -> Customer
    {
        try Policy.require(actor, .mergeCustomers)
        let survivor = try await get(survivorID, actor: actor)
        guard let absorbed = try await found(absorbedID, actor: actor) else {
            throw DomainError.invalid([FieldError(field: "duplicate_id", code: .unknownReference)])
        }
        let merged = try CustomerMerge.merge(survivor: survivor, absorbed: absorbed, now: now)
        try await db.transaction { db in
            try await Self.moveHistory(from: absorbed.id, to: survivor.id, on: db)
            try await Self.deleteDetails(of: absorbed.id.rawValue, on: db)
            guard let tombstone = try await CustomerRecord.find(absorbed.id.rawValue, on: db) else {
                throw DomainError.notFound("customer")
            }
            // The absorbed record keeps only its external id, so a re-import still finds the survivor.
            let externalID = absorbed.externalID == merged.externalID ? nil : absorbed.externalID
            tombstone.apply(CustomerMerge.erased(absorbed, now: now))
            tombstone.erasedAt = nil
            tombstone.externalID = externalID
            tombstone.mergedIntoID = survivor.id.rawValue
            if externalID == nil { tombstone.externalID = nil }
            try await tombstone.update(on: db)
            try await Self.replace(merged, on: db)
            try await AuditLog(db: db).record(
                .merged, "customer", survivor.id.rawValue, by: actor,
                summary: "merged customer \(absorbed.id) into this one", at: now)
        }
        return merged
    }

    /// Erases the customer's personal data everywhere; orders stay, anonymous.
    public func erase(_ id: CustomerID, actor: Staff, now: Date) async throws {
        try Policy.require(actor, .eraseCustomers)
        let customer = try await get(id, actor: actor)
        let erased = CustomerMerge.erased(customer, now: now)
        try await db.transaction { db in
            try await Self.deleteDetails(of: customer.id.rawValue, on: db)
            try await CustomerNoteRecord.query(on: db).filter(\.$customerID == customer.id.rawValue).delete()
            try await Self.replace(erased, on: db)
            // Records merged into this one keep nothing that could identify the person.
            try await CustomerRecord.query(on: db).set(\.$externalID, to: nil)
                .filter(\.$mergedIntoID == customer.id.rawValue).update()
            try await IdempotencyRecord.query(on: db).filter(\.$resourceID == customer.id.rawValue).delete()
            // Records merged into this one lent it their history; messages sent about them
            // under their own ids go too.
            let merged = try await CustomerRecord.query(on: db).filter(\.$mergedIntoID == customer.id.rawValue)
                .all(\.$id)
            try await ServiceErasure.erase(customer.id, alsoKnownAs: merged.map(CustomerID.init), on: db)
            try await AuditLog(db: db).record(
                .erased, "customer", customer.id.rawValue, by: actor, summary: "personal data erased on request",
                at: now)
        }
    }

    // MARK: Notes

    public func notes(of id: CustomerID, actor: Staff) async throws -> [CustomerNote] {
        let customer = try await get(id, actor: actor)
        return try await CustomerNoteRecord.query(on: db).filter(\.$customerID == customer.id.rawValue)
            .sort(\.$createdAt, .descending).all().map(\.domain)
    }

    public func addNote(to id: CustomerID, text: String, actor: Staff, now: Date) async throws -> CustomerNote {
        let customer = try await get(id, actor: actor)
        var v = Validator()
        let text = v.text("text", text, required: true, max: CustomerNote.textLimit)
        try v.check()
        let note = CustomerNote(customerID: customer.id, authorID: actor.id, text: text ?? "", createdAt: now)
        try await CustomerNoteRecord(note).create(on: db)
        return note
    }

    // MARK: Storage helpers

    static func insert(_ customer: Customer, on db: any Database) async throws {
        try await CustomerRecord(customer).create(on: db)
        try await insertDetails(customer, on: db)
    }

    static func replace(_ customer: Customer, on db: any Database) async throws {
        guard let record = try await CustomerRecord.find(customer.id.rawValue, on: db) else {
            throw DomainError.notFound("customer")
        }
        record.apply(customer)
        try await record.update(on: db)
        try await deleteDetails(of: customer.id.rawValue, on: db)
        try await insertDetails(customer, on: db)
    }

    static func insertDetails(_ customer: Customer, on db: any Database) async throws {
        let id = customer.id.rawValue
        let contacts = customer.contacts.enumerated().map {
            CustomerContactRecord(customerID: id, contact: $0.element, position: $0.offset)
        }
        if !contacts.isEmpty { try await contacts.create(on: db) }
        let dates = customer.dates.map { CustomerDateRecord(customerID: id, date: $0) }
        if !dates.isEmpty { try await dates.create(on: db) }
        let consents = customer.consents.map { CustomerConsentRecord(customerID: id, consent: $0) }
        if !consents.isEmpty { try await consents.create(on: db) }
    }

    static func deleteDetails(of id: UUID, on db: any Database) async throws {
        try await CustomerContactRecord.query(on: db).filter(\.$customerID == id).delete()
        try await CustomerDateRecord.query(on: db).filter(\.$customerID == id).delete()
        try await CustomerConsentRecord.query(on: db).filter(\.$customerID == id).delete()
    }

    func checkReferences(_ customer: Customer, actor: Staff, existing: Customer? = nil) async throws {
        var v = Validator()
        if let location = customer.homeLocationID {
            if try await LocationRecord.find(location.rawValue, on: db) == nil {
                v.add("home_location_id", .unknownReference)
            } else if !actor.canSee(location: location) {
                v.add("home_location_id", .outOfRange, detail: "not one of your locations")
            }
        } else if !Policy.may(actor, .workBusinessWide) {
            v.add("home_location_id", .required)
        }
        if let owner = customer.ownerID, owner != existing?.ownerID,
            try await StaffRecord.find(owner.rawValue, on: db) == nil
        {
            v.add("owner_id", .unknownReference)
        }
        if let externalID = customer.externalID, externalID != existing?.externalID,
            let other = try await CustomerRecord.query(on: db).filter(\.$externalID == externalID).first(),
            other.id != customer.id.rawValue
        {
            v.add("external_id", .duplicate, detail: "another customer")
        }
        try v.check()
    }
}

extension CustomerRepository {
    /// Every customer record, merged and erased ones included.
    public func countAll() async throws -> Int { try await CustomerRecord.query(on: db).count() }

    /// External ids by customer, for exports that name customers the way the source system does.
    public func externalIDs() async throws -> [CustomerID: String] {
        var result: [CustomerID: String] = [:]
        for record in try await CustomerRecord.query(on: db).filter(\.$externalID != nil).field(\.$id).field(
            \.$externalID
        ).all() {
            result[CustomerID(record.id!)] = record.externalID
        }
        return result
    }
}

extension CustomerRepository {
    /// Customers named by id or external id, as typed into a list; a merged one leads to its
    /// survivor. Returns the ones found, in the list's order, and the references not found.
    public func resolve(references: [String]) async throws -> (found: [CustomerID], unknown: [String]) {
        var found: [CustomerID] = []
        var unknown: [String] = []
        for reference in references {
            let text = reference.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            let q = CustomerRecord.query(on: db).filter(\.$erasedAt == nil)
            if let id = UUID(uuidString: text) {
                q.filter(\.$id == id)
            } else {
                q.filter(\.$externalID == text)
            }
            if let record = try await q.first(), let id = record.mergedIntoID ?? record.id {
                found.append(CustomerID(id))
            } else {
                unknown.append(text)
            }
        }
        return (found, unknown)
    }
}
