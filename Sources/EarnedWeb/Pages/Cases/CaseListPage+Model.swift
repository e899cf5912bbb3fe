import EarnedDomain
import EarnedServices
import EarnedStore
import Foundation
import Plot
import Vapor

/// The cases: each with its customer, accountable owner, holder, priority and state, filtered by
/// state (active by default; "overdue" is a resolution target missed), person (owner or holder),
/// location, source, opening period and customer, a page at a time, and as CSV.
struct CaseListPage {
    /// The states a list offers; "overdue" is read from each case's clock.
    static let statuses = ["active", "overdue", "open", "waiting", "resolved", "closed", "all"]

    var viewer: ViewerContext
    var params: ListParams
    var page: ResultPage<ServiceCase>
    var names: [CustomerID: String]
    var staff: [Staff]
    var now: Date
    var errors: [FieldError]

    static func query(_ req: Request, viewer: ViewerContext, params: ListParams, limit: Int = 50) async throws
        -> (CaseRepository.Query, overdue: Bool, [FieldError])
    {
        var read = params.read(zone: viewer.zone)
        var query = CaseRepository.Query(
            person: read.person, location: read.location, from: read.from, to: read.to, cursor: params.cursor,
            limit: limit)
        switch params.status ?? "active" {
        case "active", "overdue": query.statuses = [.open, .waitingOnCustomer]
        case "open": query.statuses = [.open]
        case "waiting": query.statuses = [.waitingOnCustomer]
        case "resolved": query.statuses = [.resolved]
        case "closed": query.statuses = [.closed]
        case "all": query.statuses = nil
        default: read.errors.append(FieldError(field: "status", code: .invalidChoice))
        }
        if let raw = params.kind {
            query.source = ServiceCase.Source(rawValue: raw)
            if query.source == nil { read.errors.append(FieldError(field: "kind", code: .invalidChoice)) }
        }
        if let q = params.q {
            query.customers = try await req.customers.list(CustomerQuery(search: q, limit: 500), actor: viewer.staff)
                .items.map(\.id)
        }
        return (query, params.status == "overdue", read.errors)
    }

    static func load(_ req: Request, viewer: ViewerContext, params: ListParams) async throws -> CaseListPage {
        let (query, overdue, errors) = try await Self.query(req, viewer: viewer, params: params)
        let page = try await CaseListing.search(
            query, overdue: overdue, actor: viewer.staff, locations: viewer.locations, in: req.serviceContext)
        return CaseListPage(
            viewer: viewer, params: params, page: page,
            names: try await req.customers.names(page.items.map(\.customerID), s: viewer.s),
            staff: try await req.staffAccounts.list(actor: viewer.staff), now: req.now, errors: errors)
    }

    static func csv(_ req: Request, viewer: ViewerContext, params: ListParams) async throws -> Response {
        var (query, overdue, _) = try await Self.query(req, viewer: viewer, params: params, limit: 500)
        let cases = try await ListViews.everyPage { cursor in
            query.cursor = cursor
            return try await CaseListing.search(
                query, overdue: overdue, actor: viewer.staff, locations: viewer.locations, in: req.serviceContext)
        }
        let s = viewer.s
        let names = try await req.customers.names(cases.map(\.customerID), s: s)
        let people = Dictionary(
            try await req.staffAccounts.list(actor: viewer.staff).map { ($0.id, $0.name) },
            uniquingKeysWith: { a, _ in a })
        return ListViews.csv(
            headers: [
                s.caseTitle, s.customer, s.accountableOwner, s.holderLabel, s.priorityLabel, s.status, s.location,
                s.openedAt,
            ],
            rows: cases.map { c in
                [
                    c.title, names[c.customerID] ?? "", people[c.ownerID] ?? "",
                    CaseViews.holder(c.holder, people: people, s: s), s.priorityName(c.priority),
                    s.caseStatus(c.status), viewer.locationName(c.locationID),
                    viewer.dateTime(c.openedAt, at: c.locationID),
                ]
            }, dialect: params.csv, filename: "cases")
    }
}
