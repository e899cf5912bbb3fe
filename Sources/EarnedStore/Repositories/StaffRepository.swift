import EarnedDomain
import FluentKit
import Foundation

/// Staff accounts.
public struct StaffRepository: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    func load(_ records: [StaffRecord]) async throws -> [Staff] {
        let ids = records.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let links = try await StaffLocationRecord.query(on: db).filter(\.$staffID ~~ ids).all()
        let extra = Dictionary(grouping: links, by: \.staffID)
        return records.map {
            $0.domain(extraLocations: extra[$0.id!]?.map(\.locationID).sorted { $0.uuidString < $1.uuidString } ?? [])
        }
    }

    /// Everyone whose account is active, read once where many locations' managers are needed
    /// (`Policy.answerFor` over it gives each location's).
    public func active() async throws -> [Staff] {
        try await load(StaffRecord.query(on: db).filter(\.$isActive == true).all())
    }

    /// Who answers for a location (`Policy.answerFor(_:among:)`).
    public func managers(of location: LocationID?) async throws -> [Staff] {
        Policy.answerFor(location, among: try await load(StaffRecord.query(on: db).filter(\.$isActive == true).all()))
    }

    public func find(_ id: StaffID) async throws -> Staff? {
        guard let record = try await StaffRecord.find(id.rawValue, on: db) else { return nil }
        return try await load([record]).first
    }

    /// The account for an e-mail with its password hash, for signing in.
    public func credentials(email: String) async throws -> (staff: Staff, passwordHash: String?)? {
        let normal = ContactNormalizer.email(email) ?? email.lowercased()
        guard let record = try await StaffRecord.query(on: db).filter(\.$email == normal).first() else { return nil }
        guard let staff = try await load([record]).first else { return nil }
        return (staff, record.passwordHash)
    }

    /// Everyone `actor` may see: the owner sees all; others see the people of their locations.
    public func list(actor: Staff) async throws -> [Staff] {
        let all = try await load(StaffRecord.query(on: db).sort(\.$name).all())
        guard let visible = actor.visibleLocationIDs else { return all }
        return all.filter { staff in
            staff.id == actor.id || staff.homeLocationID.map { visible.contains($0) } == true
        }
    }

    public func get(_ id: StaffID, actor: Staff) async throws -> Staff {
        guard let staff = try await find(id),
            Policy.maySee(actor, colleague: staff)
        else { throw DomainError.notFound("staff") }
        return staff
    }

    /// Creates an account; `actor` nil only for the first owner from the command line.
    public func create(
        _ draft: StaffDraft, passwordHash: String?, actor: Staff?, now: Date, id: StaffID = StaffID()
    ) async throws -> Staff {
        if let actor { try Policy.require(actor, .manageStaff) }
        let staff = try draft.validated(id: id, now: now)
        try await checkReferences(staff)
        if try await StaffRecord.query(on: db).filter(\.$email == staff.email).first() != nil {
            throw DomainError.invalid([FieldError(field: "email", code: .duplicate, detail: "another account")])
        }
        try await db.transaction { db in
            let record = StaffRecord(staff)
            record.passwordHash = passwordHash
            try await record.create(on: db)
            for location in Set(staff.extraLocationIDs) {
                try await StaffLocationRecord(staffID: staff.id.rawValue, locationID: location.rawValue).create(on: db)
            }
            try await AuditLog(db: db).record(
                .created, "staff", staff.id.rawValue, by: actor, summary: "account created (\(staff.role.rawValue))",
                at: now)
        }
        return staff
    }

    public func update(
        _ id: StaffID, _ draft: StaffDraft, passwordHash: String? = nil, actor: Staff, now: Date
    ) async throws -> Staff {
        try Policy.require(actor, .manageStaff)
        guard let record = try await StaffRecord.find(id.rawValue, on: db),
            let existing = try await load([record]).first
        else { throw DomainError.notFound("staff") }
        let staff = try draft.validated(id: id, now: now, existing: existing)
        try await checkReferences(staff)
        if staff.email != existing.email,
            try await StaffRecord.query(on: db).filter(\.$email == staff.email).first() != nil
        {
            throw DomainError.invalid([FieldError(field: "email", code: .duplicate, detail: "another account")])
        }
        if existing.id == actor.id, staff.role != .owner || !staff.isActive {
            throw DomainError.invalid([
                FieldError(field: "role", code: .inconsistent, detail: "you cannot demote or deactivate yourself")
            ])
        }
        try await db.transaction { db in
            record.apply(staff)
            if let passwordHash { record.passwordHash = passwordHash }
            try await record.update(on: db)
            try await StaffLocationRecord.query(on: db).filter(\.$staffID == id.rawValue).delete()
            for location in Set(staff.extraLocationIDs) {
                try await StaffLocationRecord(staffID: id.rawValue, locationID: location.rawValue).create(on: db)
            }
            if !staff.isActive { try await SessionRecord.query(on: db).filter(\.$staffID == id.rawValue).delete() }
            try await AuditLog(db: db).record(
                .updated, "staff", id.rawValue, by: actor, summary: "account changed", at: now)
        }
        return staff
    }

    public func setPassword(_ id: StaffID, passwordHash: String) async throws {
        guard let record = try await StaffRecord.find(id.rawValue, on: db) else { throw DomainError.notFound("staff") }
        record.passwordHash = passwordHash
        try await record.update(on: db)
    }

    public func count() async throws -> Int { try await StaffRecord.query(on: db).count() }

    func checkReferences(_ staff: Staff) async throws {
        var v = Validator()
        let known = Set(try await LocationRecord.query(on: db).all().compactMap(\.id))
        if let home = staff.homeLocationID, !known.contains(home.rawValue) {
            v.add("home_location_id", .unknownReference)
        }
        for (index, id) in staff.extraLocationIDs.enumerated() where !known.contains(id.rawValue) {
            v.add("extra_location_ids.\(index)", .unknownReference)
        }
        try v.check()
    }
}

extension StaffRepository {
    /// The earliest active owner, who acts for command-line imports and exports.
    public func firstOwner() async throws -> Staff? {
        guard
            let record = try await StaffRecord.query(on: db).filter(\.$role == Role.owner.rawValue)
                .filter(\.$isActive == true).sort(\.$createdAt).first()
        else { return nil }
        return try await load([record]).first
    }

    /// The accounts with these ids, for telling people of their work.
    public func byIDs(_ ids: [StaffID]) async throws -> [StaffID: Staff] {
        guard !ids.isEmpty else { return [:] }
        let people = try await load(try await StaffRecord.query(on: db).filter(\.$id ~~ ids.map(\.rawValue)).all())
        return Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Every account, active or not, for analyses that attribute records to people and teams.
    public func all() async throws -> [Staff] {
        try await load(try await StaffRecord.query(on: db).sort(\.$name).all())
    }
}
