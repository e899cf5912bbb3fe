import EarnedDomain
import FluentKit
import Foundation

/// Writes and reads the audit log.
public struct AuditLog: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    public func record(
        _ action: AuditEntry.Action, _ entity: String, _ entityID: UUID, by actor: Staff?, summary: String, at now: Date
    ) async throws {
        let entry = AuditEntry(
            actorID: actor?.id, action: action, entity: entity, entityID: entityID, summary: summary, at: now)
        try await AuditRecord(entry).create(on: db)
    }

    /// The newest entries first; only the owner may read the log.
    public func recent(by actor: Staff, limit: Int = 200, entityID: UUID? = nil) async throws -> [AuditEntry] {
        try Policy.require(actor, .viewAuditLog)
        let query = AuditRecord.query(on: db).sort(\.$at, .descending).limit(limit)
        if let entityID { query.filter(\.$entityID == entityID) }
        return try await query.all().map(\.domain)
    }
}
