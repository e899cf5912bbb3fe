import EarnedDomain
import FluentKit
import Foundation

/// Locations: read by everyone, changed by the owner.
public struct LocationRepository: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    public func all() async throws -> [Location] {
        try await LocationRecord.query(on: db).sort(\.$name).all().map(\.domain)
    }

    /// The business's default time zone: its first location's (an import reads there the
    /// times of lines with neither a store nor an importer's home location); UTC without one.
    public func businessZone() async throws -> TimeZone {
        let first = try await LocationRecord.query(on: db).sort(\.$createdAt).sort(\.$name).first()
        return first.flatMap { TimeZone(identifier: $0.timeZone) } ?? .gmt
    }

    /// The locations `actor` may see.
    public func visible(to actor: Staff) async throws -> [Location] {
        try await all().filter { actor.canSee(location: $0.id) }
    }

    public func find(_ id: LocationID) async throws -> Location? {
        try await LocationRecord.find(id.rawValue, on: db)?.domain
    }

    public func get(_ id: LocationID, actor: Staff) async throws -> Location {
        guard let location = try await find(id), actor.canSee(location: id) else {
            throw DomainError.notFound("location")
        }
        return location
    }

    public func create(_ draft: LocationDraft, actor: Staff, now: Date, id: LocationID = LocationID()) async throws
        -> Location
    {
        try Policy.require(actor, .manageLocations)
        let location = try draft.validated(id: id, now: now)
        try await db.transaction { db in
            try await LocationRecord(location).create(on: db)
            try await AuditLog(db: db).record(
                .created, "location", location.id.rawValue, by: actor, summary: "location created", at: now)
        }
        return location
    }

    public func update(_ id: LocationID, _ draft: LocationDraft, actor: Staff, now: Date) async throws -> Location {
        try Policy.require(actor, .manageLocations)
        guard let record = try await LocationRecord.find(id.rawValue, on: db) else {
            throw DomainError.notFound("location")
        }
        let location = try draft.validated(id: id, now: now, existing: record.domain)
        try await db.transaction { db in
            record.apply(location)
            try await record.update(on: db)
            try await AuditLog(db: db).record(
                .updated, "location", id.rawValue, by: actor, summary: "location changed", at: now)
        }
        return location
    }

    /// Inserts locations as they are (the demo business and tests), without an actor.
    public func insert(_ locations: [Location]) async throws {
        for location in locations { try await LocationRecord(location).create(on: db) }
    }
}
