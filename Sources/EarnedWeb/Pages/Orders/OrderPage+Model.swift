import EarnedDomain
import EarnedStore
import Foundation
import Vapor

/// One order's story: what was bought, by whom and where, promised and actual delivery, its
/// after-sale steps with their outcomes, and what can still happen to it (delivered, cancelled,
/// returned).
struct OrderPage {
    var viewer: ViewerContext
    var order: Order
    var customer: Customer?
    var staff: [Staff]
    /// The handover and follow-ups, oldest due first.
    var steps: [ServiceTask]
    /// Who changed the order and when; empty for a viewer without the audit log.
    var history: [AuditEntry]
    var now: Date
    var errors: [FieldError]
    /// A rule that refused the last step (delivered already, cancelled meanwhile…).
    var notice: String?

    static func load(
        _ req: Request, viewer: ViewerContext, id: OrderID, errors: [FieldError] = [], notice: String? = nil
    ) async throws -> OrderPage {
        let order = try await req.orders.get(id, actor: viewer.staff)
        let customer = try? await req.customers.get(order.customerID, actor: viewer.staff)
        let steps = try await req.tasks.about(.init(kind: .order, id: id.rawValue))
        let history =
            Policy.may(viewer.staff, .viewAuditLog)
            ? try await req.audit.recent(by: viewer.staff, limit: 50, entityID: id.rawValue) : []
        return OrderPage(
            viewer: viewer, order: order, customer: customer,
            staff: try await req.staffAccounts.list(actor: viewer.staff),
            steps: steps, history: history, now: req.now, errors: errors, notice: notice)
    }

    /// The seller and managers may cancel or return; anyone who sees the order may deliver it.
    var mayEnd: Bool { Policy.mayChange(viewer.staff, workHeldBy: order.sellerID) }
}
