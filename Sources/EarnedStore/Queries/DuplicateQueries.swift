import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// The pairs `DuplicateRule` proposes, found by index: contacts that two to
/// `DuplicateRule.sharedLimit` cards share (a self-join of `customer_contacts` on channel and
/// value), and the folded external-id and name keys of `customers` (0022), a shared name also
/// needing the same city key or birthday. Each pair comes once, its smaller id first (the order
/// both databases and `DuplicateDismissal.ordered` agree on: the UUIDs' bytes); merged, erased
/// and dismissed pairs drop out. Plain SQL that SQLite and PostgreSQL read alike.
enum DuplicateQueries {
    /// Which pairs: those of every location (`visible` nil) or of these home locations only,
    /// optionally only those with one customer.
    struct Scope {
        var visible: [UUID]?
        var customer: UUID?
    }

    static func pairs(_ scope: Scope, after: (UUID, UUID)?, limit: Int, on db: any Database) async throws
        -> [(UUID, UUID)]
    {
        guard var query = candidates(scope) else { return [] }
        if let (a, b) = after {
            query += " AND (p.a > \(bind: a) OR (p.a = \(bind: a) AND p.b > \(bind: b)))"
        }
        query += " ORDER BY p.a, p.b LIMIT \(literal: limit)"
        return try await db.sql.raw(query).all().map {
            (try $0.decode(column: "a", as: UUID.self), try $0.decode(column: "b", as: UUID.self))
        }
    }

    static func count(_ scope: Scope, on db: any Database) async throws -> Int {
        guard let query = candidates(scope) else { return 0 }
        let row = try await db.sql.raw("SELECT COUNT(*) AS n FROM (" + query + ") q").first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Orders per customer, for the cards of a page of pairs.
    static func orderCounts(_ ids: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.sql.select().column("customer_id")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("orders")
            .where("customer_id", .in, ids).groupBy("customer_id").all()
        var counts: [UUID: Int] = [:]
        for row in rows {
            counts[try row.decode(column: "customer_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// `SELECT p.a, p.b …` up to the end of its WHERE clause; nil when the scope sees no location.
    static func candidates(_ scope: Scope) -> SQLQueryString? {
        if let visible = scope.visible, visible.isEmpty { return nil }
        let limit = DuplicateRule.sharedLimit
        let phone = ContactChannel.phone.rawValue
        let email = ContactChannel.email.rawValue
        let birthday = CustomerDate.Kind.birthday.rawValue
        // For one customer's pairs only that customer's values are grouped.
        var ownValues: SQLQueryString = ""
        var ownExternalKey: SQLQueryString = ""
        var ownNameKey: SQLQueryString = ""
        if let customer = scope.customer {
            ownValues = " AND value IN (SELECT value FROM customer_contacts WHERE customer_id = \(bind: customer))"
            ownExternalKey = " AND external_key = (SELECT external_key FROM customers WHERE id = \(bind: customer))"
            ownNameKey = " AND name_key = (SELECT name_key FROM customers WHERE id = \(bind: customer))"
        }
        var query: SQLQueryString = """
            SELECT p.a AS a, p.b AS b FROM (
                SELECT c1.customer_id AS a, c2.customer_id AS b
                FROM (SELECT channel, value FROM customer_contacts
                    WHERE channel IN (\(bind: phone), \(bind: email))
            """
        query += ownValues
        query += """
             GROUP BY channel, value HAVING COUNT(*) BETWEEN 2 AND \(literal: limit)) s
                JOIN customer_contacts c1 ON c1.channel = s.channel AND c1.value = s.value
                JOIN customer_contacts c2 ON c2.channel = s.channel AND c2.value = s.value
                    AND c1.customer_id < c2.customer_id
                UNION
                SELECT x.id AS a, y.id AS b
                FROM (SELECT external_key FROM customers WHERE external_key IS NOT NULL
            """
        query += ownExternalKey
        query += """
             GROUP BY external_key HAVING COUNT(*) BETWEEN 2 AND \(literal: limit)) k
                JOIN customers x ON x.external_key = k.external_key
                JOIN customers y ON y.external_key = k.external_key AND x.id < y.id
                UNION
                SELECT x.id AS a, y.id AS b
                FROM (SELECT name_key FROM customers WHERE name_key IS NOT NULL
            """
        query += ownNameKey
        query += """
             GROUP BY name_key HAVING COUNT(*) BETWEEN 2 AND \(literal: limit)) n
                JOIN customers x ON x.name_key = n.name_key
                JOIN customers y ON y.name_key = n.name_key AND x.id < y.id
                WHERE x.city_key = y.city_key OR EXISTS (
                    SELECT 1 FROM customer_dates dx JOIN customer_dates dy ON dy.customer_id = y.id
                        AND dy.kind = \(bind: birthday) AND dy.month = dx.month AND dy.day = dx.day
                        AND (dx.year IS NULL OR dy.year IS NULL OR dx.year = dy.year)
                    WHERE dx.customer_id = x.id AND dx.kind = \(bind: birthday))
            ) p
            WHERE NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.first_id = p.a AND d.second_id = p.b)
            """
        // Each card is checked by its key (EXISTS, not a join), so the few pairs drive the query
        // rather than a scan of every live customer.
        for side in ["a", "b"] {
            query += """
                 AND EXISTS (SELECT 1 FROM customers c WHERE c.id = p.\(unsafeRaw: side)
                    AND c.merged_into_id IS NULL AND c.erased_at IS NULL
                """
            if let visible = scope.visible { query += " AND c.home_location_id IN (\(binds: visible))" }
            query += ")"
        }
        if let customer = scope.customer {
            query += " AND (p.a = \(bind: customer) OR p.b = \(bind: customer))"
        }
        return query
    }
}
