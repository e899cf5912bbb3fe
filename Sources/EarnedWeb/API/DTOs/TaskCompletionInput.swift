import EarnedDomain
import Vapor

struct TaskCompletionInput: Content {
    var status: ServiceTask.Status?
    var outcome: String?
    var reached: Bool?
    var satisfied: Bool?
    var problem: String?
    var referral_asked: Bool?
    var note: String?
}
