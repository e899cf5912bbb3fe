import EarnedDomain
import Vapor

struct TaskCompletionInput: Content {
    var status: ServiceTask.Status?
    var outcome: String?
    var reached: Bool?
    /// An incident's outreach: when the customer was reached (default now).
    var reached_at: Date?
    var satisfied: Bool?
    var problem: String?
    var referral_asked: Bool?
    var note: String?
}
