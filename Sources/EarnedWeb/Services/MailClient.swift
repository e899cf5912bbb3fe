import EarnedChannels
import EarnedServices
import FluentKit
import Foundation
import Vapor

extension Application {
    private struct MailTransportKey: StorageKey {
        typealias Value = any MailTransport
    }
    private struct MailboxReaderKey: StorageKey {
        typealias Value = any MailboxReader
    }

    /// How the shop's mailboxes are read: the IMAP client on the application's event loops.
    /// Tests may put another reader here.
    var mailboxReader: any MailboxReader {
        get {
            storage[MailboxReaderKey.self]
                ?? IMAPClient(group: eventLoopGroup, extraTrustRoots: earned.config.mailTrustRoots)
        }
        set { storage[MailboxReaderKey.self] = newValue }
    }

    /// How e-mail leaves: the SMTP client on the application's event loops, trusting the
    /// configured extra certificates. Tests may put another transport here.
    var mailTransport: any MailTransport {
        get {
            storage[MailTransportKey.self]
                ?? SMTPClient(
                    group: eventLoopGroup, heloName: URL(string: earned.config.publicBase)?.host ?? "localhost",
                    extraTrustRoots: earned.config.mailTrustRoots)
        }
        set { storage[MailTransportKey.self] = newValue }
    }

    private struct BotTransportKey: StorageKey {
        typealias Value = any JSONTransport
    }

    /// How calls to Telegram's Bot API leave: the application's HTTP client. Tests may put
    /// another transport here.
    var botTransport: any JSONTransport {
        get { storage[BotTransportKey.self] ?? VaporWebhookTransport(client: client) }
        set { storage[BotTransportKey.self] = newValue }
    }

    /// The bot's actions with this application's transport, key and Bot API address.
    func telegramActions(db: any Database, logger: Logger) -> TelegramActions {
        TelegramActions(
            db: db, transport: botTransport, base: earned.config.telegramAPI, secrets: secretBox, logger: logger)
    }
}
