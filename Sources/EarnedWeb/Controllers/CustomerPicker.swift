import EarnedDomain
import EarnedStore
import Vapor

/// The customer a form names: an id, an external id, or a name, phone or e-mail that matches
/// exactly one customer the viewer may see. Several matches are named so the person can add a
/// detail (a phone) and send again.
enum CustomerPicker {
    static func resolve(_ text: String?, req: Request, actor: Staff, required: Bool, field: String = "customer_id")
        async throws -> CustomerID?
    {
        let text = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            if required { throw DomainError.invalid([FieldError(field: field, code: .required)]) }
            return nil
        }
        if let found = try await req.customers.resolve(references: [text]).found.first {
            return found
        }
        let matches = try await req.customers.list(CustomerQuery(search: text, limit: 6), actor: actor).items
        switch matches.count {
        case 1: return matches[0].id
        case 0:
            throw DomainError.invalid([
                FieldError(field: field, code: .unknownReference, detail: "no customer matches '\(text)'")
            ])
        default:
            let names = matches.prefix(5).map { c in ([c.name] + c.phones.prefix(1)).joined(separator: " ") }
            throw DomainError.invalid([
                FieldError(
                    field: field, code: .inconsistent,
                    detail: req.strings.severalCustomers + ": " + names.joined(separator: "; "))
            ])
        }
    }

    /// The same, for a form that reports every bad field at once: a refusal joins `errors`.
    static func resolve(
        _ text: String?, req: Request, actor: Staff, required: Bool, collecting errors: inout [FieldError]
    ) async throws -> CustomerID? {
        do {
            return try await resolve(text, req: req, actor: actor, required: required)
        } catch let error as DomainError {
            guard case .invalid(let fields) = error else { throw error }
            errors += fields
            return nil
        }
    }
}
