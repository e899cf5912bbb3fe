import EarnedDomain
import EarnedStore
import Vapor

/// The orders pages: the list (newest first, by location) and recording a new order.
struct OrdersController {
    func list(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let location = req.query[String.self, at: "location"].flatMap(UUID.init(uuidString:)).map(LocationID.init)
        let cursor = req.query[String.self, at: "cursor"]
        let page = try await req.orders.list(
            OrderQuery(locationID: location, cursor: cursor, limit: 50), actor: viewer.staff)
        let customers = try await req.customers.names(Array(Set(page.items.map(\.customerID))), s: viewer.s)
        let staff = try await req.staffAccounts.list(actor: viewer.staff)
        let model = OrderListPage(
            viewer: viewer, location: location, orders: page.items, customerNames: customers, staff: staff,
            next: page.nextCursor, isFirstPage: cursor == nil)
        return Layout.response(model.body, title: viewer.s.ordersTitle, request: req)
    }

    func new(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        var values = OrderForm.Values()
        values.customer_id = req.query[String.self, at: "customer"]
        values.currency = req.config.defaultCurrency
        return try await render(req, viewer: viewer, values: values, errors: [])
    }

    func render(_ req: Request, viewer: ViewerContext, values: OrderForm.Values, errors: [FieldError]) async throws
        -> Response
    {
        var customerName: String?
        if let id = values.customer_id.flatMap(CustomerID.init(string:)) {
            customerName = try? await req.customers.get(id, actor: viewer.staff).name
        }
        let form = OrderForm(
            viewer: viewer, values: values, errors: errors, customerName: customerName,
            staff: try await req.staffAccounts.list(actor: viewer.staff))
        return Layout.response(
            form.body, title: viewer.s.newOrder, request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func create(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let values = try req.content.decode(OrderForm.Values.self)
        do {
            let draft = try values.draft(zone: viewer.zone)
            let order = try await req.orders.create(draft, actor: viewer.staff, now: req.now)
            return req.redirect(to: SiteURL.customer(order.customerID.rawValue).path)
        } catch DomainError.invalid(let errors) {
            return try await render(req, viewer: viewer, values: values, errors: errors)
        }
    }
}

extension CustomerRepository {
    /// Display names for a set of customers (an erased one shows as such).
    func names(_ ids: [CustomerID], s: Strings) async throws -> [CustomerID: String] {
        var names: [CustomerID: String] = [:]
        for customer in try await lookup(ids) {
            names[customer.id] = customer.erasedAt == nil ? customer.name : s.erasedCustomer
        }
        return names
    }
}
