import EarnedDomain
import EarnedStore
import Foundation
import Plot
import Vapor

/// Promises by state (open, overdue, broken, kept, all), person, location, kind, due period and
/// customer, a page at a time with the count, and the same view as CSV.
struct PromiseListPage {
    var viewer: ViewerContext
    var params: ListParams
    var filter: PromiseRepository.Filter
    var page: ResultPage<Promise>
    var names: [CustomerID: String]
    var staff: [Staff]
    var now: Date
    var errors: [FieldError]

    /// The promises list as the parameters ask; staff see their own unless they may see the team's.
    static func query(_ req: Request, viewer: ViewerContext, params: ListParams, limit: Int = 50) async throws
        -> (PromiseRepository.Query, PromiseRepository.Filter, [FieldError])
    {
        var read = params.read(zone: viewer.zone)
        let filter =
            (params.status ?? req.query[String.self, at: "filter"]).flatMap(
                PromiseRepository.Filter.init(rawValue:)) ?? .open
        var kind: Promise.Kind?
        if let raw = params.kind {
            kind = Promise.Kind(rawValue: raw)
            if kind == nil { read.errors.append(FieldError(field: "kind", code: .invalidChoice)) }
        }
        let me = viewer.staff
        var query = PromiseRepository.Query(
            filter: filter, owner: Policy.may(me, .seeTeamWork) ? read.person : me.id, location: read.location,
            kind: kind, from: read.from, to: read.to, cursor: params.cursor, limit: limit)
        if let q = params.q {
            query.customers = try await req.customers.list(CustomerQuery(search: q, limit: 500), actor: me).items.map(
                \.id)
        }
        return (query, filter, read.errors)
    }

    static func load(_ req: Request, viewer: ViewerContext, params: ListParams) async throws -> PromiseListPage {
        let (query, filter, errors) = try await Self.query(req, viewer: viewer, params: params)
        let page = try await req.promises.search(query, actor: viewer.staff, now: req.now)
        return PromiseListPage(
            viewer: viewer, params: params, filter: filter, page: page,
            names: try await req.customers.names(page.items.map(\.customerID), s: viewer.s),
            staff: try await req.staffAccounts.list(actor: viewer.staff), now: req.now, errors: errors)
    }

    /// The whole view, every page of it, as CSV.
    static func csv(_ req: Request, viewer: ViewerContext, params: ListParams) async throws -> Response {
        var (query, _, _) = try await Self.query(req, viewer: viewer, params: params, limit: 500)
        let promises = try await ListViews.everyPage { cursor in
            query.cursor = cursor
            return try await req.promises.search(query, actor: viewer.staff, now: req.now)
        }
        let s = viewer.s
        let names = try await req.customers.names(promises.map(\.customerID), s: s)
        let people = Dictionary(
            try await req.staffAccounts.list(actor: viewer.staff).map { ($0.id, $0.name) },
            uniquingKeysWith: { a, _ in a })
        return ListViews.csv(
            headers: [s.promiseKindLabel, s.promiseText, s.customer, s.ownerLabel, s.location, s.due, s.outcome],
            rows: promises.map { p in
                [
                    s.promiseKind(p.kind), p.text, names[p.customerID] ?? "", people[p.ownerID] ?? "",
                    viewer.locationName(p.locationID), viewer.dateTime(p.dueInForce, at: p.locationID),
                    s.promiseOutcome(p.outcome(at: req.now)),
                ]
            }, dialect: params.csv, filename: "promises")
    }
}
