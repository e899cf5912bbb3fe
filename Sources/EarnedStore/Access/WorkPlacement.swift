import EarnedDomain
import FluentKit
import Foundation

/// Where new work for a customer lands, and who may own it. The customer must be one the
/// actor may see; the location is the one given, else the customer's home, else the actor's,
/// and must be one of the actor's; an owner other than the actor must be an active colleague
/// who works there. Promises, cases and contacts are placed by this one rule.
enum WorkPlacement {
    static func location(
        customer: CustomerID?, location: LocationID?, owner: StaffID?, actor: Staff, on db: any Database
    ) async throws -> LocationID? {
        var references = References()
        references.add("location_id", .location, location?.rawValue)
        var unknown = try await references.unknown(actor: actor, on: db)
        var home: LocationID?
        if let customer {
            // Read once: both whether the id is known and where the customer lives.
            if let found = try await CustomerRepository(db: db).found(customer, actor: actor) {
                home = found.homeLocationID
            } else {
                unknown.insert(FieldError(field: "customer_id", code: .unknownReference), at: 0)
            }
        }
        if !unknown.isEmpty { throw DomainError.invalid(unknown) }
        let placed = location ?? home ?? actor.homeLocationID
        if let placed, !actor.canSee(location: placed) { throw DomainError.forbidden("not one of your locations") }
        if let owner, owner != actor.id {
            guard let colleague = try await StaffRepository(db: db).find(owner),
                Policy.mayBeResponsible(colleague, at: placed)
            else {
                throw DomainError.invalid([FieldError(field: "owner_id", code: .unknownReference)])
            }
        }
        return placed
    }
}
