import EarnedDomain
import FluentKit
import Foundation
import SQLKit

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

    public init(
        customerID: CustomerID, segment: String, atRisk: Bool, purchases: Int, probabilityAlive: Double?,
        expectedPurchases: Double?, lifetimeValueMinor: Int64?, currency: String?, discountShare: Double?,
        document: String
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
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(
            """
            INSERT INTO leases (id, key, holder, expires_at)
            VALUES (\(bind: IDGenerator.next()), \(bind: key), \(bind: holder), \(bind: now.addingTimeInterval(duration)))
            ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE leases.expires_at < \(bind: now) OR leases.holder = excluded.holder
            RETURNING holder
            """
        ).all()
        return try rows.first?.decode(column: "holder", as: String.self) == holder
    }

    /// Gives the lease back, if `holder` still has it.
    public func release(_ key: String, holder: String) async throws {
        let sql = db as! any SQLDatabase
        try await sql.delete(from: "leases").where("key", .equal, key).where("holder", .equal, holder).run()
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
        let sql = db as! any SQLDatabase
        try await sql.raw(
            """
            INSERT INTO score_snapshots (id, key, document, computed_at)
            VALUES (\(bind: IDGenerator.next()), \(bind: key), \(bind: document), \(bind: now))
            ON CONFLICT (key) DO UPDATE SET document = excluded.document, computed_at = excluded.computed_at
            """
        ).run()
    }

    /// The value stored under `key` and when it was computed; nil when there is none.
    public func snapshot<Value: Decodable>(_ type: Value.Type, key: String) async throws -> (Value, Date)? {
        try await snapshots(type, keys: [key])[key]
    }

    /// The values stored under `keys` (those that exist), by key, with when each was computed.
    public func snapshots<Value: Decodable>(_ type: Value.Type, keys: [String]) async throws -> [String: (Value, Date)]
    {
        guard !keys.isEmpty else { return [:] }
        let sql = db as! any SQLDatabase
        var out: [String: (Value, Date)] = [:]
        for row in try await sql.select().columns("key", "document", "computed_at").from("score_snapshots")
            .where("key", .in, SQLBind.group(keys)).all()
        {
            out[try row.decode(column: "key", as: String.self)] = (
                try DocumentCoding.decode(type, try row.decode(column: "document", as: String.self)),
                try row.decode(column: "computed_at", as: Date.self)
            )
        }
        return out
    }

    /// When each of the snapshots under `keys` that exist was computed.
    public func snapshotTimes(keys: [String]) async throws -> [String: Date] {
        guard !keys.isEmpty else { return [:] }
        let sql = db as! any SQLDatabase
        var out: [String: Date] = [:]
        for row in try await sql.select().columns("key", "computed_at").from("score_snapshots")
            .where("key", .in, SQLBind.group(keys)).all()
        {
            out[try row.decode(column: "key", as: String.self)] = try row.decode(column: "computed_at", as: Date.self)
        }
        return out
    }

    /// The keys of stored snapshots that start with `prefix`.
    public func snapshotKeys(prefix: String) async throws -> [String] {
        let sql = db as! any SQLDatabase
        return try await sql.select().column("key").from("score_snapshots")
            .where("key", .like, prefix + "%").orderBy("key").all()
            .map { try $0.decode(column: "key", as: String.self) }
    }

    // MARK: Customer scores

    /// Replaces every customer's scores with `rows`, in one transaction: readers see the old
    /// set or the new one, never a mix.
    public func replaceCustomerScores(_ rows: [CustomerScoreRow], at now: Date) async throws {
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            try await sql.delete(from: "customer_scores").run()
            let columns = [
                "id", "customer_id", "segment", "at_risk", "purchases", "p_alive", "expected_purchases", "clv_minor",
                "currency", "discount_share", "document", "computed_at",
            ]
            func real(_ x: Double?) -> BulkValue { x.map(BulkValue.real) ?? .null }
            try await BulkWriter(db: db).insert(
                "customer_scores", columns: columns,
                rows: rows.map { r in
                    [
                        .uuid(IDGenerator.next()), .uuid(r.customerID.rawValue), .text(r.segment), .bool(r.atRisk),
                        .integer(r.purchases), real(r.probabilityAlive), real(r.expectedPurchases),
                        r.lifetimeValueMinor.map(BulkValue.integer) ?? .null, .text(r.currency), real(r.discountShare),
                        .text(r.document), .date(now),
                    ]
                })
        }
    }

    /// One customer's stored scores, if they were scored.
    public func customerScore(_ id: CustomerID) async throws -> CustomerScoreRow? {
        let sql = db as! any SQLDatabase
        guard
            let row = try await sql.select().column("*").from("customer_scores")
                .where("customer_id", .equal, id.rawValue).first()
        else { return nil }
        return try Self.row(row)
    }

    static func row(_ row: any SQLRow) throws -> CustomerScoreRow {
        CustomerScoreRow(
            customerID: CustomerID(try row.decode(column: "customer_id", as: UUID.self)),
            segment: try row.decode(column: "segment", as: String.self),
            atRisk: try row.decode(column: "at_risk", as: Bool.self),
            purchases: try row.decode(column: "purchases", as: Int.self),
            probabilityAlive: try row.decode(column: "p_alive", as: Double?.self),
            expectedPurchases: try row.decode(column: "expected_purchases", as: Double?.self),
            lifetimeValueMinor: try row.decode(column: "clv_minor", as: Int64?.self),
            currency: try row.decode(column: "currency", as: String?.self),
            discountShare: try row.decode(column: "discount_share", as: Double?.self),
            document: try row.decode(column: "document", as: String.self))
    }

    // MARK: What changed

    /// A mark of the data the scores are computed from: counts and latest changes of orders,
    /// promises, contacts, cases, survey answers and referrals. Scores are recomputed when it
    /// differs from the mark of the last run.
    public func dataMark() async throws -> String {
        let sql = db as! any SQLDatabase
        var parts: [String] = []
        for (table, column) in [
            ("orders", "updated_at"), ("promises", "updated_at"), ("inbound_contacts", "updated_at"),
            ("service_cases", "updated_at"), ("survey_answers", "created_at"), ("referrals", "recorded_at"),
            ("customers", "updated_at"),
        ] {
            let row = try await sql.raw(
                "SELECT COUNT(*) AS n, MAX(\(ident: column)) AS latest FROM \(ident: table)"
            ).first()
            let n = try row?.decode(column: "n", as: Int.self) ?? 0
            let latest = try row?.decode(column: "latest", as: Date?.self)
            parts.append("\(table):\(n):\(latest.map { String(Int64($0.timeIntervalSince1970 * 1000)) } ?? "-")")
        }
        return parts.joined(separator: ",")
    }
}
