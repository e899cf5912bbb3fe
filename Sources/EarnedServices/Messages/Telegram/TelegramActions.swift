import EarnedDomain
import EarnedStore
import FluentKit
import Foundation
import Logging

/// What people do with the business's Telegram bot from the settings page, the API, a
/// customer's page and their own account: set it up (the token checked with Telegram, then
/// sealed), choose how updates arrive, give a customer or themselves a start link, and what the
/// webhook does with an update Telegram sends.
package struct TelegramActions: Sendable {
    package let db: any Database
    package let transport: any JSONTransport
    package let base: String
    package let secrets: SecretBox?
    package let logger: Logger

    /// How long a start link works: long enough to be printed on a receipt or sent by SMS.
    package static let linkLifetime: TimeInterval = 30 * 86_400
    /// Where Telegram calls the site with updates, under the site's address.
    package static let webhookPath = "/hooks/telegram"

    package init(
        db: any Database, transport: any JSONTransport, base: String, secrets: SecretBox?, logger: Logger
    ) {
        self.db = db
        self.transport = transport
        self.base = base
        self.secrets = secrets
        self.logger = logger
    }

    /// The bot of `settings` with its token opened; nil when there is none or it will not open.
    package static func bot(
        _ settings: TelegramSettings?, transport: (any JSONTransport)?, base: String, secrets: SecretBox?
    ) -> TelegramBot? {
        guard let settings, let transport,
            let token = secrets?.openText(settings.sealedToken, context: TelegramSettings.sealContext)
        else { return nil }
        return TelegramBot(transport: transport, base: base, token: token)
    }

    /// Sets up the bot or changes it (owner only). A new token is asked of Telegram first
    /// (`getMe`), and its name kept; the webhook is set or removed by `mode`. Every mistake is
    /// named by its field, and nothing is stored when Telegram says no.
    @discardableResult
    package func save(token: String?, mode: String?, siteURL: String, actor: Staff, now: Date) async throws
        -> TelegramSettings
    {
        try Policy.require(actor, .manageIntegrations)
        let store = SettingsStore(db: db)
        let existing = try await store.telegram()
        let (given, mode) = try TelegramSettings.validate(token: token, mode: mode, hasBot: existing != nil)
        guard let secrets else {
            throw DomainError.invalid([
                FieldError(
                    field: "token", code: .inconsistent,
                    detail: "cannot be stored: this server has no key to seal it with (set EARNED_SECRET_KEY)")
            ])
        }
        guard
            let token = given
                ?? existing.flatMap({ secrets.openText($0.sealedToken, context: TelegramSettings.sealContext) })
        else {
            throw DomainError.invalid([
                FieldError(
                    field: "token", code: .inconsistent, detail: "cannot be opened with this key; enter it again")
            ])
        }
        let bot = TelegramBot(transport: transport, base: base, token: token)
        let me: BotUser
        do { me = try await bot.getMe() } catch {
            throw DomainError.invalid([
                FieldError(field: "token", code: .inconsistent, detail: "Telegram did not accept it: \(error)")
            ])
        }
        var secretHash: String?
        do {
            switch mode {
            case .webhook:
                guard siteURL.hasPrefix("https://") else {
                    throw DomainError.invalid([
                        FieldError(
                            field: "mode", code: .inconsistent,
                            detail: "Telegram calls only an https:// address; this site is at \(siteURL)")
                    ])
                }
                let secret = Secrets.token()
                try await bot.setWebhook(url: siteURL + Self.webhookPath, secret: secret)
                secretHash = Secrets.sha256(secret)
            case .polling:
                try await bot.deleteWebhook()
            }
        } catch let error as TelegramError {
            throw DomainError.invalid([
                FieldError(field: "mode", code: .inconsistent, detail: "Telegram did not accept it: \(error)")
            ])
        }
        let settings = TelegramSettings(
            sealedToken: try secrets.sealText(token, context: TelegramSettings.sealContext), botID: me.id,
            username: me.username ?? "", name: me.firstName, mode: mode, webhookSecretHash: secretHash, updatedAt: now)
        try await store.changeTelegram(settings, actor: actor, now: now)
        return settings
    }

    /// Stops using the bot (owner only); its webhook is removed at Telegram when it can be.
    package func remove(actor: Staff, now: Date) async throws {
        try Policy.require(actor, .manageIntegrations)
        let store = SettingsStore(db: db)
        let existing = try await store.telegram()
        if existing?.mode == .webhook, let bot = Self.bot(existing, transport: transport, base: base, secrets: secrets)
        {
            try? await bot.deleteWebhook()
        }
        try await store.removeTelegram(actor: actor, now: now)
    }

    /// A one-use link that starts the bot as `customer`: whoever opens it and presses Start is
    /// linked to the customer and gives Telegram consent. Nil when there is no bot.
    package func startLink(for customer: CustomerID, now: Date) async throws -> String? {
        try await mint(customer: customer, lifetime: Self.linkLifetime, now: now)
    }

    /// A new start link for a customer or a member of staff (only its token's hash is kept);
    /// nil when there is no bot.
    private func mint(customer: CustomerID? = nil, staff: StaffID? = nil, lifetime: TimeInterval, now: Date)
        async throws -> String?
    {
        guard let settings = try await SettingsStore(db: db).telegram() else { return nil }
        let token = Secrets.token()
        try await TelegramStore(db: db).mintLink(
            hash: Secrets.sha256(token), customer: customer, staff: staff, expires: now + lifetime, now: now)
        return settings.startLink(payload: token)
    }

    /// The start link a customer is offered where they already are (the survey's thank-you
    /// page): nil when there is no bot or they started it already.
    package func invitation(for customer: CustomerID, now: Date) async throws -> String? {
        guard try await TelegramStore(db: db).chats(customers: [customer])[customer] == nil else { return nil }
        return try await startLink(for: customer, now: now)
    }

    /// A customer's start link made by a member of staff who may see the customer.
    package func startLink(for customer: CustomerID, actor: Staff, now: Date) async throws -> String {
        guard try await CustomerRepository(db: db).get(customer, actor: actor).erasedAt == nil else {
            throw DomainError.conflict("this customer's data was erased")
        }
        guard let link = try await startLink(for: customer, now: now) else {
            throw DomainError.conflict("Telegram is not set up")
        }
        return link
    }

    /// A start link that brings `actor`'s notices to their Telegram.
    package func startLink(forStaff actor: Staff, now: Date) async throws -> String {
        guard let link = try await mint(staff: actor.id, lifetime: 86_400, now: now) else {
            throw DomainError.conflict("Telegram is not set up")
        }
        return link
    }

    package enum WebhookOutcome: Sendable, Hashable {
        case taken
        /// Not from Telegram: no bot, not the webhook mode, or the wrong secret.
        case refused
        /// Not an update Earned can read; Telegram is told it arrived, so it does not repeat it.
        case unreadable
    }

    /// An update Telegram sent to the webhook, with the secret it was given.
    package func webhook(secret: String?, body: Data, language: String, now: Date) async throws -> WebhookOutcome {
        guard let settings = try await SettingsStore(db: db).telegram(), settings.mode == .webhook,
            let expected = settings.webhookSecretHash, let secret, Secrets.sha256(secret) == expected
        else { return .refused }
        guard let update = try? JSONDecoder().decode(TelegramUpdate.self, from: body) else { return .unreadable }
        let locations = try await LocationRepository(db: db).all()
        _ = try await TelegramInbox(db: db, logger: logger, language: language).take(
            update, locations: locations, now: now)
        return .taken
    }
}
