import EarnedDomain
import Foundation

struct TaskDTO: APIObject {
    var id: UUID
    var key: String
    var kind: String
    var status: String
    var assignee_id: UUID?
    var location_id: UUID?
    var customer_id: UUID?
    var subject_kind: String?
    var subject_id: UUID?
    var due_at: Date
    var channel: String?
    var text: String?
    var completed_at: Date?
    var completed_by_id: UUID?
    var outcome: String?
    var created_at: Date

    init(_ t: ServiceTask) {
        id = t.id.rawValue
        key = t.key
        kind = t.kind.rawValue
        status = t.status.rawValue
        assignee_id = t.assigneeID?.rawValue
        location_id = t.locationID?.rawValue
        customer_id = t.customerID?.rawValue
        subject_kind = t.subject?.kind.rawValue
        subject_id = t.subject?.id
        due_at = t.dueAt
        channel = t.channel?.rawValue
        text = t.text
        completed_at = t.completedAt
        completed_by_id = t.completedByID?.rawValue
        outcome = t.outcome
        created_at = t.createdAt
    }
}
