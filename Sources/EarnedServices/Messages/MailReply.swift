import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

/// A reply written on a contact's page, sent by e-mail in the contact's thread: it answers the
/// customer's last mail (In-Reply-To and References, a "Re:" subject), goes out from the
/// location's account through the outbox, joins the contact's conversation, and counts as the
/// contact's response, which stops its reply clock.
package enum MailReply {
    package static let textLimit = 10_000

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
        let mail = try await SettingsStore(db: db).mail()
        guard let server = mail.outgoing(for: contact.locationID) else {
            throw DomainError.conflict("e-mail is not set up for this location")
        }
        guard let address = address(for: contact, thread: thread, customer: customer, mail: mail) else {
            throw DomainError.conflict("this contact has no e-mail address to answer")
        }
        let last = thread.last { $0.direction == .inbound }
        let id = IDGenerator.next()
        let messageID = "\(id.uuidString.lowercased())@\(server.domain)"
        let references = Array((last?.threadIDs ?? []).suffix(20))
        let subject = ContactMessage.replySubject(last?.subject ?? contact.subject)
        let outbound = OutboundMessage(
            id: id, key: "reply:\(id)", kind: .reply, channel: .email, customerID: contact.customerID,
            staffID: actor.id, locationID: contact.locationID, subjectID: contact.id.rawValue, address: address,
            name: customer?.name ?? last?.fromName, subject: subject, text: body ?? "",
            language: customer?.language ?? "ru", messageID: messageID, inReplyTo: last?.messageID,
            references: references, nextAttemptAt: now, createdAt: now)
        try await db.transaction { db in
            try await OutboxStore(db: db).enqueue([outbound])
            try await MailThreadStore(db: db).add(
                ContactMessage(
                    id: IDGenerator.next(), contactID: contact.id, direction: .outbound, at: now,
                    fromAddress: server.fromAddress, fromName: server.fromName ?? actor.name, subject: subject,
                    text: body ?? "", messageID: messageID, inReplyTo: last?.messageID, references: references,
                    outboundID: id, staffID: actor.id), now: now)
            if contact.firstResponseAt == nil && !contact.isResolved {
                try await ContactRepository(db: db).change(
                    contact.id, actor: actor, now: now, summary: "replied by e-mail"
                ) { (contact: inout InboundContact) throws(DomainError) in try contact.respond(at: now, by: actor.id) }
            }
        }
        return outbound
    }
}
