import EarnedDomain
import Foundation

struct ScopeDTO: APIObject {
    var kind: String
    var text: String?
    var from: Date?
    var to: Date?
    var location_id: UUID?
    var customer_ids: [UUID]

    init(_ scope: Incident.Scope) {
        customer_ids = []
        switch scope {
        case .product(let text, let from, let to):
            kind = "product"
            self.text = text
            self.from = from
            self.to = to
        case .dateRange(let from, let to):
            kind = "date_range"
            self.from = from
            self.to = to
        case .location(let id, let from, let to):
            kind = "location"
            location_id = id.rawValue
            self.from = from
            self.to = to
        case .customers(let ids):
            kind = "customers"
            customer_ids = ids.map(\.rawValue)
        }
    }
}
