import EarnedDomain
import Vapor

struct ContactInput: Content {
    var channel: InboundContact.Channel?
    var priority: Priority?
    var customer_id: UUID?
    var location_id: UUID?
    var received_at: Date?
    var subject: String?
    var body: String?
    var from_address: String?
    var owner_id: UUID?
    var first_response_at: Date?
    var resolved_at: Date?
    var external_id: String?

    var draft: InboundContactDraft {
        InboundContactDraft(
            channel: channel, priority: priority, customerID: customer_id.map(CustomerID.init),
            locationID: location_id.map(LocationID.init), receivedAt: received_at, subject: subject, body: body,
            fromAddress: from_address, ownerID: owner_id.map(StaffID.init), firstResponseAt: first_response_at,
            resolvedAt: resolved_at, externalID: external_id)
    }
}
