import EarnedDomain
import FluentKit
import Foundation

final class PromiseRecord: Model, @unchecked Sendable {
    static let schema = "promises"

    @ID(key: .id) var id: UUID?
    @Field(key: "customer_id") var customerID: UUID
    @Field(key: "owner_id") var ownerID: UUID
    @OptionalField(key: "location_id") var locationID: UUID?
    @Field(key: "kind") var kind: String
    /// open, kept or broken.
    @Field(key: "status") var status: String
    @Field(key: "due_at") var dueAt: Date
    @Field(key: "due_in_force_at") var dueInForceAt: Date
    @OptionalField(key: "closed_at") var closedAt: Date?
    /// Whether a renegotiation in time moved the due time in force (nil only before 0028 filled it).
    @OptionalField(key: "renegotiated_in_time") var renegotiatedInTime: Bool?
    @OptionalField(key: "link_id") var linkID: UUID?
    @Field(key: "document") var document: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    /// Every value of the `status` column.
    static let statuses = ["open", "kept", "broken"]

    init(_ promise: Promise) throws {
        id = promise.id.rawValue
        try apply(promise)
    }

    func apply(_ p: Promise) throws {
        customerID = p.customerID.rawValue
        ownerID = p.ownerID.rawValue
        locationID = p.locationID?.rawValue
        kind = p.kind.rawValue
        status = p.keptAt != nil ? "kept" : p.brokenAt != nil ? "broken" : "open"
        dueAt = p.dueAt
        dueInForceAt = p.dueInForce
        closedAt = p.keptAt ?? p.brokenAt
        renegotiatedInTime = p.wasRenegotiatedInTime
        linkID = p.link?.id
        document = try DocumentCoding.string(p)
        createdAt = p.createdAt
        updatedAt = p.updatedAt
    }

    func domain() throws -> Promise { try DocumentCoding.decode(Promise.self, document) }
}
