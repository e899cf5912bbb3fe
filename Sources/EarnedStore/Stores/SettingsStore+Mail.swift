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
        var account = settings.account(exactly: location) ?? .init(locationID: location, outgoing: nil)
        account.outgoing = server
        try await store(settings.replacing(account), under: Self.mailKey, actor: actor, now: now)
        return server
    }

    /// Removes the outgoing server of the business or of one location (owner only): its mail
    /// waits, then goes by the business's server or, with none, fails after its retries.
    public func removeOutgoingMail(location: LocationID?, actor: Staff, now: Date) async throws {
        try Policy.require(actor, .manageIntegrations)
        let settings = try await mail()
        guard var account = settings.account(exactly: location), account.outgoing != nil else { return }
        account.outgoing = nil
        try await store(settings.replacing(account), under: Self.mailKey, actor: actor, now: now)
    }

    /// Sets the mailbox Earned reads for the business or a location (owner only); a new
    /// password is sealed with `seal` for the scope's `IncomingMailServer.sealContext`.
    @discardableResult
    public func changeIncomingMail(
        _ draft: IncomingMailServerDraft, location: LocationID?, actor: Staff, now: Date,
        seal: (_ secret: String, _ context: String) throws -> String
    ) async throws -> IncomingMailServer {
        try Policy.require(actor, .manageIntegrations)
        if let location, try await LocationRecord.find(location.rawValue, on: db) == nil {
            throw DomainError.invalid([FieldError(field: "location_id", code: .unknownReference)])
        }
        let settings = try await mail()
        var account = settings.account(exactly: location) ?? .init(locationID: location, outgoing: nil)
        let context = IncomingMailServer.sealContext(location: location)
        let server = try draft.validated(existing: account.incoming) { try seal($0, context) }
        if account.incoming.map({ ($0.host, $0.username, $0.folder) }) ?? ("", "", "")
            != (server.host, server.username, server.folder)
        {
            // Another mailbox: Earned starts from where it stands now.
            try await MailboxStateRecord.query(on: db).filter(\.$scope == MailboxStateRecord.scope(location)).delete()
        }
        account.incoming = server
        try await store(settings.replacing(account), under: Self.mailKey, actor: actor, now: now)
        return server
    }

    /// Whether mail from an unknown address makes a new customer (owner only).
    public func changeMailNewCustomers(_ on: Bool, actor: Staff, now: Date) async throws {
        try Policy.require(actor, .manageIntegrations)
        var settings = try await mail()
        guard settings.newCustomers != on else { return }
        settings.newCustomers = on
        try await store(settings, under: Self.mailKey, actor: actor, now: now)
    }

    /// Stops reading the mailbox of the business or a location (owner only).
    public func removeIncomingMail(location: LocationID?, actor: Staff, now: Date) async throws {
        try Policy.require(actor, .manageIntegrations)
        let settings = try await mail()
        guard var account = settings.account(exactly: location), account.incoming != nil else { return }
        account.incoming = nil
        try await store(settings.replacing(account), under: Self.mailKey, actor: actor, now: now)
        try await MailboxStateRecord.query(on: db).filter(\.$scope == MailboxStateRecord.scope(location)).delete()
    }

    static func notificationsKey(_ staff: StaffID) -> String { "notifications:" + staff.description.lowercased() }

    /// A person's choices about notices by e-mail; the standard ones until they choose.
    public func notificationPreferences(of staff: StaffID) async throws -> NotificationPreferences {
        try await document(Self.notificationsKey(staff)) ?? .standard
    }

    /// Changes the actor's own choices.
    public func changeNotificationPreferences(_ preferences: NotificationPreferences, actor: Staff, now: Date)
        async throws
    {
        var v = Validator()
        let hours = preferences.hours
        if !(0...(24 * 60)).contains(hours.sendFrom) { v.add("send_from", .outOfRange, detail: "00:00 to 24:00") }
        if !(0...(24 * 60)).contains(hours.sendUntil) { v.add("send_until", .outOfRange, detail: "00:00 to 24:00") }
        if hours.sendUntil - hours.sendFrom < QuietHours.shortestWindow {
            v.add("send_until", .inconsistent, detail: "at least an hour after send_from")
        }
        try v.check()
        try await store(preferences, under: Self.notificationsKey(actor.id), actor: actor, now: now)
    }
}
