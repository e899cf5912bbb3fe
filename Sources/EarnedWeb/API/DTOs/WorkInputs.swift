import EarnedDomain
import Vapor

/// A task made by hand.
struct TaskInput: Content {
    var text: String?
    var due_at: Date?
    var assignee_id: UUID?
    var customer_id: UUID?
}

/// Snooze a task to `until`, or hand it to `staff_id`.
struct TaskActionInput: Content {
    var action: String?
    var until: Date?
    var staff_id: UUID?
}

/// Someone away from `starts_at` (default now) to `ends_at`, covered by `cover_id`.
struct AbsenceInput: Content {
    var staff_id: UUID?
    var cover_id: UUID?
    var starts_at: Date?
    var ends_at: Date?
    var reason: String?
}

struct AbsenceDTO: APIObject {
    var id: UUID
    var staff_id: UUID
    var cover_id: UUID
    var starts_at: Date
    var ends_at: Date
    var reason: String?
    var active: Bool
    var handed_over_at: Date?
    var handed_back_at: Date?
    var handed_count: Int
    var created_at: Date

    init(_ a: Absence, now: Date) {
        id = a.id.rawValue
        staff_id = a.staffID.rawValue
        cover_id = a.coverID.rawValue
        starts_at = a.startsAt
        ends_at = a.endsAt
        reason = a.reason
        active = a.isActive(at: now)
        handed_over_at = a.handedOverAt
        handed_back_at = a.handedBackAt
        handed_count = a.handed.count
        created_at = a.createdAt
    }
}
