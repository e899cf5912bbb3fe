import EarnedDomain
import FluentKit
import Foundation

extension SettingsStore {
    public static let securityKey = "security"

    public func security() async throws -> SecuritySettings {
        try await document(Self.securityKey) ?? .standard
    }

    /// Changes the sign-in rules (owner only).
    public func changeSecurity(_ settings: SecuritySettings, actor: Staff, now: Date) async throws {
        try Policy.require(actor, .manageStaff)
        try await store(settings, under: Self.securityKey, actor: actor, now: now)
    }
}
