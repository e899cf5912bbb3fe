import EarnedDomain
import FluentKit
import Foundation

/// Mail in: where Earned stands in each mailbox (claimed with a lease, so one instance reads a
/// mailbox at a time), and each contact's conversation by e-mail with its files.
public struct MailThreadStore: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    // MARK: Mailboxes

    /// Claims the mailbox of `location` (nil: the business's) for `lease` seconds; nil when
    /// another instance holds it. Answers where Earned stands in it (nil: never read).
    public func claimMailbox(_ location: LocationID?, now: Date, lease: TimeInterval = 300) async throws
        -> MailboxPosition??
    {
        try await MailQueries.claimMailbox(MailboxStateRecord.scope(location), now: now, lease: lease, on: db)
    }

    /// Records where Earned stands after a read (or why it could not read) and releases the claim.
    public func release(_ location: LocationID?, position: MailboxPosition?, error: String?, now: Date) async throws {
        guard
            let record = try await MailboxStateRecord.query(on: db).filter(
                \.$scope == MailboxStateRecord.scope(location)
            )
            .first()
        else { return }
        if let position {
            record.uidValidity = Int64(clamping: position.uidValidity)
            record.lastUID = Int64(clamping: position.lastUID)
        }
        record.claimedUntil = nil
        record.polledAt = now
        record.lastError = error.map { String($0.prefix(500)) }
        record.updatedAt = now
        try await record.update(on: db)
    }

    /// When the mailbox was last read and what went wrong then, for the settings page.
    public func mailboxStatus(_ location: LocationID?) async throws -> (polledAt: Date, error: String?)? {
        guard
            let record = try await MailboxStateRecord.query(on: db).filter(
                \.$scope == MailboxStateRecord.scope(location)
            )
            .first(), let polled = record.polledAt
        else { return nil }
        return (polled, record.lastError)
    }

    // MARK: Threads

    /// The contact a message belongs to by the ids it names (In-Reply-To, References): one of
    /// the contact's own messages, or a reply sent from it.
    public func contact(answering ids: [String]) async throws -> ContactID? {
        let ids = Array(Set(ids.filter { !$0.isEmpty })).prefix(100)
        guard !ids.isEmpty else { return nil }
        if let known = try await ContactMessageRecord.query(on: db).filter(\.$messageID ~~ Array(ids))
            .sort(\.$at, .descending).first()
        {
            return ContactID(known.contactID)
        }
        if let reply = try await OutboundMessageRecord.query(on: db).filter(\.$messageID ~~ Array(ids))
            .filter(\.$kind == OutboundMessage.Kind.reply.rawValue).first(), let contact = reply.subjectID
        {
            return ContactID(contact)
        }
        return nil
    }

    /// Whether a message with this Message-ID is already in some contact's conversation.
    public func knows(messageID: String) async throws -> Bool {
        try await ContactMessageRecord.query(on: db).filter(\.$messageID == messageID).first() != nil
    }

    /// Adds a message to its contact's conversation with the files kept of it.
    public func add(_ message: ContactMessage, files: [UUID: Data] = [:], now: Date) async throws {
        try await ContactMessageRecord(message, now: now).create(on: db)
        for attachment in message.attachments where attachment.kept {
            guard let data = files[attachment.id] else { continue }
            let record = ContactAttachmentRecord()
            record.id = attachment.id
            record.messageID = message.id
            record.filename = attachment.filename
            record.contentType = attachment.contentType
            record.size = data.count
            record.data = data
            try await record.create(on: db)
        }
    }

    /// A customer's mail that answers `contact`'s thread joins it: the contact reopens if it
    /// was resolved, and a wait on the customer ends. False when the contact is gone.
    public func join(_ contact: ContactID, _ message: ContactMessage, files: [UUID: Data], now: Date) async throws
        -> Bool
    {
        try await db.transaction { db in
            guard let record = try await InboundContactRecord.find(contact.rawValue, on: db) else { return false }
            var updated = try record.domain()
            if let resolved = updated.resolvedAt { try? updated.reopen(at: max(message.at, resolved)) }
            if let since = updated.waitingSince { try? updated.endWaiting(at: max(message.at, since)) }
            try record.apply(updated)
            try await record.update(on: db)
            try await MailThreadStore(db: db).add(message, files: files, now: now)
            return true
        }
    }

    /// A new contact from a mail, with the mail as the first message of its conversation.
    public func open(_ contact: InboundContact, _ message: ContactMessage, files: [UUID: Data], now: Date)
        async throws
    {
        try await db.transaction { db in
            try await InboundContactRecord(contact).create(on: db)
            try await MailThreadStore(db: db).add(message, files: files, now: now)
        }
    }

    /// A contact's conversation, oldest first.
    public func messages(of contact: ContactID) async throws -> [ContactMessage] {
        try await ContactMessageRecord.query(on: db).filter(\.$contactID == contact.rawValue).sort(\.$at)
            .sort(\.$createdAt).all().map { try $0.domain() }
    }

    /// One kept file and the contact whose conversation it belongs to (for the caller to check
    /// who may see it).
    public func attachment(_ id: UUID) async throws -> (contact: ContactID, filename: String, type: String, data: Data)?
    {
        guard let file = try await ContactAttachmentRecord.find(id, on: db),
            let message = try await ContactMessageRecord.find(file.messageID, on: db)
        else { return nil }
        return (ContactID(message.contactID), file.filename, file.contentType, file.data)
    }

    /// The live customer with this e-mail address (the most recently changed, if several).
    public func customer(byEmail address: String) async throws -> Customer? {
        guard let email = ContactNormalizer.email(address) else { return nil }
        let owners = try await CustomerContactRecord.query(on: db).filter(\.$channel == ContactChannel.email.rawValue)
            .filter(\.$value == email).all().map(\.customerID)
        guard !owners.isEmpty else { return nil }
        let live = try await CustomerRecord.query(on: db).filter(\.$id ~~ owners).filter(\.$mergedIntoID == nil)
            .filter(\.$erasedAt == nil).sort(\.$updatedAt, .descending).first()
        guard let id = live?.id else { return nil }
        return try await CustomerRepository(db: db).byIDs([CustomerID(id)])[CustomerID(id)]
    }
}
