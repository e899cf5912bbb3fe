import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

/// The steps of an inbound contact's rules, the same from a page and from the API, and the
/// reply clocks its targets are counted by.
package enum ContactActions {
    /// The reply clock of each location: its business hours and the owner's reply targets.
    package static func clocks(_ locations: [Location], on db: any Database) async throws -> [LocationID: ReplyClock] {
        clocks(locations, rules: try await SettingsStore(db: db).service())
    }

    /// The same, from rules the caller has read already.
    package static func clocks(_ locations: [Location], rules: ServiceRules) -> [LocationID: ReplyClock] {
        Dictionary(uniqueKeysWithValues: locations.map { ($0.id, rules.replyClock(for: $0)) })
    }

    /// One step of a contact's rules. "case" opens a case for the contact's customer, owned by
    /// the actor, and links it; a contact already linked to a case is returned as it is.
    package static func apply(
        _ action: String, to id: ContactID, actor: Staff, in context: ServiceContext, staffID: StaffID? = nil
    ) async throws -> InboundContact {
        let now = context.now
        let contacts = ContactRepository(db: context.db)
        // "assign": to a colleague (`WorkActions.reassign`); "take" is assigning to oneself.
        if action == "assign" {
            guard let staffID else { throw DomainError.invalid([FieldError(field: "staff_id", code: .required)]) }
            try await WorkActions.reassign(
                .init(kind: .contact, id: id.rawValue), to: staffID, actor: actor, in: context)
            return try await contacts.get(id, actor: actor)
        }
        if action == "case" {
            let contact = try await contacts.get(id, actor: actor)
            guard contact.caseID == nil else { return contact }
            guard let customer = contact.customerID else {
                throw DomainError.invalid([FieldError(field: "customer_id", code: .required)])
            }
            let opened = try await CaseRepository(db: context.db).open(
                ServiceCaseDraft(
                    customerID: customer, locationID: contact.locationID, title: contact.subject,
                    detail: contact.body, source: .contact, link: contact.id.rawValue, priority: contact.priority),
                actor: actor, now: now)
            return try await contacts.change(id, actor: actor, now: now, summary: "case") { c in
                c.caseID = opened.id
            }
        }
        return try await contacts.change(id, actor: actor, now: now, summary: action) {
            (c) throws(DomainError) in
            switch action {
            case "take": try c.assign(to: actor.id, at: now)
            case "respond": try c.respond(at: now, by: actor.id)
            case "wait": try c.startWaiting(at: now)
            case "resume": try c.endWaiting(at: now)
            case "resolve": try c.resolve(at: now, by: actor.id)
            case "reopen": try c.reopen(at: now)
            default: throw .invalid([FieldError(field: "action", code: .invalidChoice)])
            }
        }
    }
}
