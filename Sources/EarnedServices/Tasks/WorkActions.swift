import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

/// Work that moves with people: a task, promise, contact or case handed to a colleague, the
/// same from a page, the API and an absence. A case keeps its accountable owner: handing it on
/// changes who holds it (`ServiceCase.handOff`); only a transfer with a reason changes the owner.
package enum WorkActions {
    /// Hands one piece of work to `staffID`, an active colleague who works where the work is.
    /// The current holder may hand on their own work; a manager anyone's in their locations.
    package static func reassign(
        _ work: Absence.Work, to staffID: StaffID, actor: Staff, in context: ServiceContext
    ) async throws {
        let db = context.db
        let now = context.now
        switch work.kind {
        case .task:
            let repo = TaskRepository(db: db)
            let task = try await repo.get(ServiceTaskID(work.id), actor: actor)
            try await requireColleague(staffID, at: task.locationID, actor: actor, on: db)
            try await repo.change(task.id, actor: actor, now: now, summary: "reassigned") {
                (t) throws(DomainError) in try t.reassign(to: staffID, at: now)
            }
        case .promise:
            let repo = PromiseRepository(db: db)
            let promise = try await repo.get(PromiseID(work.id), actor: actor)
            try await requireColleague(staffID, at: promise.locationID, actor: actor, on: db)
            try await repo.change(promise.id, actor: actor, now: now, summary: "reassigned") {
                (p) throws(DomainError) in try p.reassign(to: staffID, at: now)
            }
        case .contact:
            let repo = ContactRepository(db: db)
            let contact = try await repo.get(ContactID(work.id), actor: actor)
            // A contact nobody answers yet anyone who sees it may give to a colleague.
            if contact.ownerID != nil, !Policy.mayChange(actor, workHeldBy: contact.ownerID) {
                throw DomainError.forbidden("only the person answering it, or a manager, may hand it on")
            }
            try await requireColleague(staffID, at: contact.locationID, actor: actor, on: db)
            _ = try await repo.change(contact.id, actor: actor, now: now, summary: "assigned") {
                (c) throws(DomainError) in try c.assign(to: staffID, at: now)
            }
        case .serviceCase:
            let repo = CaseRepository(db: db)
            let found = try await repo.get(CaseID(work.id), actor: actor)
            if !Policy.mayChange(actor, workHeldBy: found.ownerID, found.holder.staffID) {
                throw DomainError.forbidden("only the case's owner or holder, or a manager, may hand it on")
            }
            try await requireColleague(staffID, at: found.locationID, actor: actor, on: db)
            _ = try await repo.change(found.id, actor: actor, now: now, summary: "handoff") {
                (c) throws(DomainError) in
                try c.handOff(toDepartment: c.holder.department, staff: staffID, by: actor.id, at: now)
            }
        }
    }

    /// Refuses a person who is not an active colleague seeing the work's location.
    static func requireColleague(
        _ id: StaffID, at location: LocationID?, actor: Staff, on db: any Database, field: String = "staff_id"
    ) async throws {
        guard let person = try await StaffRepository(db: db).find(id), person.isActive,
            actor.canSee(location: person.homeLocationID) || person.canSee(location: location)
        else {
            throw DomainError.invalid([FieldError(field: field, code: .unknownReference)])
        }
        guard person.canSee(location: location) else {
            throw DomainError.invalid([
                FieldError(field: field, code: .outOfRange, detail: "does not work at this location")
            ])
        }
    }
}
