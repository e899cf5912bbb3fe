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
        case signedIn = "signed_in"
        case signInFailed = "sign_in_failed"
        case signedOut = "signed_out"
        case passwordChanged = "password_changed"
        case passwordResetLinkCreated = "password_reset_link_created"
        case passwordReset = "password_reset"
        case twoFactorEnabled = "two_factor_enabled"
        case twoFactorDisabled = "two_factor_disabled"
        case recoveryCodeUsed = "recovery_code_used"
    }

    public var id: AuditEntryID
    public var actorID: StaffID?
    public var action: Action
    /// "customer", "order", "location", "staff", "api_token"; sign-in events name "staff".
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
