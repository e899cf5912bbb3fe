import EarnedDomain
import FluentKit
import Foundation

/// Two live customer cards `DuplicateRule` proposes as one person, with its reasons and each
/// card's number of orders.
public struct DuplicatePair: Sendable {
    public var first: Customer
    public var second: Customer
    public var reasons: [DuplicateRule.Reason]
    public var firstOrders: Int
    public var secondOrders: Int

    public init(
        first: Customer, second: Customer, reasons: [DuplicateRule.Reason], firstOrders: Int, secondOrders: Int
    ) {
        self.first = first
        self.second = second
        self.reasons = reasons
        self.firstOrders = firstOrders
        self.secondOrders = secondOrders
    }
}

/// "Not the same person": a pair of cards nobody should be offered to merge again.
public struct DuplicateDismissal: Sendable, Hashable {
    public var firstID: CustomerID
    public var secondID: CustomerID
    public var dismissedByID: StaffID?
    public var dismissedAt: Date

    public init(firstID: CustomerID, secondID: CustomerID, dismissedByID: StaffID?, dismissedAt: Date) {
        self.firstID = firstID
        self.secondID = secondID
        self.dismissedByID = dismissedByID
        self.dismissedAt = dismissedAt
    }

    /// The pair in the order it is stored and found in: the smaller id first.
    public static func ordered(_ a: CustomerID, _ b: CustomerID) -> (CustomerID, CustomerID) {
        a.rawValue.uuidString < b.rawValue.uuidString ? (a, b) : (b, a)
    }
}

extension CustomerRepository {
    /// Suggested duplicates among the customers `actor` may see, a page at a time, in a fixed
    /// order, with how many there are in all. The same people as may merge
    /// (`Policy.Action.mergeCustomers`) may ask. The pairs are found once for both the page and
    /// the count (finding them reads every contact and name key; the pairs themselves are few).
    public func duplicates(actor: Staff, cursor: String? = nil, limit: Int = 20) async throws
        -> ResultPage<DuplicatePair>
    {
        try Policy.require(actor, .mergeCustomers)
        var after: (String, String)?
        if let cursor {
            guard let decoded = Cursor(encoded: cursor), let first = UUID(uuidString: decoded.key) else {
                throw DomainError.invalid([FieldError(field: "cursor", code: .invalidFormat)])
            }
            after = (first.uuidString, decoded.id.uuidString)
        }
        let limit = max(1, min(limit, 500))
        let found = try await DuplicateQueries.pairs(
            Self.duplicateScope(actor), after: nil, limit: Self.duplicatesReadAtMost + 1, on: db)
        // In the order both databases give: the ids' upper-case text (SQLite) or bytes (PostgreSQL).
        let rest = found.drop { pair in
            guard let after else { return false }
            return (pair.0.uuidString, pair.1.uuidString) <= after
        }
        let page = Array(rest.prefix(limit))
        let next = rest.count > limit ? page.last.map { Cursor(key: $0.0.uuidString, id: $0.1).encoded } : nil
        return ResultPage(
            items: try await duplicatePairs(page, actor: actor), nextCursor: next,
            total: min(found.count, Self.duplicatesReadAtMost),
            totalIsLowerBound: found.count > Self.duplicatesReadAtMost)
    }

    /// The most suggested pairs one read finds; past it the count says "more than".
    static let duplicatesReadAtMost = 50_000

    /// The suggested duplicates of one customer (at most `limit`), for their page.
    public func duplicates(of id: CustomerID, actor: Staff, limit: Int = 10) async throws -> [DuplicatePair] {
        try Policy.require(actor, .mergeCustomers)
        var scope = Self.duplicateScope(actor)
        scope.customer = id.rawValue
        let found = try await DuplicateQueries.pairs(scope, after: nil, limit: limit, on: db)
        return try await duplicatePairs(found, actor: actor)
    }

    /// How many pairs `duplicates(actor:)` would list in all, for an import's report of the
    /// second cards it brought in (the duplicates page counts the pairs it reads).
    public func duplicateCount(actor: Staff) async throws -> Int {
        guard Policy.may(actor, .mergeCustomers) else { return 0 }
        return try await DuplicateQueries.count(Self.duplicateScope(actor), on: db)
    }

    /// Records that two customers are not the same person, so the pair is not proposed again.
    /// Both must be customers `actor` may see; saying it twice keeps the first record.
    public func dismissDuplicate(_ a: CustomerID, _ b: CustomerID, actor: Staff, now: Date) async throws
        -> DuplicateDismissal
    {
        try Policy.require(actor, .mergeCustomers)
        var v = Validator()
        let first = try await found(a, actor: actor)
        let second = try await found(b, actor: actor)
        if first == nil { v.add("first_id", .unknownReference) }
        if second == nil { v.add("second_id", .unknownReference) }
        if let first, let second, first.id == second.id {
            v.add("second_id", .inconsistent, detail: "the same customer as first_id")
        }
        try v.check()
        guard let first, let second else { throw DomainError.notFound("customer") }
        let (one, two) = DuplicateDismissal.ordered(first.id, second.id)
        if let existing = try await DuplicateDismissalRecord.query(on: db).filter(\.$firstID == one.rawValue)
            .filter(\.$secondID == two.rawValue).first()
        {
            return DuplicateDismissal(
                firstID: one, secondID: two, dismissedByID: existing.dismissedByID.map(StaffID.init),
                dismissedAt: existing.dismissedAt)
        }
        try await db.transaction { db in
            try await DuplicateDismissalRecord(
                first: one.rawValue, second: two.rawValue, by: actor.id.rawValue, at: now
            )
            .create(on: db)
            try await AuditLog(db: db).record(
                .updated, "customer", one.rawValue, by: actor,
                summary: "not the same person as customer \(two): not proposed for merging again", at: now)
        }
        return DuplicateDismissal(firstID: one, secondID: two, dismissedByID: actor.id, dismissedAt: now)
    }

    static func duplicateScope(_ actor: Staff) -> DuplicateQueries.Scope {
        DuplicateQueries.Scope(visible: actor.visibleLocationIDs.map { $0.map(\.rawValue) }, customer: nil)
    }

    /// The cards of found pairs, each checked against `Policy` and `DuplicateRule` once more.
    func duplicatePairs(_ found: [(UUID, UUID)], actor: Staff) async throws -> [DuplicatePair] {
        let ids = Set(found.flatMap { [$0.0, $0.1] })
        let customers = try await byIDs(ids.map(CustomerID.init))
        let orders = try await DuplicateQueries.orderCounts(Array(ids), on: db)
        return found.compactMap { a, b in
            guard let first = customers[CustomerID(a)], let second = customers[CustomerID(b)],
                Policy.maySee(actor, customerHomedAt: first.homeLocationID, servesThem: false),
                Policy.maySee(actor, customerHomedAt: second.homeLocationID, servesThem: false)
            else { return nil }
            let reasons = DuplicateRule.reasons(first, second)
            guard !reasons.isEmpty else { return nil }
            return DuplicatePair(
                first: first, second: second, reasons: reasons, firstOrders: orders[a] ?? 0,
                secondOrders: orders[b] ?? 0
            )
        }
    }
}
