import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// A scored customer with their name, for lists.
public struct ScoredCustomer: Sendable, Hashable {
    public var score: CustomerScoreRow
    public var name: String
}

/// A customer who referred others, with how many and what those customers are worth.
public struct Referrer: Sendable, Hashable {
    public var customerID: CustomerID
    public var name: String
    public var referred: Int
    /// The sum of the referred customers' lifetime values in `currency` (those scored in it).
    public var referredValueMinor: Int64
}

extension ScoreStore {
    /// Scored customers of a segment (or all), at risk only when asked, most valuable first and
    /// those without a lifetime value after them. Two index-ordered reads (valued, then not), so
    /// the order is the same on both databases, which sort NULL differently.
    public func scoredCustomers(segment: String?, atRiskOnly: Bool, limit: Int, offset: Int = 0) async throws
        -> [ScoredCustomer]
    {
        let sql = db as! any SQLDatabase
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
                        score: try Self.row(row), name: try row.decode(column: "customer_name", as: String.self))
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

    /// The customers who referred the most others, with the referred customers' lifetime value
    /// in `currency`.
    public func topReferrers(currency: String?, limit: Int) async throws -> [Referrer] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(
            """
            SELECT r.referrer_id AS referrer_id, c.name AS name, COUNT(*) AS referred,
              CAST(COALESCE(SUM(CASE WHEN s.currency = \(bind: currency ?? "") THEN s.clv_minor ELSE 0 END), 0) AS BIGINT)
                AS value
            FROM referrals r
            JOIN customers c ON c.id = r.referrer_id
            LEFT JOIN customer_scores s ON s.customer_id = r.referred_id
            WHERE c.erased_at IS NULL AND c.merged_into_id IS NULL
            GROUP BY r.referrer_id, c.name
            ORDER BY COUNT(*) DESC, value DESC, c.name ASC
            LIMIT \(literal: limit)
            """
        ).all()
        return try rows.map { row in
            Referrer(
                customerID: CustomerID(try row.decode(column: "referrer_id", as: UUID.self)),
                name: try row.decode(column: "name", as: String.self),
                referred: try row.decode(column: "referred", as: Int.self),
                referredValueMinor: try row.decode(column: "value", as: Int64.self))
        }
    }
}
