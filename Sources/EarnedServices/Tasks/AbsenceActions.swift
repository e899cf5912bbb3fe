import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

/// Absences: recording one hands the person's open work to the cover as soon as it starts;
/// ending one (on its date, or early) hands back what the cover still holds of it. A scheduler
/// pass settles whatever fell due meanwhile, so a stopped scheduler catches up.
package enum AbsenceActions {
    @discardableResult
    package static func record(_ draft: AbsenceDraft, actor: Staff, in context: ServiceContext) async throws
        -> Absence
    {
        try await context.db.transaction { db in
            // Under the cover lock, as the scheduler creates tasks (see `CoverLock`).
            try await CoverLock.take(db, outer: true)
            let absence = try await AbsenceRepository(db: db).create(draft, actor: actor, now: context.now)
            return try await settle(absence, now: context.now, on: db)
        }
    }

    /// The person is back early: the absence ends now and their work comes back.
    @discardableResult
    package static func end(_ id: AbsenceID, actor: Staff, in context: ServiceContext) async throws -> Absence {
        try await context.db.transaction { db in
            try await CoverLock.take(db, outer: true)
            let repo = AbsenceRepository(db: db)
            var absence = try await repo.get(id, actor: actor)
            try absence.end(at: context.now)
            try await repo.save(absence, actor: actor, summary: "ended early", now: context.now)
            return try await settle(absence, now: context.now, on: db)
        }
    }

    /// Hands over or back what is due for every absence: the scheduler's step.
    package static func settleDue(now: Date, on db: any Database) async throws -> Int {
        var moved = 0
        for absence in try await AbsenceRepository(db: db).due(now: now) {
            let settled = try await db.transaction { db in
                try await CoverLock.take(db, outer: true)
                return try await settle(absence, now: now, on: db)
            }
            moved += settled.handed.count
        }
        return moved
    }

    /// One absence brought up to date at `now`.
    static func settle(_ absence: Absence, now: Date, on db: any Database) async throws -> Absence {
        var a = absence
        let staff = StaffRepository(db: db)
        // The changes are recorded as the manager's who recorded the absence (or, if they left,
        // the owner's): the audit trail says who decided the work moves.
        var actor = try await staff.find(a.createdByID)
        if actor?.isActive != true { actor = try await staff.firstOwner() }
        guard let actor else { return a }
        let context = ServiceContext(db: db, now: now, currency: "")
        let repo = AbsenceRepository(db: db)
        if a.handedOverAt == nil, a.startsAt <= now, now < a.endsAt {
            var handed: [Absence.Work] = []
            for work in try await openWork(of: a.staffID, on: db) {
                if try await move(work, to: a.coverID, actor: actor, in: context) { handed.append(work) }
            }
            a.handed = handed
            a.handedOverAt = now
            try await repo.save(a, actor: actor, summary: "handed over", now: now)
        }
        if a.handedBackAt == nil, a.endsAt <= now {
            let held = Set(try await openWork(of: a.coverID, on: db))
            for work in a.handed where held.contains(work) {
                _ = try await move(work, to: a.staffID, actor: actor, in: context)
            }
            a.handedBackAt = now
            try await repo.save(a, actor: actor, summary: "handed back", now: now)
        }
        return a
    }

    /// The open work a person holds: tasks, open promises, unresolved contacts they answer,
    /// active cases they hold.
    static func openWork(of person: StaffID, on db: any Database) async throws -> [Absence.Work] {
        var work: [Absence.Work] = []
        work += try await TaskRepository(db: db).open(assignee: person, limit: 5000).map {
            .init(kind: .task, id: $0.id.rawValue)
        }
        work += try await PromiseRepository(db: db).open(owner: person, limit: 5000).map {
            .init(kind: .promise, id: $0.id.rawValue)
        }
        work += try await ContactRepository(db: db).unresolved(locations: nil, owner: person, limit: 5000).map {
            .init(kind: .contact, id: $0.id.rawValue)
        }
        work += try await CaseRepository(db: db).active(for: person).filter { $0.holder.staffID == person }.map {
            .init(kind: .serviceCase, id: $0.id.rawValue)
        }
        return work
    }

    /// Moves one piece; work the other person may not take (another location) stays where it
    /// is, and so does work closed meanwhile.
    static func move(_ work: Absence.Work, to person: StaffID, actor: Staff, in context: ServiceContext) async throws
        -> Bool
    {
        do {
            try await WorkActions.reassign(work, to: person, actor: actor, in: context)
            return true
        } catch DomainError.invalid, DomainError.conflict, DomainError.notFound {
            return false
        }
    }
}
