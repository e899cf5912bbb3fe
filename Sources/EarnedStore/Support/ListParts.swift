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
        _ base: QueryBuilder<M>, to actor: Staff, location: FieldKey, people: [FieldKey]
    ) -> [QueryBuilder<M>] {
        guard let visible = actor.visibleLocationIDs else { return [base] }
        let ids = visible.map(\.rawValue).sorted { $0.uuidString < $1.uuidString }
        let column = DatabaseQuery.Field.path([location], schema: M.schema)
        var parts: [QueryBuilder<M>] = []
        if ids.count <= locationsOneByOne {
            parts = ids.map { base.copy().filter(column, .equal, .bind($0)) }
        } else {
            parts = [base.copy().filter(column, .subset(inverse: false), .array(ids.map { .bind($0) }))]
        }
        let own = base.copy()
        own.group(.or) { group in
            for person in people { group.filter(person, .equal, actor.id.rawValue) }
        }
        if !ids.isEmpty {
            own.group(.or) {
                $0.filter(column, .subset(inverse: true), .array(ids.map { .bind($0) }))
                    .filter(column, .equal, .null)
            }
        }
        parts.append(own)
        return parts
    }

    /// Each part once per value of `field` (a state, say), when the list takes every value:
    /// an index that leads with the field then serves each part in order.
    static func each<M: Model>(_ parts: [QueryBuilder<M>], of field: FieldKey, in values: [String])
        -> [QueryBuilder<M>]
    {
        parts.flatMap { part in values.map { part.copy().filter(field, .equal, $0) } }
    }
}
