import EarnedDomain
import EarnedStore
import Foundation
import Vapor

/// One task: what it is, for whom and by when, what it is about; handing it to a colleague,
/// snoozing it, closing it.
struct TaskPage {
    var viewer: ViewerContext
    var task: ServiceTask
    var customerName: String?
    var staff: [Staff]
    var history: [AuditEntry]
    var now: Date
    var errors: [FieldError]
    var notice: String?

    static func load(
        _ req: Request, viewer: ViewerContext, id: ServiceTaskID, errors: [FieldError] = [], notice: String? = nil
    ) async throws -> TaskPage {
        let task = try await req.tasks.get(id, actor: viewer.staff)
        let names = try await req.customers.names(task.customerID.map { [$0] } ?? [], s: viewer.s)
        let history =
            Policy.may(viewer.staff, .viewAuditLog)
            ? try await req.audit.recent(by: viewer.staff, limit: 50, entityID: id.rawValue) : []
        return TaskPage(
            viewer: viewer, task: task, customerName: task.customerID.flatMap { names[$0] },
            staff: try await req.staffAccounts.list(actor: viewer.staff), history: history, now: req.now,
            errors: errors, notice: notice)
    }

    /// The assignee changes their own task; a manager anyone's.
    var mayChange: Bool {
        task.status == .open && Policy.mayChange(viewer.staff, workHeldBy: task.assigneeID)
    }

    /// Who the task may go to: active colleagues who work where it is.
    var colleagues: [Staff] {
        staff.filter { $0.isActive && $0.id != task.assigneeID && $0.canSee(location: task.locationID) }
    }
}
