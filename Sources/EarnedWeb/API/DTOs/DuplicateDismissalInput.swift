import EarnedDomain
import Vapor

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
