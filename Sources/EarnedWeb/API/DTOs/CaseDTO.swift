import EarnedDomain
import Foundation

struct CaseDTO: APIObject {
    struct EventDTO: APIObject {
        var at: Date
        var by_id: UUID?
        var kind: String
        var department: String?
        var staff_id: UUID?
        var reason: String?
        var text: String?
    }

    struct ActionDTO: APIObject {
        var kind: String
        var cost_minor_units: Int64
        var currency: String
        var note: String?
        var at: Date
        var by_id: UUID
    }

    var id: UUID
    var customer_id: UUID
    var location_id: UUID?
    var title: String
    var detail: String
    var source: String
    var link_id: UUID?
    var owner_id: UUID
    var holder_department: String?
    var holder_staff_id: UUID?
    var priority: String
    var status: String
    var opened_at: Date
    var opened_by_id: UUID
    var first_response_at: Date?
    var resolved_at: Date?
    var confirmed_at: Date?
    var reopen_count: Int
    var accepted_on_customers_word: Bool
    var seconds_by_department: [String: Int]
    var events: [EventDTO]
    var actions: [ActionDTO]
    var updated_at: Date

    init(_ c: ServiceCase, now: Date) {
        id = c.id.rawValue
        customer_id = c.customerID.rawValue
        location_id = c.locationID?.rawValue
        title = c.title
        detail = c.detail
        source = c.source.rawValue
        link_id = c.link
        owner_id = c.ownerID.rawValue
        holder_department = c.holder.department
        holder_staff_id = c.holder.staffID?.rawValue
        priority = c.priority.rawValue
        status = c.status.rawValue
        opened_at = c.openedAt
        opened_by_id = c.openedByID.rawValue
        first_response_at = c.firstResponseAt
        resolved_at = c.resolvedAt
        confirmed_at = c.confirmedAt
        reopen_count = c.reopenCount
        accepted_on_customers_word = c.acceptedOnCustomersWord
        seconds_by_department = c.timeByDepartment(until: now).mapValues { Int($0.rounded()) }
        events = c.events.map(Self.event)
        actions = c.actions.map {
            ActionDTO(
                kind: $0.kind.rawValue, cost_minor_units: $0.costMinorUnits, currency: $0.currency, note: $0.note,
                at: $0.at, by_id: $0.byID.rawValue)
        }
        updated_at = c.updatedAt
    }

    static func event(_ e: CaseEvent) -> EventDTO {
        var dto = EventDTO(at: e.at, by_id: e.byID?.rawValue, kind: "")
        switch e.kind {
        case .opened: dto.kind = "opened"
        case .handedOff(let department, let staff):
            dto.kind = "handed_off"
            dto.department = department
            dto.staff_id = staff?.rawValue
        case .transferred(_, let to, let reason):
            dto.kind = "transferred"
            dto.staff_id = to.rawValue
            dto.reason = reason
        case .action(let action):
            dto.kind = "action"
            dto.text = action.kind.rawValue
        case .waitingStarted: dto.kind = "waiting_started"
        case .waitingEnded: dto.kind = "waiting_ended"
        case .responded: dto.kind = "responded"
        case .resolved: dto.kind = "resolved"
        case .confirmed: dto.kind = "confirmed"
        case .reopened(let reason):
            dto.kind = "reopened"
            dto.reason = reason
        case .note(let text):
            dto.kind = "note"
            dto.text = text
        }
        return dto
    }
}
