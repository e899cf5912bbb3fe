import EarnedDomain
import EarnedStore
import Vapor

/// Two customer cards proposed as one person, with the reasons and each card's orders.
struct DuplicatePairDTO: APIObject {
    var first: CustomerDTO
    var second: CustomerDTO
    var reasons: [String]
    var first_order_count: Int
    var second_order_count: Int

    init(_ pair: DuplicatePair) {
        first = CustomerDTO(pair.first)
        second = CustomerDTO(pair.second)
        reasons = pair.reasons.map(\.rawValue)
        first_order_count = pair.firstOrders
        second_order_count = pair.secondOrders
    }
}

/// "Not the same person": the two customers' ids, in any order.
struct DuplicateDismissalInput: Content {
    var first_id: String?
    var second_id: String?

    /// Both ids, or every field that is missing or not an id.
    func ids() throws -> (CustomerID, CustomerID) {
        var errors: [FieldError] = []
        func parse(_ raw: String?, _ field: String) -> CustomerID? {
            guard let raw, !raw.isEmpty else {
                errors.append(FieldError(field: field, code: .required))
                return nil
            }
            guard let id = CustomerID(string: raw) else {
                errors.append(FieldError(field: field, code: .invalidFormat, detail: "a UUID"))
                return nil
            }
            return id
        }
        let first = parse(first_id, "first_id")
        let second = parse(second_id, "second_id")
        guard let first, let second else { throw DomainError.invalid(errors) }
        return (first, second)
    }
}

struct DuplicateDismissalDTO: APIObject {
    var first_id: UUID
    var second_id: UUID
    var dismissed_by_id: UUID?
    var dismissed_at: Date

    init(_ d: DuplicateDismissal) {
        first_id = d.firstID.rawValue
        second_id = d.secondID.rawValue
        dismissed_by_id = d.dismissedByID?.rawValue
        dismissed_at = d.dismissedAt
    }
}
