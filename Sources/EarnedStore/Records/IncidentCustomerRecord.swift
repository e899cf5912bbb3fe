import FluentKit
import Foundation

/// One affected customer of an incident, and when the business told them.
final class IncidentCustomerRecord: Model, @unchecked Sendable {
    static let schema = "incident_customers"

    @ID(key: .id) var id: UUID?
    @Field(key: "incident_id") var incidentID: UUID
    @Field(key: "customer_id") var customerID: UUID
    @OptionalField(key: "told_at") var toldAt: Date?

    init() {}

    init(incidentID: UUID, customerID: UUID) {
        id = UUID()
        self.incidentID = incidentID
        self.customerID = customerID
    }
}
