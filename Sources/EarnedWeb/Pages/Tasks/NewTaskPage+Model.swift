import EarnedDomain
import Foundation
import Vapor

/// A task made by hand, for oneself or (a manager) for a colleague, optionally about a customer.
struct NewTaskPage {
    struct Form: Content {
        var text: String?
        var due_at: String?
        var assignee_id: String?
        var customer_id: String?
    }

    var viewer: ViewerContext
    var form: Form
    var customer: Customer?
    var staff: [Staff]
    var errors: [FieldError]

    /// Who a task may be made for: oneself, and a manager's active colleagues.
    var assignees: [Staff] {
        Policy.may(viewer.staff, .changeOthersWork)
            ? staff.filter { $0.isActive } : staff.filter { $0.id == viewer.staff.id }
    }
}
