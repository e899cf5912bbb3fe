import EarnedDomain
import FluentKit
import Foundation

final class AuditRecord: Model, @unchecked Sendable {
    static let schema = "audit_log"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "action") var action: String
    @Field(key: "entity") var entity: String
    @Field(key: "entity_id") var entityID: UUID
    @Field(key: "summary") var summary: String
    @Field(key: "at") var at: Date

    init() {}

    init(_ entry: AuditEntry) {
        id = entry.id.rawValue
        actorID = entry.actorID?.rawValue
        action = entry.action.rawValue
        entity = entry.entity
        entityID = entry.entityID
        summary = entry.summary
        at = entry.at
    }

    var domain: AuditEntry {
        AuditEntry(
            id: AuditEntryID(id!), actorID: actorID.map(StaffID.init),
            action: AuditEntry.Action(rawValue: action) ?? .updated, entity: entity, entityID: entityID,
            summary: summary, at: at)
    }
}
