import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

/// A reply written on a contact's page, sent the way the customer wrote: in the Telegram chat
/// the contact came from, or by e-mail in the contact's thread (In-Reply-To and References, a
/// "Re:" subject, from the location's account). It goes through the outbox, joins the contact's
/// conversation, and counts as the contact's response, which stops its reply clock.
package enum MailReply {
    package static let textLimit = 10_000

    /// Where a reply goes.
    package enum Route: Sendable, Hashable {
        case email(String)
        case telegram(TelegramChat)
    }

    /// Whether `contact` can be answered by e-mail: an address to answer, and an outgoing
    /// server for its location.
    package static func address(
        for contact: InboundContact, thread: [ContactMessage], customer: Customer?, mail: MailSettings
    ) -> String? {
        guard mail.outgoing(for: contact.locationID) != nil else { return nil }
        let candidates =
            [thread.last { $0.direction == .inbound }?.fromAddress, contact.fromAddress]
            + [customer.map { Tick.address($0, .email) }]
        return candidates.compactMap { $0.flatMap(ContactNormalizer.email) }.first
    }

    /// How `contact` can be answered: in Telegram when its customer wrote there last (the chat
    /// still live and the business has a bot), else by e-mail when it can; nil when neither.
    package static func route(
        for contact: InboundContact, thread: [ContactMessage], customer: Customer?, on db: any Database
    ) async throws -> Route? {
        let settings = SettingsStore(db: db)
        return try await route(
            for: contact, thread: thread, customer: customer, mail: try await settings.mail(),
            telegram: try await settings.telegram() != nil, on: db)
    }

    /// `route` with the business's mail settings and whether it has a bot, read by the caller.
    static func route(
        for contact: InboundContact, thread: [ContactMessage], customer: Customer?, mail: MailSettings,
        telegram: Bool, on db: any Database
    ) async throws -> Route? {
        let lastIn = thread.last { $0.direction == .inbound }
        if let chatID = TelegramChat.chatID(fromAddress: lastIn?.fromAddress), telegram {
            let chat = try await TelegramStore(db: db).chat(chatID)
            return chat.flatMap { $0.stoppedAt == nil ? .telegram($0) : nil }
        }
        return address(for: contact, thread: thread, customer: customer, mail: mail).map(Route.email)
    }

    @discardableResult
    package static func send(_ text: String?, to contactID: ContactID, actor: Staff, now: Date, on db: any Database)
        async throws -> OutboundMessage
    {
        let contacts = ContactRepository(db: db)
        let contact = try await contacts.get(contactID, actor: actor)
        var v = Validator()
        let body = v.text("text", text, required: true, max: textLimit)
        try v.check()
        let threads = MailThreadStore(db: db)
        let thread = try await threads.messages(of: contact.id)
        let customer =
            try await contact.customerID.asyncMap { try await CustomerRepository(db: db).byIDs([$0])[$0] }
            ?? nil
        let last = thread.last { $0.direction == .inbound }
        let id = IDGenerator.next()
        let outbound: OutboundMessage
        let entry: ContactMessage
        let settings = SettingsStore(db: db)
        let mail = try await settings.mail()
        let route = try await route(
            for: contact, thread: thread, customer: customer, mail: mail,
            telegram: try await settings.telegram() != nil, on: db)
        switch route {
        case .telegram(let chat):
            outbound = OutboundMessage(
                id: id, key: "reply:\(id)", kind: .reply, channel: .messenger, customerID: contact.customerID,
                staffID: actor.id, locationID: contact.locationID, subjectID: contact.id.rawValue,
                address: chat.address, name: chat.name, subject: "", text: body ?? "",
                language: customer?.language ?? "ru", nextAttemptAt: now, createdAt: now)
            entry = ContactMessage(
                id: IDGenerator.next(), contactID: contact.id, direction: .outbound, at: now, fromName: actor.name,
                subject: "", text: body ?? "", outboundID: id, staffID: actor.id)
        case .email(let address):
            guard let server = mail.outgoing(for: contact.locationID) else {
                throw DomainError.conflict("e-mail is not set up for this location")
            }
            let messageID = "\(id.uuidString.lowercased())@\(server.domain)"
            let references = Array((last?.threadIDs ?? []).suffix(20))
            let subject = ContactMessage.replySubject(last?.subject ?? contact.subject)
            outbound = OutboundMessage(
                id: id, key: "reply:\(id)", kind: .reply, channel: .email, customerID: contact.customerID,
                staffID: actor.id, locationID: contact.locationID, subjectID: contact.id.rawValue, address: address,
                name: customer?.name ?? last?.fromName, subject: subject, text: body ?? "",
                language: customer?.language ?? "ru", messageID: messageID, inReplyTo: last?.messageID,
                references: references, nextAttemptAt: now, createdAt: now)
            entry = ContactMessage(
                id: IDGenerator.next(), contactID: contact.id, direction: .outbound, at: now,
                fromAddress: server.fromAddress, fromName: server.fromName ?? actor.name, subject: subject,
                text: body ?? "", messageID: messageID, inReplyTo: last?.messageID, references: references,
                outboundID: id, staffID: actor.id)
        case nil:
            throw DomainError.conflict(
                mail.outgoing(for: contact.locationID) == nil
                    ? "e-mail is not set up for this location" : "this contact has no e-mail address to answer")
        }
        try await db.transaction { db in
            try await OutboxStore(db: db).enqueue([outbound])
            try await MailThreadStore(db: db).add(entry, now: now)
            if contact.firstResponseAt == nil && !contact.isResolved {
                try await ContactRepository(db: db).change(
                    contact.id, actor: actor, now: now,
                    summary: outbound.channel == .messenger ? "replied in Telegram" : "replied by e-mail"
                ) { (contact: inout InboundContact) throws(DomainError) in try contact.respond(at: now, by: actor.id) }
            }
        }
        return outbound
    }
}
