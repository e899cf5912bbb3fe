import EarnedDomain
import Vapor

struct CaseActionInput: Content {
    var action: String?
    var department: String?
    var staff_id: UUID?
    var reason: String?
    var kind: CorrectiveAction.Kind?
    var cost_minor_units: Int64?
    var note: String?
}
