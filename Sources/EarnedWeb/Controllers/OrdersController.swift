import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// The orders pages: the list (newest first, by location), recording a new order, an order's
/// page with its after-sale steps, changing it, and delivering, cancelling or returning it.
struct OrdersController {
    func list(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let params = ListParams(req)
        if params.csv != nil { return try await OrderListPage.csv(req, viewer: viewer, params: params) }
        let page = try await OrderListPage.load(req, viewer: viewer, params: params)
        return Layout.response(page.body, title: viewer.s.ordersTitle, request: req)
    }

    func new(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        var values = OrderForm.Values()
        values.customer_id = req.query[String.self, at: "customer"]
        values.currency = req.config.defaultCurrency
        return try await render(req, viewer: viewer, values: values, errors: [])
    }

    func render(
        _ req: Request, viewer: ViewerContext, values: OrderForm.Values, errors: [FieldError], editing: Order? = nil
    ) async throws -> Response {
        var customerName: String?
        if let id = values.customer_id.flatMap(CustomerID.init(string:)) {
            customerName = try? await req.customers.get(id, actor: viewer.staff).name
        }
        let form = OrderForm(
            viewer: viewer, editing: editing, values: values, errors: errors, customerName: customerName,
            staff: try await req.staffAccounts.list(actor: viewer.staff))
        return Layout.response(
            form.body, title: editing == nil ? viewer.s.newOrder : viewer.s.editOrder, request: req,
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func create(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let values = try req.content.decode(OrderForm.Values.self)
        var errors: [FieldError] = []
        let customerID = try await CustomerPicker.resolve(
            values.customer_id, req: req, actor: viewer.staff, required: true, collecting: &errors)
        do {
            let draft = try values.draft(zone: viewer.zone, customerID: customerID, prior: errors)
            let order = try await OrderActions.record(draft, actor: viewer.staff, in: req.serviceContext)
            return req.redirect(to: SiteURL.order(order.id.rawValue).path)
        } catch DomainError.invalid(let errors) {
            return try await render(req, viewer: viewer, values: values, errors: errors)
        }
    }

    func show(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let page = try await OrderPage.load(req, viewer: viewer, id: try req.entityID("order"))
        return Layout.response(page.body, title: viewer.s.orderTitle, request: req)
    }

    func edit(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let order = try await req.orders.get(try req.entityID("order"), actor: viewer.staff)
        return try await render(
            req, viewer: viewer, values: .init(order, zone: viewer.zone(of: order.locationID), lang: viewer.lang),
            errors: [], editing: order)
    }

    func update(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let order = try await req.orders.get(try req.entityID("order"), actor: viewer.staff)
        let values = try req.content.decode(OrderForm.Values.self)
        var errors: [FieldError] = []
        let customerID = try await CustomerPicker.resolve(
            values.customer_id, req: req, actor: viewer.staff, required: true, collecting: &errors)
        do {
            let draft = try values.draft(zone: viewer.zone(of: order.locationID), customerID: customerID, prior: errors)
            try await OrderActions.update(order.id, draft, actor: viewer.staff, in: req.serviceContext)
            return req.redirect(to: SiteURL.order(order.id.rawValue).path)
        } catch DomainError.invalid(let errors) {
            return try await render(req, viewer: viewer, values: values, errors: errors, editing: order)
        }
    }

    /// Deliver, cancel or return: a refused step shows the page again with why.
    func action(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let id: OrderID = try req.entityID("order")
        let form = try req.content.decode(OrderActionForm.self)
        let context = req.serviceContext
        do {
            switch form.action {
            case "deliver":
                let order = try await req.orders.get(id, actor: viewer.staff)
                guard
                    let at = form.delivered_at.flatMap({ FormDates.parse($0, zone: viewer.zone(of: order.locationID)) })
                else { throw DomainError.invalid([FieldError(field: "delivered_at", code: .invalidFormat)]) }
                try await OrderActions.deliver(id, at: at, actor: viewer.staff, in: context)
            case "cancel": try await OrderActions.cancel(id, reason: form.reason, actor: viewer.staff, in: context)
            case "return":
                try await OrderActions.markReturned(id, reason: form.reason, actor: viewer.staff, in: context)
            default: throw DomainError.invalid([FieldError(field: "action", code: .invalidChoice)])
            }
        } catch DomainError.invalid(let errors) {
            return try await renderOrder(req, viewer: viewer, id: id, errors: errors)
        } catch DomainError.conflict {
            return try await renderOrder(req, viewer: viewer, id: id, notice: viewer.s.orderChangeConflict)
        }
        return req.redirect(to: SiteURL.order(id.rawValue).path)
    }

    func renderOrder(
        _ req: Request, viewer: ViewerContext, id: OrderID, errors: [FieldError] = [], notice: String? = nil
    ) async throws -> Response {
        let page = try await OrderPage.load(req, viewer: viewer, id: id, errors: errors, notice: notice)
        return Layout.response(
            page.body, title: viewer.s.orderTitle, request: req,
            status: notice != nil ? .conflict : .unprocessableEntity)
    }
}

/// The fields of an order's action forms.
struct OrderActionForm: Content {
    var action: String
    var delivered_at: String?
    var reason: String?
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
