import EarnedStore
import Foundation

struct IncidentDTO: APIObject {
    struct AffectedDTO: APIObject {
        var customer_id: UUID
        var told_at: Date?
        var first_inbound_at: Date?
        var outcome: String
    }

    var id: UUID
    var title: String
    var detail: String?
    var found_at: Date
    var reported_by_id: UUID
    var location_id: UUID?
    var scope: ScopeDTO
    var closed_at: Date?
    var affected: Int
    var told_first: Int
    var they_contacted_first: Int
    var pending: Int
    var customers: [AffectedDTO]
    var created_at: Date

    init(_ r: IncidentRepository.Report) {
        id = r.incident.id.rawValue
        title = r.incident.title
        detail = r.incident.detail
        found_at = r.incident.foundAt
        reported_by_id = r.incident.reportedByID.rawValue
        location_id = r.incident.locationID?.rawValue
        scope = ScopeDTO(r.incident.scope)
        closed_at = r.incident.closedAt
        affected = r.figure.affected
        told_first = r.figure.toldFirst
        they_contacted_first = r.figure.theyContactedFirst
        pending = r.figure.pending
        customers = r.affected.map {
            AffectedDTO(
                customer_id: $0.customerID.rawValue, told_at: $0.result.toldAt,
                first_inbound_at: $0.result.firstInboundAt, outcome: $0.outcome.rawValue)
        }
        created_at = r.incident.createdAt
    }
}
