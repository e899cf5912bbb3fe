import EarnedDomain
import FluentKit
import Foundation

final class IncidentRecord: Model, @unchecked Sendable {
    static let schema = "incidents"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "location_id") var locationID: UUID?
    @Field(key: "found_at") var foundAt: Date
    @Field(key: "document") var document: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ incident: Incident) throws {
        id = incident.id.rawValue
        try apply(incident)
    }

    func apply(_ i: Incident) throws {
        locationID = i.locationID?.rawValue
        foundAt = i.foundAt
        document = try DocumentCoding.string(i)
        updatedAt = i.updatedAt
    }

    func domain() throws -> Incident { try DocumentCoding.decode(Incident.self, document) }
}
