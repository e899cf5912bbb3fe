import EarnedDomain
import FluentKit
import Foundation

/// One page of a list sorted by a time and then the id, continued by an opaque cursor (the
/// last row's time and id), so a page reads only its rows however deep it is, and rows added
/// meanwhile neither repeat nor go missing. Counts the whole match once, for "N found".
enum KeysetPage {
    static func fetch<M: Model>(
        _ query: QueryBuilder<M>, time: FieldKey, descending: Bool, cursor: String?, limit: Int,
        timeOf: (M) -> Date
    ) async throws -> (rows: [M], next: String?, total: Int) where M.IDValue == UUID {
        let total = try await query.copy().count()
        if let raw = cursor {
            guard let cursor = Cursor(encoded: raw), let seconds = Double(cursor.key) else {
                throw DomainError.invalid([FieldError(field: "cursor", code: .invalidFormat)])
            }
            let at = Date(timeIntervalSince1970: seconds)
            let past: DatabaseQuery.Filter.Method = descending ? .lessThan : .greaterThan
            query.group(.or) { group in
                group.filter(time, past, at)
                group.group(.and) { $0.filter(time, .equal, at).filter(.id, past, cursor.id) }
            }
        }
        let limit = max(1, min(limit, 500))
        let order: DatabaseQuery.Sort.Direction = descending ? .descending : .ascending
        let rows = try await query.sort(time, order).sort(.id, order).limit(limit + 1).all()
        let page = Array(rows.prefix(limit))
        let next =
            rows.count > limit
            ? page.last.map { Cursor(key: String(timeOf($0).timeIntervalSince1970), id: $0.id!).encoded } : nil
        return (page, next, total)
    }
}
