import EarnedDomain
import Foundation

struct ContactDTO: APIObject {
    var id: UUID
    var channel: String
    var priority: String
    var status: String
    var customer_id: UUID?
    var location_id: UUID
    var received_at: Date
    var subject: String
    var body: String?
    var from_address: String?
    var owner_id: UUID?
    var first_response_at: Date?
    var resolved_at: Date?
    var case_id: UUID?
    var external_id: String?
    var first_response_due_at: Date?
    var resolution_due_at: Date?
    var first_response_state: String?
    var resolution_state: String?
    var created_at: Date
    var updated_at: Date

    init(_ c: InboundContact, clock: ReplyClock.Result?) {
        id = c.id.rawValue
        channel = c.channel.rawValue
        priority = c.priority.rawValue
        status = c.status.rawValue
        customer_id = c.customerID?.rawValue
        location_id = c.locationID.rawValue
        received_at = c.receivedAt
        subject = c.subject
        body = c.body
        from_address = c.fromAddress
        owner_id = c.ownerID?.rawValue
        first_response_at = c.firstResponseAt
        resolved_at = c.resolvedAt
        case_id = c.caseID?.rawValue
        external_id = c.externalID
        first_response_due_at = clock?.firstResponse.dueAt
        resolution_due_at = clock?.resolution.dueAt
        first_response_state = clock?.firstResponse.state.rawValue
        resolution_state = clock?.resolution.state.rawValue
        created_at = c.createdAt
        updated_at = c.updatedAt
    }
}
