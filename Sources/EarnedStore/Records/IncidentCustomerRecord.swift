import EarnedDomain
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

extension IncidentCustomerRecord {
    /// The affected customers of a new incident, 500 rows a statement rather than one each.
    static func insert(incident: UUID, customers: [CustomerID], on db: any Database) async throws {
        for start in stride(from: 0, to: customers.count, by: 500) {
            let batch = customers[start..<min(start + 500, customers.count)]
            try await batch.map { IncidentCustomerRecord(incidentID: incident, customerID: $0.rawValue) }.create(on: db)
        }
    }
}
