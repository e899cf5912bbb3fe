import EarnedDomain
import EarnedStore
import FluentKit
import Foundation
import Logging

/// What the owner does with the business's e-mail from the settings page, the API or the
/// command line: set up an outgoing server (its password sealed), check that Earned can sign
/// in to it, and send a test message that shows the server's own answer.
package struct MailActions: Sendable {
    package let db: any Database
    package let transport: any MailTransport
    package let secrets: SecretBox?
    package let logger: Logger
    package var reader: (any MailboxReader)?

    package init(
        db: any Database, transport: any MailTransport, secrets: SecretBox?, logger: Logger,
        reader: (any MailboxReader)? = nil
    ) {
        self.db = db
        self.transport = transport
        self.secrets = secrets
        self.logger = logger
        self.reader = reader
    }

    /// A password is stored only sealed: without a key (PostgreSQL without EARNED_SECRET_KEY)
    /// it is refused by name.
    private func requireKey(for password: String?) throws {
        if let password, !password.isEmpty, secrets == nil {
            throw DomainError.invalid([
                FieldError(
                    field: "password", code: .inconsistent,
                    detail: "cannot be stored: this server has no key to seal it with (set EARNED_SECRET_KEY)")
            ])
        }
    }

    private func seal(_ secret: String, _ context: String) throws -> String {
        guard let secrets else { throw SecretBox.SealingFailed() }
        return try secrets.sealText(secret, context: context)
    }

    /// Saves the mailbox Earned reads for the business or a location; a password needs the key
    /// to seal it with, as the outgoing one's.
    @discardableResult
    package func saveIncoming(
        _ draft: IncomingMailServerDraft, location: LocationID?, actor: Staff, now: Date
    ) async throws -> IncomingMailServer {
        try requireKey(for: draft.password)
        return try await SettingsStore(db: db).changeIncomingMail(
            draft, location: location, actor: actor, now: now, seal: seal)
    }

    /// Signs in to the mailbox of `location` and opens its folder; nil when all went well.
    package func checkIncoming(location: LocationID?, actor: Staff) async throws -> String? {
        try Policy.require(actor, .manageIntegrations)
        guard let server = try await SettingsStore(db: db).mail().account(exactly: location)?.incoming, let reader
        else { throw DomainError.conflict("no mailbox is set up") }
        guard let endpoint = MailEndpoint.incoming(server, scope: location, secrets: secrets) else {
            return "the mailbox password cannot be opened with this key; enter it again"
        }
        do {
            try await reader.check(endpoint, folder: server.folder)
            return nil
        } catch {
            return error.description
        }
    }

    /// Saves the outgoing server of the business (`location` nil) or of a location. With no
    /// key to seal with (PostgreSQL without EARNED_SECRET_KEY), a password is refused by name.
    @discardableResult
    package func saveOutgoing(
        _ draft: OutgoingMailServerDraft, location: LocationID?, actor: Staff, now: Date
    ) async throws -> OutgoingMailServer {
        try requireKey(for: draft.password)
        return try await SettingsStore(db: db).changeOutgoingMail(
            draft, location: location, actor: actor, now: now, seal: seal)
    }

    /// Connects to the server in force for `location` and signs in; nil when all went well,
    /// else what went wrong in the server's words.
    package func check(location: LocationID?, actor: Staff) async throws -> String? {
        try Policy.require(actor, .manageIntegrations)
        let settings = try await SettingsStore(db: db).mail()
        guard let server = settings.outgoing(for: location) else {
            throw DomainError.conflict("e-mail is not set up")
        }
        guard
            let endpoint = MailEndpoint.outgoing(server, scope: settings.outgoingScope(for: location), secrets: secrets)
        else {
            return "the mail password cannot be opened with this key; enter it again"
        }
        do {
            try await transport.check(endpoint)
            return nil
        } catch {
            return error.description
        }
    }

    /// Sends a test message to `address` now, through the server in force for `location`, and
    /// keeps it in the delivery log with the server's answer.
    package func sendTest(
        to address: String?, location: LocationID?, language: String, actor: Staff, now: Date
    ) async throws -> OutboundMessage {
        try Policy.require(actor, .manageIntegrations)
        var v = Validator()
        let text = v.text("to", address, required: true, max: 320)
        let to = text.flatMap(ContactNormalizer.email)
        if text != nil, to == nil { v.add("to", .invalidFormat, detail: "an e-mail address") }
        try v.check()
        let settings = try await SettingsStore(db: db).mail()
        guard settings.outgoing(for: location) != nil else { throw DomainError.conflict("e-mail is not set up") }
        let english = language == "en"
        let message = OutboundMessage(
            id: IDGenerator.next(), key: "test:\(IDGenerator.next())", kind: .test, channel: .email, staffID: actor.id,
            locationID: location, address: to ?? "", name: actor.name,
            subject: english ? "Earned: a test message" : "Earned: проверочное письмо",
            text: english
                ? "This is a test message from Earned. If you read it, greetings, survey links and replies will reach your customers from this address."
                : "Это проверочное письмо от Earned. Если вы его читаете, поздравления, ссылки на опросы и ответы дойдут до ваших клиентов с этого адреса.",
            language: english ? "en" : "ru", nextAttemptAt: now, createdAt: now)
        let outbox = OutboxStore(db: db)
        try await outbox.enqueue([message])
        // Sent at once rather than by the scheduler: the owner is waiting for the answer. A
        // failure is not retried; the owner sees it and tries again.
        let sender = MailSender(db: db, transport: transport, secrets: secrets, logger: logger)
        var outcome = await sender.attempt(message, settings: settings, now: now)
        if case .deferred(let reason, _) = outcome { outcome = .deferred(reason, next: nil) }
        return try await outbox.record(message.id, outcome, now: now) ?? message
    }
}
