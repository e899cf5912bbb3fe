import EarnedDomain
import FluentKit
import Foundation

final class ServiceCaseRecord: Model, @unchecked Sendable {
    static let schema = "service_cases"

    @ID(key: .id) var id: UUID?
    @Field(key: "customer_id") var customerID: UUID
    @OptionalField(key: "location_id") var locationID: UUID?
    @Field(key: "owner_id") var ownerID: UUID
    @OptionalField(key: "holder_id") var holderID: UUID?
    @OptionalField(key: "holder_department") var holderDepartment: String?
    @Field(key: "status") var status: String
    @Field(key: "priority") var priority: String
    @Field(key: "source") var source: String
    @OptionalField(key: "link_id") var linkID: UUID?
    @Field(key: "opened_at") var openedAt: Date
    @Field(key: "document") var document: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ c: ServiceCase) throws {
        id = c.id.rawValue
        try apply(c)
    }

    func apply(_ c: ServiceCase) throws {
        customerID = c.customerID.rawValue
        locationID = c.locationID?.rawValue
        ownerID = c.ownerID.rawValue
        holderID = c.holder.staffID?.rawValue
        holderDepartment = c.holder.department
        status = c.status.rawValue
        priority = c.priority.rawValue
        source = c.source.rawValue
        linkID = c.link
        openedAt = c.openedAt
        document = try DocumentCoding.string(c)
        updatedAt = c.updatedAt
    }

    func domain() throws -> ServiceCase { try DocumentCoding.decode(ServiceCase.self, document) }
}
