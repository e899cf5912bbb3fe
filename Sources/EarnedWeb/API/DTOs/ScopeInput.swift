import EarnedDomain
import Vapor

struct ScopeInput: Content {
    var kind: String?
    var text: String?
    var from: Date?
    var to: Date?
    var location_id: UUID?
    var customer_ids: [UUID]?

    var scope: Incident.Scope {
        get throws {
            switch kind {
            case "product": return .product(text: text ?? "", from: from, to: to)
            case "date_range":
                guard let from, let to else {
                    throw DomainError.invalid([
                        FieldError(field: from == nil ? "scope.from" : "scope.to", code: .required)
                    ])
                }
                return .dateRange(from: from, to: to)
            case "location":
                guard let location_id else {
                    throw DomainError.invalid([FieldError(field: "scope.location_id", code: .required)])
                }
                return .location(id: LocationID(location_id), from: from, to: to)
            case "customers": return .customers(ids: (customer_ids ?? []).map(CustomerID.init))
            default:
                throw DomainError.invalid([
                    FieldError(
                        field: "scope.kind", code: kind == nil ? .required : .invalidChoice,
                        detail: "product, date_range, location or customers")
                ])
            }
        }
    }
}
