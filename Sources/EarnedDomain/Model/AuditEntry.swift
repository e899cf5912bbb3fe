import Foundation

public typealias AuditEntryID = Identifier<AuditEntry>

/// Who did what to which record, and when. Its summary names fields, never their personal
/// values, so an erasure leaves nothing personal behind in the log.
public struct AuditEntry: Hashable, Codable, Sendable, Identifiable {
    public enum Action: String, Codable, Sendable, CaseIterable {
        case created
        case updated
        case merged
        case erased
        case deleted
        case imported
        case revoked
        /// A customer's data given out whole, on their access request.
        case exported
    }

    public var id: AuditEntryID
    public var actorID: StaffID?
    public var action: Action
    /// "customer", "order", "location", "staff", "api_token".
    public var entity: String
    public var entityID: UUID
    public var summary: String
    public var at: Date

    public init(
        id: AuditEntryID = AuditEntryID(), actorID: StaffID?, action: Action, entity: String, entityID: UUID,
        summary: String, at: Date
    ) {
        self.id = id
        self.actorID = actorID
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.summary = summary
        self.at = at
    }
}
