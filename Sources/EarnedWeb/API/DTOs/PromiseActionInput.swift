import EarnedDomain
import Vapor

struct PromiseActionInput: Content {
    var action: String?
    var reason: String?
    var due_at: Date?
    var told_via: ContactChannel?
    var note: String?
    /// "reassign": who keeps the promise now.
    var staff_id: UUID?
}
