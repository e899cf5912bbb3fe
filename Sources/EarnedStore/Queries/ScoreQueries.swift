import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// What `ScoreStore` keeps, read and written in SQL: the lease one computing instance holds,
/// the snapshots of a run, every customer's scores, and the mark of the data they came from.
enum ScoreQueries {
    // MARK: Lease

    /// Takes or renews the lease `key` for `holder` until `now + duration`; false when another
    /// holder has it and it has not expired. One statement, so two instances asking at once
    /// cannot both win (`INSERT … ON CONFLICT DO UPDATE … WHERE`, on both databases).
    static func acquire(
        _ key: String, holder: String, now: Date, duration: TimeInterval, on db: any Database
    ) async throws -> Bool {
        let sql = try db.sql
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

    /// Deletes the lease `key` if `holder` has it.
    static func release(_ key: String, holder: String, on db: any Database) async throws {
        let sql = try db.sql
        try await sql.delete(from: "leases").where("key", .equal, key).where("holder", .equal, holder).run()
    }

    // MARK: Snapshots

    /// Stores `document` under `key`, replacing what was there.
    static func saveSnapshot(_ document: String, as key: String, at now: Date, on db: any Database) async throws {
        let sql = try db.sql
        try await sql.raw(
            """
            INSERT INTO score_snapshots (id, key, document, computed_at)
            VALUES (\(bind: IDGenerator.next()), \(bind: key), \(bind: document), \(bind: now))
            ON CONFLICT (key) DO UPDATE SET document = excluded.document, computed_at = excluded.computed_at
            """
        ).run()
    }

    /// The snapshots under `keys` that exist, decoded, by key, with when each was computed.
    static func snapshots<Value: Decodable>(_ type: Value.Type, keys: [String], on db: any Database) async throws
        -> [String: (Value, Date)]
    {
        let sql = try db.sql
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
    static func snapshotTimes(keys: [String], on db: any Database) async throws -> [String: Date] {
        let sql = try db.sql
        var out: [String: Date] = [:]
        for row in try await sql.select().columns("key", "computed_at").from("score_snapshots")
            .where("key", .in, SQLBind.group(keys)).all()
        {
            out[try row.decode(column: "key", as: String.self)] = try row.decode(column: "computed_at", as: Date.self)
        }
        return out
    }

    /// The keys of stored snapshots that start with `prefix`, in order.
    static func snapshotKeys(prefix: String, on db: any Database) async throws -> [String] {
        let sql = try db.sql
        return try await sql.select().column("key").from("score_snapshots")
            .where("key", .like, prefix + "%").orderBy("key").all()
            .map { try $0.decode(column: "key", as: String.self) }
    }

    // MARK: Customer scores

    /// Deletes every customer's scores (the caller's transaction writes the new set).
    static func deleteCustomerScores(on db: any Database) async throws {
        let sql = try db.sql
        try await sql.delete(from: "customer_scores").run()
    }

    /// One customer's stored scores, if they were scored.
    static func customerScore(_ id: CustomerID, on db: any Database) async throws -> CustomerScoreRow? {
        let sql = try db.sql
        guard
            let row = try await sql.select().column("*").from("customer_scores")
                .where("customer_id", .equal, id.rawValue).first()
        else { return nil }
        return try scoreRow(row)
    }

    /// Scored customers of a segment (or all), at risk only when asked, most valuable first and
    /// those without a lifetime value after them. Two index-ordered reads (valued, then not), so
    /// the order is the same on both databases, which sort NULL differently.
    static func scoredCustomers(
        segment: String?, atRiskOnly: Bool, limit: Int, offset: Int, on db: any Database
    ) async throws -> [ScoredCustomer] {
        let sql = try db.sql
        func matching(_ select: SQLSelectBuilder, valued: Bool) -> SQLSelectBuilder {
            var q = select.from("customer_scores")
            if let segment { q = q.where(SQLColumn("segment", table: "customer_scores"), .equal, SQLBind(segment)) }
            if atRiskOnly { q = q.where(SQLColumn("at_risk", table: "customer_scores"), .equal, SQLBind(true)) }
            return q.where(SQLColumn("clv_minor", table: "customer_scores"), valued ? .isNot : .is, SQLLiteral.null)
        }
        func rows(valued: Bool, limit: Int, offset: Int) async throws -> [ScoredCustomer] {
            var q = matching(
                sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("customer_scores")))
                    .column(SQLColumn("name", table: "customers"), as: "customer_name"), valued: valued
            )
            .join(
                "customers", method: SQLJoinMethod.inner, on: SQLColumn("customer_id", table: "customer_scores"),
                .equal, SQLColumn("id", table: "customers"))
            if valued { q = q.orderBy(SQLColumn("clv_minor", table: "customer_scores"), SQLDirection.descending) }
            return try await q.orderBy(SQLColumn("customer_id", table: "customer_scores"), SQLDirection.descending)
                .limit(limit).offset(offset).all()
                .map { row in
                    ScoredCustomer(
                        score: try scoreRow(row), name: try row.decode(column: "customer_name", as: String.self))
                }
        }
        let valued =
            try await matching(sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n"), valued: true)
            .first()?.decode(column: "n", as: Int.self) ?? 0
        var out: [ScoredCustomer] = []
        if offset < valued { out = try await rows(valued: true, limit: limit, offset: offset) }
        if out.count < limit {
            out += try await rows(valued: false, limit: limit - out.count, offset: max(0, offset - valued))
        }
        return out
    }

    // MARK: What changed

    /// Counts and latest changes of the tables scores are computed from, as one string.
    static func dataMark(on db: any Database) async throws -> String {
        let sql = try db.sql
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

    /// A `customer_scores` row as the store hands it out.
    static func scoreRow(_ row: any SQLRow) throws -> CustomerScoreRow {
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
            document: try row.decode(column: "document", as: String.self),
            aliveLimits: range(
                try row.decode(column: "p_alive_lower", as: Double?.self),
                try row.decode(column: "p_alive_upper", as: Double?.self)),
            purchasesLimits: range(
                try row.decode(column: "expected_purchases_lower", as: Double?.self),
                try row.decode(column: "expected_purchases_upper", as: Double?.self)),
            valueLimitsMinor: range(
                try row.decode(column: "clv_lower_minor", as: Int64?.self),
                try row.decode(column: "clv_upper_minor", as: Int64?.self)))
    }

    /// lower...upper when both are stored and in order.
    static func range<T: Comparable>(_ lower: T?, _ upper: T?) -> ClosedRange<T>? {
        guard let lower, let upper, lower <= upper else { return nil }
        return lower...upper
    }
}
