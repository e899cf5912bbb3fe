import EarnedDomain
import EarnedStore
import FluentKit
import Foundation
import Logging

/// A password-reset link by e-mail: made for a person and sent at once through the business's
/// mail server, from the owner's staff page or by the person themselves from the sign-in page.
/// The link's token is kept only as a hash, so the outbox keeps the message without it, and a
/// message that could not go now is not retried (a new link is made instead).
package struct PasswordResetMail: Sendable {
    package let db: any Database
    package let transport: any MailTransport
    package let secrets: SecretBox?
    package let logger: Logger

    package init(db: any Database, transport: any MailTransport, secrets: SecretBox?, logger: Logger) {
        self.db = db
        self.transport = transport
        self.secrets = secrets
        self.logger = logger
    }

    /// Whether a link can go by e-mail to `staff`: the business (or their location) has an
    /// outgoing server.
    package static func available(for staff: Staff, mail: MailSettings) -> Bool {
        mail.outgoing(for: staff.homeLocationID) != nil
    }

    /// Makes a new link for `staff` (the older one stops working) and sends it now; the kept
    /// message with the server's answer, or nil when e-mail is not set up.
    @discardableResult
    package func send(
        to staff: Staff, actor: Staff?, linkBase: String, resetPath: (String) -> String, language: String, now: Date
    ) async throws -> OutboundMessage? {
        let settings = try await SettingsStore(db: db).mail()
        guard Self.available(for: staff, mail: settings), staff.isActive else { return nil }
        let token = Secrets.token()
        _ = try await AccountStore(db: db).createReset(
            for: staff.id, tokenHash: Secrets.sha256(token), actor: actor, now: now, lifetime: PasswordReset.lifetime)
        let english = language == "en"
        let link = linkBase + resetPath(token)
        let hours = Int(PasswordReset.lifetime / 3600)
        func text(_ link: String) -> String {
            english
                ? "Hello, \(staff.name)!\n\nTo set a new password for Earned, open this link within \(hours) hours (it works once):\n\n\(link)\n\nIf you did not ask for it, ignore this message: your password stays as it is."
                : "Здравствуйте, \(staff.name)!\n\nЧтобы задать новый пароль в Earned, откройте ссылку в течение \(hours) часов (она работает один раз):\n\n\(link)\n\nЕсли вы не просили об этом, просто не обращайте внимания на письмо: пароль останется прежним."
        }
        let kept = OutboundMessage(
            id: IDGenerator.next(), key: "password-reset:\(IDGenerator.next())", kind: .passwordReset, channel: .email,
            staffID: staff.id, locationID: staff.homeLocationID, address: staff.email, name: staff.name,
            subject: english ? "Earned: a new password" : "Earned: новый пароль", text: text("…"),
            language: english ? "en" : "ru", nextAttemptAt: nil, createdAt: now)
        let outbox = OutboxStore(db: db)
        try await outbox.enqueue([kept])
        var sending = kept
        sending.text = text(link)
        let sender = MailSender(db: db, transport: transport, secrets: secrets, logger: logger)
        var outcome = await sender.attempt(sending, settings: settings, now: now)
        if case .deferred(let reason, _) = outcome { outcome = .deferred(reason, next: nil) }
        return try await outbox.record(kept.id, outcome, now: now) ?? kept
    }
}
