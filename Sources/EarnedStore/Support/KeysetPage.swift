import EarnedDomain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// One page of a list sorted by a time and then the id, continued by an opaque cursor (the
/// last row's time and id), so a page reads only its rows however deep it is, and rows added
/// meanwhile neither repeat nor go missing. Counts the match once, for "N found", up to
/// `countLimit`: beyond it the list says "more than" rather than read a chain's whole history.
///
/// A list may come in disjoint parts (`ListParts`: a person's locations one by one, and their
/// own work elsewhere). Each part walks its own index in order and the parts are merged, which
/// an `OR` across them would not let the database do: it would sort every matching row.
enum KeysetPage {
    /// The most rows a list counts exactly.
    static let countLimit = 10_000

    static func fetch<M: Model>(
        _ query: QueryBuilder<M>, time: FieldKey, descending: Bool, cursor: String?, limit: Int,
        timeOf: (M) -> Date
    ) async throws -> (rows: [M], next: String?, total: Int, totalIsLowerBound: Bool) where M.IDValue == UUID {
        try await fetch(
            parts: [query], time: time, descending: descending, cursor: cursor, limit: limit, timeOf: timeOf)
    }

    static func fetch<M: Model>(
        parts: [QueryBuilder<M>], time: FieldKey, descending: Bool, cursor: String?, limit: Int,
        countLimit: Int = countLimit, timeOf: (M) -> Date
    ) async throws -> (rows: [M], next: String?, total: Int, totalIsLowerBound: Bool) where M.IDValue == UUID {
        var after: (at: Date, id: UUID)?
        if let raw = cursor {
            guard let cursor = Cursor(encoded: raw), let seconds = Double(cursor.key) else {
                throw DomainError.invalid([FieldError(field: "cursor", code: .invalidFormat)])
            }
            after = (Date(timeIntervalSince1970: seconds), cursor.id)
        }
        var total = 0
        for part in parts where total <= countLimit {
            total += try await count(part, upTo: countLimit + 1 - total)
        }
        let limit = max(1, min(limit, 500))
        let rows = try await self.rows(
            parts: parts, time: time, descending: descending, after: after, limit: limit + 1, timeOf: timeOf)
        let page = Array(rows.prefix(limit))
        let next =
            rows.count > limit
            ? page.last.map { Cursor(key: String(timeOf($0).timeIntervalSince1970), id: $0.id!).encoded } : nil
        return (page, next, min(total, countLimit), total > countLimit)
    }

    /// Every row of `query`, oldest first by `time` then id, read `pageSize` at a time past the
    /// last row read (`rows`): what the scheduler walks when the whole of something must be seen.
    static func all<M: Model>(
        _ query: QueryBuilder<M>, time: FieldKey, pageSize: Int, timeOf: (M) -> Date
    ) async throws -> [M] where M.IDValue == UUID {
        var all: [M] = []
        var after: (at: Date, id: UUID)?
        while true {
            let page = try await rows(
                parts: [query.copy()], time: time, descending: false, after: after, limit: pageSize, timeOf: timeOf)
            all += page
            guard page.count == pageSize, let last = page.last, let id = last.id else { return all }
            after = (timeOf(last), id)
        }
    }

    /// The first `limit` rows of the parts in the list's order (past `after` when given): each
    /// part's first rows, merged.
    static func rows<M: Model>(
        parts: [QueryBuilder<M>], time: FieldKey, descending: Bool, after: (at: Date, id: UUID)?, limit: Int,
        timeOf: (M) -> Date
    ) async throws -> [M] where M.IDValue == UUID {
        let order: DatabaseQuery.Sort.Direction = descending ? .descending : .ascending
        var rows: [M] = []
        for part in parts {
            if let after {
                // "At or past the cursor's time, and past its id when at it": the first term is a
                // range the time's index can seek to; an OR of the two would walk from the top.
                let past: DatabaseQuery.Filter.Method = descending ? .lessThan : .greaterThan
                let pastOrAt: DatabaseQuery.Filter.Method = descending ? .lessThanOrEqual : .greaterThanOrEqual
                part.filter(time, pastOrAt, after.at)
                part.group(.or) { $0.filter(time, past, after.at).filter(.id, past, after.id) }
            }
            rows += try await part.sort(time, order).sort(.id, order).limit(limit).all()
        }
        guard parts.count > 1 else { return rows }
        rows.sort { a, b in
            let (ta, tb) = (timeOf(a), timeOf(b))
            if ta != tb { return descending ? ta > tb : ta < tb }
            let (ia, ib) = (a.id!.uuidString, b.id!.uuidString)
            return descending ? ia > ib : ia < ib
        }
        return Array(rows.prefix(limit))
    }

    /// How many rows the query matches, reading at most `limit` of them:
    /// `SELECT COUNT(*) FROM (SELECT 1 … LIMIT n)`, which an index can answer alone.
    static func count<M: Model>(_ query: QueryBuilder<M>, upTo limit: Int) async throws -> Int {
        var inner = query.query
        inner.action = .read
        inner.fields = [.custom(SQLLiteral.numeric("1"))]
        inner.sorts = []
        inner.limits = [.count(limit)]
        inner.offsets = []
        let select = SQLQueryConverter(delegate: QueryOnlyDelegate()).convert(inner)
        let sql = try query.database.sql
        return try await sql.select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(SQLAlias(SQLGroupExpression(select), as: SQLIdentifier("matched")))
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Turns a query (never a schema) into SQL: a select has no column types to translate.
    private struct QueryOnlyDelegate: SQLConverterDelegate {
        func customDataType(_ dataType: DatabaseSchema.DataType) -> (any SQLExpression)? { nil }
    }
}
