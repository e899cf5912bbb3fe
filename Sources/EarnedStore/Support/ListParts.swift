import EarnedDomain
import FluentKit
import Foundation

/// The disjoint parts a list is read in, so that each walks an index in the list's order
/// (`KeysetPage.fetch(parts:)` merges them). Built on a query that already carries the list's
/// filters; each part is a copy with one more condition.
enum ListParts {
    /// Up to this many locations are read one by one; a wider view reads them with one `IN`.
    static let locationsOneByOne = 16

    /// What a person may see in a work list (`Policy.maySee`): every row of the locations they
    /// see, and their own rows anywhere else (`people`: the columns that make a row theirs,
    /// such as the owner and the holder of a case). An owner sees everything: one part.
    static func visible<M: Model>(
        _ base: QueryBuilder<M>, to actor: Staff, location: FieldKey, people: [FieldKey], ownByID: Int = ownByID
    ) async throws -> [QueryBuilder<M>] where M.IDValue == UUID {
        guard let visible = actor.visibleLocationIDs else { return [base] }
        let ids = visible.map(\.rawValue).sorted { $0.uuidString < $1.uuidString }
        let column = DatabaseQuery.Field.path([location], schema: M.schema)
        var parts: [QueryBuilder<M>] = []
        if ids.count <= locationsOneByOne {
            parts = ids.map { base.copy().filter(column, .equal, .bind($0)) }
        } else {
            parts = [base.copy().filter(column, .subset(inverse: false), .array(ids.map { .bind($0) }))]
        }
        // Their own rows elsewhere are few, or none, for nearly everyone: found first by the
        // person's and location's index alone, then read by id. Left to the list's filters, a
        // database may walk every row of the person's (a busy seller's hundred thousand).
        var branches: [(person: FieldKey, filters: [DatabaseQuery.Filter])] = []
        for person in people {
            let mine = DatabaseQuery.Filter.value(.path([person], schema: M.schema), .equal, .bind(actor.id.rawValue))
            var ranges: [[DatabaseQuery.Filter]] = [[.value(column, .equal, .null)]]
            if let first = ids.first, let last = ids.last {
                ranges.append([.value(column, .lessThan, .bind(first))])
                ranges.append([.value(column, .greaterThan, .bind(last))])
                for (low, high) in zip(ids, ids.dropFirst()) {
                    ranges.append([.value(column, .greaterThan, .bind(low)), .value(column, .lessThan, .bind(high))])
                }
            } else {
                ranges = [[]]
            }
            for range in ranges { branches.append((person, [mine] + range)) }
        }
        let elsewhere = M.query(on: base.database)
        elsewhere.group(.or) { any in
            for branch in branches { any.filter(.group(branch.filters, .and)) }
        }
        // One probe a range, in the index's order: PostgreSQL, asked for all the ranges at once with
        // a limit, reckoned a seller's rows elsewhere many and walked the whole table for them
        // (150 ms a shop assistant's customer page at 100,000 customers, for none found).
        var own: [UUID] = []
        var seen = Set<UUID>()
        probing: for branch in branches {
            let probe = M.query(on: base.database)
            probe.filter(.group(branch.filters, .and))
            probe.sort(.sort(.path([branch.person], schema: M.schema), .ascending))
            probe.sort(.sort(column, .ascending))
            for id in try await probe.field(.path([.id], schema: M.schema)).limit(ownByID + 1 - own.count).all()
                .compactMap(\.id)
            where seen.insert(id).inserted {
                own.append(id)
            }
            if own.count > ownByID { break probing }
        }
        if own.count > ownByID {
            let part = base.copy()
            part.query.filters.append(contentsOf: elsewhere.query.filters)
            parts.append(part)
        } else if !own.isEmpty {
            parts.append(
                base.copy().filter(
                    .path([.id], schema: M.schema), .subset(inverse: false), .array(own.map { .bind($0) })))
        }
        return parts
    }

    /// Up to this many of a person's rows outside their locations are read by id.
    static let ownByID = 1_000

    /// Each part once per value of `field` (a state, say), when the list takes every value:
    /// an index that leads with the field then serves each part in order.
    static func each<M: Model>(_ parts: [QueryBuilder<M>], of field: FieldKey, in values: [String])
        -> [QueryBuilder<M>]
    {
        parts.flatMap { part in values.map { part.copy().filter(field, .equal, $0) } }
    }
}
