import EarnedDomain
import FluentKit
import Foundation

/// A row that holds a domain value as a JSON document beside the columns lists filter on.
protocol DocumentRecord: Model where IDValue == UUID {
    associatedtype Value
    func apply(_ value: Value) throws
    func domain() throws -> Value
}

extension DocumentRecord {
    /// The value stored under `id`; `notFound(entity)` when there is none.
    static func value(_ id: UUID, entity: String, on db: any Database) async throws -> Value {
        guard let record = try await find(id, on: db) else { throw DomainError.notFound(entity) }
        return try record.domain()
    }

    /// Writes a changed value over its row and records the change in the audit log.
    static func overwrite(
        _ id: UUID, with value: Value, entity: String, by actor: Staff, summary: String, at now: Date,
        on db: any Database
    ) async throws {
        guard let record = try await find(id, on: db) else { throw DomainError.notFound(entity) }
        try record.apply(value)
        try await record.update(on: db)
        try await AuditLog(db: db).record(.updated, entity, id, by: actor, summary: summary, at: now)
    }
}

extension PromiseRecord: DocumentRecord {}
extension ServiceCaseRecord: DocumentRecord {}
extension InboundContactRecord: DocumentRecord {}
extension IncidentRecord: DocumentRecord {}
