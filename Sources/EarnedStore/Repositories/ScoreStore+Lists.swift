import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// A scored customer with their name, for lists.
public struct ScoredCustomer: Sendable, Hashable {
    public var score: CustomerScoreRow
    public var name: String
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
}
