import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

/// The rule for a message to a customer going out by e-mail from Earned itself, in one place
/// for the scheduler's greetings and survey links and for the pages' replies: the message's
/// channel is e-mail, the customer consents to e-mail and has an address, and the location (or
/// the business) has an outgoing server.
package enum CustomerMail {
    package static func directAddress(
        _ customer: Customer, channel: ContactChannel, location: LocationID?, mail: MailSettings
    ) -> String? {
        guard channel == .email, customer.mayContact(via: .email), mail.outgoing(for: location) != nil else {
            return nil
        }
        let address = Tick.address(customer, .email)
        return address.isEmpty ? nil : address
    }

    /// Where a message to `customer` through `channel` goes when Earned sends it itself: by
    /// e-mail (`directAddress`), or through the business's Telegram bot to a customer who
    /// started it (their chat is live) and still consents to messages by messenger. Nil: a
    /// gateway or a person sends it.
    package static func direct(
        _ customer: Customer, channel: ContactChannel, location: LocationID?, routes: DirectRoutes
    ) -> (channel: ContactChannel, address: String)? {
        switch channel {
        case .email:
            return directAddress(customer, channel: channel, location: location, mail: routes.mail).map { (.email, $0) }
        case .messenger:
            guard routes.telegram, customer.mayContact(via: .messenger), let chat = routes.chats[customer.id] else {
                return nil
            }
            return (.messenger, chat.address)
        default:
            return nil
        }
    }

    /// Where a message that may go by any written channel reaches `customer` directly: the
    /// `preferred` channel when it can, else e-mail, else the bot; nil when none can.
    package static func firstDirect(
        _ customer: Customer, preferring preferred: ContactChannel?, location: LocationID?, routes: DirectRoutes
    ) -> (channel: ContactChannel, address: String)? {
        ([preferred].compactMap { $0 } + [.email, .messenger]).lazy.compactMap {
            direct(customer, channel: $0, location: location, routes: routes)
        }.first
    }

    /// What `direct` reads, loaded once for a batch of customers.
    package struct DirectRoutes: Sendable {
        package var mail: MailSettings
        /// Whether the business has a bot.
        package var telegram: Bool
        /// The customers' live chats with it.
        package var chats: [CustomerID: TelegramChat]

        package static func load(
            for customers: [CustomerID], mail: MailSettings, telegram: TelegramSettings?, on db: any Database
        ) async throws -> DirectRoutes {
            DirectRoutes(
                mail: mail, telegram: telegram != nil,
                chats: telegram == nil ? [:] : try await TelegramStore(db: db).chats(customers: customers))
        }
    }

    /// A greeting's subject: its first sentence ("Анна, с днём рождения!"), within 78 characters.
    package static func subject(ofGreeting text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        var sentence = line
        if let end = line.firstIndex(where: { "!.?".contains($0) }) { sentence = String(line[...end]) }
        sentence = sentence.trimmingCharacters(in: .whitespaces)
        return sentence.count > 78 ? String(sentence.prefix(77)) + "…" : sentence
    }

    /// An after-sale follow-up's subject.
    package static func followUpSubject(language: String) -> String {
        language == "en" ? "How is your purchase?" : "Как вам покупка?"
    }

    /// A survey invitation's subject.
    package static func surveySubject(language: String) -> String {
        language == "en" ? "How did we do?" : "Как мы справились?"
    }
}
