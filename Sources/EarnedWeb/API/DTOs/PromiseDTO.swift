import EarnedDomain
import Foundation

/// A promise as the API writes it.
struct PromiseDTO: APIObject {
    struct RenegotiationDTO: APIObject {
        var at: Date
        var from_due_at: Date
        var to_due_at: Date
        var customer_told_via: String?
        var note: String?
    }

    var id: UUID
    var customer_id: UUID
    var kind: String
    var text: String
    var owner_id: UUID
    var location_id: UUID?
    var link_kind: String?
    var link_id: UUID?
    var original_due_at: Date
    var due_at: Date
    var outcome: String
    var kept_at: Date?
    var broken_at: Date?
    var broken_reason: String?
    var renegotiations: [RenegotiationDTO]
    var created_at: Date
    var updated_at: Date

    init(_ p: Promise, now: Date) {
        id = p.id.rawValue
        customer_id = p.customerID.rawValue
        kind = p.kind.rawValue
        text = p.text
        owner_id = p.ownerID.rawValue
        location_id = p.locationID?.rawValue
        link_kind = p.link?.kind.rawValue
        link_id = p.link?.id
        original_due_at = p.originalDueAt
        due_at = p.dueAt
        outcome = p.outcome(at: now).rawValue
        kept_at = p.keptAt
        broken_at = p.brokenAt
        broken_reason = p.brokenReason
        renegotiations = p.renegotiations.map {
            RenegotiationDTO(
                at: $0.at, from_due_at: $0.fromDueAt, to_due_at: $0.toDueAt,
                customer_told_via: $0.customerToldVia?.rawValue, note: $0.note)
        }
        created_at = p.createdAt
        updated_at = p.updatedAt
    }
}
