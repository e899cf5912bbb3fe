import EarnedDomain
import FluentKit
import Foundation

final class InboundContactRecord: Model, @unchecked Sendable {
    static let schema = "inbound_contacts"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "customer_id") var customerID: UUID?
    @Field(key: "location_id") var locationID: UUID
    @OptionalField(key: "owner_id") var ownerID: UUID?
    @Field(key: "channel") var channel: String
    @Field(key: "priority") var priority: String
    @Field(key: "status") var status: String
    @Field(key: "received_at") var receivedAt: Date
    @OptionalField(key: "external_id") var externalID: String?
    @Field(key: "document") var document: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ c: InboundContact) throws {
        id = c.id.rawValue
        try apply(c)
    }

    func apply(_ c: InboundContact) throws {
        customerID = c.customerID?.rawValue
        locationID = c.locationID.rawValue
        ownerID = c.ownerID?.rawValue
        channel = c.channel.rawValue
        priority = c.priority.rawValue
        status = c.status.rawValue
        receivedAt = c.receivedAt
        externalID = c.externalID
        document = try DocumentCoding.string(c)
        updatedAt = c.updatedAt
    }

    func domain() throws -> InboundContact { try DocumentCoding.decode(InboundContact.self, document) }
}
