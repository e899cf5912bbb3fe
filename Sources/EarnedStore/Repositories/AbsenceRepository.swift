import EarnedDomain
import FluentKit
import Foundation

/// Absences: recorded by a manager for the people of their locations, listed, ended early, and
/// read by the scheduler to hand work over and back.
public struct AbsenceRepository: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    /// Records an absence. A manager records them for the people of their locations; the
    /// person away and the cover must both be active staff the actor sees.
    public func create(_ draft: AbsenceDraft, actor: Staff, now: Date, id: AbsenceID = AbsenceID()) async throws
        -> Absence
    {
        try Policy.require(actor, .changeOthersWork)
        let absence = try draft.validated(id: id, by: actor.id, now: now)
        var v = Validator()
        let staff = StaffRepository(db: db)
        for (field, person) in [("staff_id", absence.staffID), ("cover_id", absence.coverID)] {
            guard let found = try? await staff.get(person, actor: actor), found.isActive else {
                v.add(field, .unknownReference)
                continue
            }
            if !actor.canSee(location: found.homeLocationID) {
                v.add(field, .outOfRange, detail: "not one of your people")
            }
        }
        try v.check()
        try await db.transaction { db in
            try await AbsenceRecord(absence).create(on: db)
            try await AuditLog(db: db).record(
                .created, "absence", absence.id.rawValue, by: actor, summary: "absence recorded", at: now)
        }
        return absence
    }

    /// Absences not yet over (ongoing or ahead), of people the actor sees, soonest first.
    public func current(actor: Staff, now: Date) async throws -> [Absence] {
        let records = try await AbsenceRecord.query(on: db).filter(\.$endsAt > now).filter(\.$handedBackAt == nil)
            .sort(\.$startsAt).limit(500).all()
        let staff = try await StaffRepository(db: db).list(actor: actor)
        let visible = Set(staff.map(\.id))
        return try records.map { try $0.domain() }.filter { visible.contains($0.staffID) }
    }

    public func get(_ id: AbsenceID, actor: Staff) async throws -> Absence {
        let absence = try await AbsenceRecord.value(id.rawValue, entity: "absence", on: db)
        guard Policy.may(actor, .changeOthersWork),
            try await StaffRepository(db: db).list(actor: actor).contains(where: { $0.id == absence.staffID })
        else { throw DomainError.notFound("absence") }
        return absence
    }

    /// Absences whose work should go over now (started, not yet handed) or come back (ended,
    /// not yet returned): what a scheduler pass, or recording one, acts on.
    public func due(now: Date) async throws -> [Absence] {
        try await AbsenceRecord.query(on: db).filter(\.$handedBackAt == nil)
            .group(.or) { group in
                group.group(.and) { $0.filter(\.$startsAt <= now).filter(\.$handedOverAt == nil) }
                group.filter(\.$endsAt <= now)
            }
            .sort(\.$startsAt).all().map { try $0.domain() }
    }

    /// Who covers whom right now: new work meant for someone away goes to their cover.
    public func covers(now: Date) async throws -> [StaffID: StaffID] {
        let records = try await AbsenceRecord.query(on: db).filter(\.$startsAt <= now).filter(\.$endsAt > now)
            .filter(\.$handedBackAt == nil).all()
        var covers: [StaffID: StaffID] = [:]
        for record in records { covers[StaffID(record.staffID)] = StaffID(record.coverID) }
        // A cover who is away too passes it on, once (no loops).
        for (person, cover) in covers { if let next = covers[cover], next != person { covers[person] = next } }
        return covers
    }

    /// Stores a changed absence (handed over, handed back, ended early), with an audit entry.
    public func save(_ absence: Absence, actor: Staff, summary: String, now: Date) async throws {
        try await AbsenceRecord.overwrite(
            absence.id.rawValue, with: absence, entity: "absence", by: actor, summary: summary, at: now, on: db)
    }
}
