import EarnedDomain
import FluentKit
import Foundation

/// One customer's stored scores: the figures lists and pages filter and sort on, and the rest
/// (the evidence, the reason, the next action) as a JSON document the analytics layer writes.
public struct CustomerScoreRow: Sendable, Hashable {
    public var customerID: CustomerID
    public var segment: String
    public var atRisk: Bool
    public var purchases: Int
    public var probabilityAlive: Double?
    public var expectedPurchases: Double?
    public var lifetimeValueMinor: Int64?
    public var currency: String?
    public var discountShare: Double?
    public var document: String
    /// The 90 % limits of P(alive), expected purchases and lifetime value (minor units).
    public var aliveLimits: ClosedRange<Double>?
    public var purchasesLimits: ClosedRange<Double>?
    public var valueLimitsMinor: ClosedRange<Int64>?

    public init(
        customerID: CustomerID, segment: String, atRisk: Bool, purchases: Int, probabilityAlive: Double?,
        expectedPurchases: Double?, lifetimeValueMinor: Int64?, currency: String?, discountShare: Double?,
        document: String, aliveLimits: ClosedRange<Double>? = nil, purchasesLimits: ClosedRange<Double>? = nil,
        valueLimitsMinor: ClosedRange<Int64>? = nil
    ) {
        self.customerID = customerID
        self.segment = segment
        self.atRisk = atRisk
        self.purchases = purchases
        self.probabilityAlive = probabilityAlive
        self.expectedPurchases = expectedPurchases
        self.lifetimeValueMinor = lifetimeValueMinor
        self.currency = currency
        self.discountShare = discountShare
        self.document = document
        self.aliveLimits = aliveLimits
        self.purchasesLimits = purchasesLimits
        self.valueLimitsMinor = valueLimitsMinor
    }
}

/// Where `earned score` keeps what it computed, and the lease that lets one instance compute
/// at a time.
public struct ScoreStore: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    // MARK: Lease

    /// Takes or renews the lease `key` for `holder` until `now + duration`; false when another
    /// holder has it and it has not expired. One statement, so two instances asking at once
    /// cannot both win (`INSERT … ON CONFLICT DO UPDATE … WHERE`, on both databases).
    public func acquire(_ key: String, holder: String, now: Date, duration: TimeInterval) async throws -> Bool {
        try await ScoreQueries.acquire(key, holder: holder, now: now, duration: duration, on: db)
    }

    /// Gives the lease back, if `holder` still has it.
    public func release(_ key: String, holder: String) async throws {
        try await ScoreQueries.release(key, holder: holder, on: db)
    }

    // MARK: Snapshots

    /// A value as the JSON document a customer's score row keeps.
    public static func document<Value: Encodable>(_ value: Value) throws -> String {
        try DocumentCoding.string(value)
    }

    /// A value from a document `document(_:)` wrote.
    public static func decode<Value: Decodable>(_ type: Value.Type, document: String) throws -> Value {
        try DocumentCoding.decode(type, document)
    }

    /// Stores `value` under `key`, replacing what was there.
    public func save<Value: Encodable>(_ value: Value, as key: String, at now: Date) async throws {
        let document = try DocumentCoding.string(value)
        try await ScoreQueries.saveSnapshot(document, as: key, at: now, on: db)
    }

    /// The value stored under `key` and when it was computed; nil when there is none.
    public func snapshot<Value: Decodable>(_ type: Value.Type, key: String) async throws -> (Value, Date)? {
        try await snapshots(type, keys: [key])[key]
    }

    /// The values stored under `keys` (those that exist), by key, with when each was computed.
    public func snapshots<Value: Decodable>(_ type: Value.Type, keys: [String]) async throws -> [String: (Value, Date)]
    {
        guard !keys.isEmpty else { return [:] }
        return try await ScoreQueries.snapshots(type, keys: keys, on: db)
    }

    /// When each of the snapshots under `keys` that exist was computed.
    public func snapshotTimes(keys: [String]) async throws -> [String: Date] {
        guard !keys.isEmpty else { return [:] }
        return try await ScoreQueries.snapshotTimes(keys: keys, on: db)
    }

    /// The keys of stored snapshots that start with `prefix`.
    public func snapshotKeys(prefix: String) async throws -> [String] {
        try await ScoreQueries.snapshotKeys(prefix: prefix, on: db)
    }

    // MARK: Customer scores

    /// Replaces every customer's scores with `rows`, in one transaction: readers see the old
    /// set or the new one, never a mix.
    public func replaceCustomerScores(_ rows: [CustomerScoreRow], at now: Date) async throws {
        try await db.transaction { db in
            try await ScoreQueries.deleteCustomerScores(on: db)
            let columns = [
                "id", "customer_id", "segment", "at_risk", "purchases", "p_alive", "expected_purchases", "clv_minor",
                "currency", "discount_share", "document", "computed_at", "p_alive_lower", "p_alive_upper",
                "expected_purchases_lower", "expected_purchases_upper", "clv_lower_minor", "clv_upper_minor",
            ]
            func real(_ x: Double?) -> BulkValue { x.map(BulkValue.real) ?? .null }
            try await BulkWriter(db: db).insert(
                "customer_scores", columns: columns,
                rows: rows.map { r in
                    [
                        .uuid(IDGenerator.next()), .uuid(r.customerID.rawValue), .text(r.segment), .bool(r.atRisk),
                        .integer(r.purchases), real(r.probabilityAlive), real(r.expectedPurchases),
                        r.lifetimeValueMinor.map(BulkValue.integer) ?? .null, .text(r.currency), real(r.discountShare),
                        .text(r.document), .date(now), real(r.aliveLimits?.lowerBound), real(r.aliveLimits?.upperBound),
                        real(r.purchasesLimits?.lowerBound), real(r.purchasesLimits?.upperBound),
                        r.valueLimitsMinor.map { BulkValue.integer($0.lowerBound) } ?? .null,
                        r.valueLimitsMinor.map { BulkValue.integer($0.upperBound) } ?? .null,
                    ]
                })
        }
    }

    /// One customer's stored scores, if they were scored.
    public func customerScore(_ id: CustomerID) async throws -> CustomerScoreRow? {
        try await ScoreQueries.customerScore(id, on: db)
    }

    // MARK: What changed

    /// A mark of the data the scores are computed from: counts and latest changes of orders,
    /// promises, contacts, cases, survey answers and referrals. Scores are recomputed when it
    /// differs from the mark of the last run.
    public func dataMark() async throws -> String {
        try await ScoreQueries.dataMark(on: db)
    }
}
