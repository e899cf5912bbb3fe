import EarnedDomain
import EarnedStore
import Foundation
import Plot
import Vapor

/// All orders, newest first, by state (active, cancelled, returned), seller, location, period
/// and customer, a page at a time with the count, and the same view as CSV.
struct OrderListPage {
    var viewer: ViewerContext
    var params: ListParams
    var page: ResultPage<Order>
    var customerNames: [CustomerID: String]
    var staff: [Staff]
    var errors: [FieldError]

    static func query(_ req: Request, viewer: ViewerContext, params: ListParams, limit: Int = 50) async throws
        -> (OrderQuery, [FieldError])
    {
        var read = params.read(zone: viewer.zone)
        var query = OrderQuery(
            locationID: read.location, sellerID: read.person, from: read.from, to: read.to, cursor: params.cursor,
            limit: limit)
        if let raw = params.status {
            query.state = Order.State(rawValue: raw)
            if query.state == nil { read.errors.append(FieldError(field: "status", code: .invalidChoice)) }
        }
        if let q = params.q {
            query.customers = try await req.customers.list(CustomerQuery(search: q, limit: 500), actor: viewer.staff)
                .items.map(\.id)
        }
        return (query, read.errors)
    }

    static func load(_ req: Request, viewer: ViewerContext, params: ListParams) async throws -> OrderListPage {
        let (query, errors) = try await Self.query(req, viewer: viewer, params: params)
        let page = try await req.orders.list(query, actor: viewer.staff)
        return OrderListPage(
            viewer: viewer, params: params, page: page,
            customerNames: try await req.customers.names(Array(Set(page.items.map(\.customerID))), s: viewer.s),
            staff: try await req.staffAccounts.list(actor: viewer.staff), errors: errors)
    }

    static func csv(_ req: Request, viewer: ViewerContext, params: ListParams) async throws -> Response {
        var (query, _) = try await Self.query(req, viewer: viewer, params: params, limit: 500)
        let orders = try await ListViews.everyPage { cursor in
            query.cursor = cursor
            return try await req.orders.list(query, actor: viewer.staff)
        }
        let s = viewer.s
        let names = try await req.customers.names(Array(Set(orders.map(\.customerID))), s: s)
        let people = Dictionary(
            try await req.staffAccounts.list(actor: viewer.staff).map { ($0.id, $0.name) },
            uniquingKeysWith: { a, _ in a })
        func money(_ minor: Int64, _ currency: String) -> String {
            Money(minorUnits: minor, currency: currency).plainDecimal
        }
        return ListViews.csv(
            headers: [
                s.placedAt, s.customer, s.amount, s.discount, s.currency, s.items, s.seller, s.location,
                s.promisedAt, s.deliveredAt, s.orderState, s.reason, s.externalID,
            ],
            rows: orders.map { o in
                [
                    viewer.dateTime(o.placedAt, at: o.locationID), names[o.customerID] ?? "",
                    money(o.amount.minorUnits, o.amount.currency), money(o.discountMinorUnits, o.amount.currency),
                    o.amount.currency, o.itemsSummary ?? "", o.sellerID.flatMap { people[$0] } ?? "",
                    viewer.locationName(o.locationID), o.promisedAt.map { viewer.dateTime($0, at: o.locationID) } ?? "",
                    o.deliveredAt.map { viewer.dateTime($0, at: o.locationID) } ?? "", s.orderState(o.state),
                    o.endReason ?? "", o.externalID ?? "",
                ]
            }, numeric: [2, 3], dialect: params.csv, filename: "orders")
    }
}
