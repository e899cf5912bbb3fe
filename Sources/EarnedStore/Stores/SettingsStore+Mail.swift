import EarnedDomain
import FluentKit
import Foundation

extension SettingsStore {
    public static let mailKey = "mail"

    /// The e-mail accounts the business sends from; none until the owner sets one up.
    public func mail() async throws -> MailSettings {
        try await document(Self.mailKey) ?? .none
    }

    /// Sets the outgoing server of the business (`location` nil) or of one location (owner
    /// only), reporting every bad field; a new password is sealed with `seal` (its text and
    /// the scope's `OutgoingMailServer.sealContext`) before it is stored.
    @discardableResult
    public func changeOutgoingMail(
        _ draft: OutgoingMailServerDraft, location: LocationID?, actor: Staff, now: Date,
        seal: (_ secret: String, _ context: String) throws -> String
    ) async throws -> OutgoingMailServer {
        try Policy.require(actor, .manageIntegrations)
        if let location, try await LocationRecord.find(location.rawValue, on: db) == nil {
            throw DomainError.invalid([FieldError(field: "location_id", code: .unknownReference)])
        }
        let settings = try await mail()
        let context = OutgoingMailServer.sealContext(location: location)
        let server = try draft.validated(existing: settings.account(exactly: location)?.outgoing) {
            try seal($0, context)
        }
        try await store(
            settings.replacing(.init(locationID: location, outgoing: server)), under: Self.mailKey, actor: actor,
            now: now)
        return server
    }

    /// Removes the outgoing server of the business or of one location (owner only): its mail
    /// waits, then goes by the business's server or, with none, fails after its retries.
    public func removeOutgoingMail(location: LocationID?, actor: Staff, now: Date) async throws {
        try Policy.require(actor, .manageIntegrations)
        let settings = try await mail()
        guard settings.account(exactly: location)?.outgoing != nil else { return }
        try await store(
            settings.replacing(.init(locationID: location, outgoing: nil)), under: Self.mailKey, actor: actor, now: now)
    }
}
