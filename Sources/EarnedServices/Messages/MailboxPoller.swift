import EarnedDomain
import EarnedFormats
import EarnedStore
import FluentKit
import Foundation
import Logging

/// Reads each mailbox the owner set up and turns new mail into contacts: a mail that answers a
/// contact's thread (its In-Reply-To or References name a message of the contact, or a reply
/// sent from it) joins that contact, reopening it if it was resolved and ending a wait on the
/// customer; any other becomes a new inbound contact on the e-mail channel, matched to the
/// customer by address. One instance reads a mailbox at a time (a lease), and where it stopped
/// moves only past messages taken, so nothing is lost or taken twice.
package struct MailboxPoller: Sendable {
    package let db: any Database
    package let reader: any MailboxReader
    package let secrets: SecretBox?
    package let logger: Logger

    /// Messages read a pass, per mailbox.
    package static let batch = 50
    /// A message larger than this is read as its header only.
    package static let messageLimit = 25 * 1024 * 1024
    /// A file larger than this is named, not kept.
    package static let attachmentLimit = 10 * 1024 * 1024

    package init(db: any Database, reader: any MailboxReader, secrets: SecretBox?, logger: Logger) {
        self.db = db
        self.reader = reader
        self.secrets = secrets
        self.logger = logger
    }

    package struct Report: Sendable, Hashable {
        package var mailboxes = 0
        package var newContacts = 0
        package var joined = 0
        package var failures = 0
        /// Auto-replies, bounces and lists' mail, left alone.
        package var automatic = 0
    }

    /// Reads every mailbox of `mail` (the pass's settings, with its `locations`).
    package func pollAll(now: Date, mail settings: MailSettings, locations: [Location]) async throws -> Report {
        var report = Report()
        let mailboxes = settings.mailboxes
        guard !mailboxes.isEmpty else { return report }
        let threads = MailThreadStore(db: db)
        for (location, server) in mailboxes {
            // Another instance is reading it.
            guard let claimed = try await threads.claimMailbox(location, now: now) else { continue }
            report.mailboxes += 1
            guard let endpoint = MailEndpoint.incoming(server, scope: location, secrets: secrets) else {
                report.failures += 1
                try await threads.release(
                    location, position: nil,
                    error: "the mailbox password cannot be opened with this key; enter it again", now: now)
                continue
            }
            var done = claimed
            do {
                let fetched = try await reader.fetch(
                    endpoint, folder: server.folder, after: claimed, limit: Self.batch, sizeLimit: Self.messageLimit)
                for mail in fetched.messages {
                    switch try await take(
                        mail, location: location, locations: locations, newCustomers: settings.newCustomers, now: now)
                    {
                    case .new: report.newContacts += 1
                    case .joined: report.joined += 1
                    case .known: break
                    case .automatic: report.automatic += 1
                    }
                    done = MailboxPosition(uidValidity: fetched.position.uidValidity, lastUID: mail.uid)
                }
                done = fetched.position
                try await threads.release(location, position: done, error: nil, now: now)
            } catch {
                report.failures += 1
                let reason = (error as? MailTransportError)?.description ?? "a message could not be taken: \(error)"
                logger.info("mailbox \(server.username)@\(server.host): \(reason)")
                try await threads.release(location, position: done, error: reason, now: now)
            }
        }
        return report
    }

    package enum Taken: Sendable, Hashable {
        case new(ContactID)
        case joined(ContactID)
        case known
        /// Sent by a program: left alone.
        case automatic
    }

    /// One message: a contact's conversation grows, or a new contact begins.
    package func take(
        _ mail: FetchedMail, location: LocationID?, locations: [Location], newCustomers: Bool = false, now: Date
    ) async throws -> Taken {
        let incoming = IncomingMail(parsing: mail.bytes, attachmentLimit: Self.attachmentLimit)
        // An auto-reply, a bounce or a list's mail is nobody's question: it neither opens a contact
        // nor reopens one (an "out of office" to a survey link is not a customer writing).
        if incoming.automatic { return .automatic }
        let threads = MailThreadStore(db: db)
        if let id = incoming.messageID, try await threads.knows(messageID: id) { return .known }
        var attachments: [ContactMessage.Attachment] = []
        var files: [UUID: Data] = [:]
        for file in incoming.attachments {
            let id = IDGenerator.next()
            attachments.append(
                .init(
                    id: id, filename: file.filename ?? "attachment", contentType: file.contentType,
                    size: file.data.count,
                    kept: true))
            files[id] = file.data
        }
        for skipped in incoming.skipped {
            attachments.append(
                .init(
                    id: IDGenerator.next(), filename: skipped.filename ?? "attachment",
                    contentType: "application/octet-stream", size: skipped.size, kept: false))
        }
        if !mail.complete {
            // Over the size limit: its header was read; the whole is named, not kept.
            attachments.append(
                .init(
                    id: IDGenerator.next(), filename: "message.eml", contentType: "message/rfc822", size: mail.size,
                    kept: false))
        }
        let at = min(incoming.date ?? now, now)
        let subject = incoming.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = (incoming.text ?? incoming.html.map(Self.plainText) ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
        func message(_ contact: ContactID) -> ContactMessage {
            ContactMessage(
                id: IDGenerator.next(), contactID: contact, direction: .inbound, at: at,
                fromAddress: incoming.from?.address, fromName: incoming.from?.name, subject: subject, text: text,
                messageID: incoming.messageID, inReplyTo: incoming.inReplyTo, references: incoming.references,
                attachments: attachments)
        }
        let thread = incoming.references + (incoming.inReplyTo.map { [$0] } ?? [])
        if let contactID = try await threads.contact(answering: thread),
            try await threads.join(contactID, message(contactID), files: files, now: now)
        {
            return .joined(contactID)
        }
        var customer = try await incoming.from.asyncMap { try await threads.customer(byEmail: $0.address) } ?? nil
        guard let place = location ?? customer?.homeLocationID ?? locations.first?.id else { return .known }
        // A person the shop does not know yet, when the owner chose so.
        if customer == nil, newCustomers, let from = incoming.from,
            let address = ContactNormalizer.email(from.address)
        {
            customer = try await CustomerRepository(db: db).createFromMail(
                name: from.name, email: address, location: place, now: now)
        }
        let contact = InboundContact(
            channel: .email, customerID: customer?.id, locationID: place, receivedAt: at,
            subject: String(
                (subject.isEmpty ? "—" : subject).prefix(InboundContactDraft.subjectLimit)),
            body: text.isEmpty ? nil : String(text.prefix(InboundContactDraft.bodyLimit)),
            fromAddress: incoming.from.map { String($0.address.prefix(InboundContactDraft.fromAddressLimit)) },
            ownerID: customer?.ownerID,
            externalID: incoming.messageID.map { String(("mail:" + $0).prefix(InboundContactDraft.externalIDLimit)) },
            createdAt: now, updatedAt: now)
        try await threads.open(contact, message(contact.id), files: files, now: now)
        return .new(contact.id)
    }

    /// The text of an HTML-only mail: tags dropped, entities of the usual five read.
    static func plainText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<br>", with: "\n", options: .caseInsensitive)
            .replacingOccurrences(of: "</p>", with: "\n\n", options: .caseInsensitive)
        while let open = text.range(of: "<"), let close = text.range(of: ">", range: open.upperBound..<text.endIndex) {
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }
}
