import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// The Telegram bot's chats, the one-use start links, and where Earned stands in the bot's
/// updates.
public struct TelegramStore: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    /// The scope of the bot's position among the mailboxes' positions.
    static let pollScope = "telegram"

    // MARK: Chats

    public func chat(_ chatID: Int64) async throws -> TelegramChat? {
        try await TelegramChatRecord.query(on: db).filter(\.$chatID == chatID).first()?.domain
    }

    /// Records a chat as it now stands (made when new).
    public func save(_ chat: TelegramChat, now: Date) async throws {
        try await db.sql.insert(into: TelegramChatRecord.schema)
            .columns("id", "chat_id", "name", "started_at", "updated_at")
            .values(
                [BulkValue.uuid(IDGenerator.next()), .integer(chat.chatID), .text(chat.name), .date(now), .date(now)]
                    .map(\.expression)
            )
            .ignoringConflicts(with: ["chat_id"]).run()
        guard let record = try await TelegramChatRecord.query(on: db).filter(\.$chatID == chat.chatID).first()
        else { return }
        record.apply(chat, now: now)
        try await record.update(on: db)
    }

    /// The live chats of these customers (not stopped), by customer.
    public func chats(customers: [CustomerID]) async throws -> [CustomerID: TelegramChat] {
        var found: [CustomerID: TelegramChat] = [:]
        let ids = Array(Set(customers.map(\.rawValue)))
        for start in stride(from: 0, to: ids.count, by: 500) {
            for record in try await TelegramChatRecord.query(on: db)
                .filter(\.$customerID ~~ Array(ids[start..<min(start + 500, ids.count)]))
                .filter(\.$stoppedAt == nil).sort(\.$startedAt).all()
            {
                if let customer = record.customerID { found[CustomerID(customer)] = record.domain }
            }
        }
        return found
    }

    /// The live chats of these members of staff, by person.
    public func chats(staff: [StaffID]) async throws -> [StaffID: TelegramChat] {
        guard !staff.isEmpty else { return [:] }
        var found: [StaffID: TelegramChat] = [:]
        for record in try await TelegramChatRecord.query(on: db).filter(\.$staffID ~~ staff.map(\.rawValue))
            .filter(\.$stoppedAt == nil).sort(\.$startedAt).all()
        {
            if let person = record.staffID { found[StaffID(person)] = record.domain }
        }
        return found
    }

    /// Links a chat to the customer who started the bot from their link: the chat is theirs,
    /// and their consent to messages by messenger is recorded with its source and time.
    public func start(_ chat: TelegramChat, now: Date) async throws {
        try await db.transaction { db in
            try await TelegramStore(db: db).save(chat, now: now)
            if let customer = chat.customerID {
                try await CustomerConsentRecord(
                    customerID: customer.rawValue,
                    consent: Consent(channel: .messenger, given: true, at: now, source: "started the Telegram bot")
                ).create(on: db)
                try await AuditLog(db: db).record(
                    .updated, "customer", customer.rawValue, by: nil,
                    summary: "Telegram consent given by starting the bot", at: now)
            }
        }
    }

    /// A chat that said /stop or blocked the bot: nothing more goes to it, what waits is not
    /// sent, and its customer's messenger consent is withdrawn (with `source` and time).
    public func stop(_ chatID: Int64, source: String, now: Date) async throws {
        try await db.transaction { db in
            guard let record = try await TelegramChatRecord.query(on: db).filter(\.$chatID == chatID).first(),
                record.stoppedAt == nil
            else { return }
            record.stoppedAt = now
            record.updatedAt = now
            try await record.update(on: db)
            try await OutboundMessageRecord.query(on: db).set(\.$status, to: OutboundMessage.Status.failed.rawValue)
                .set(\.$lastResult, to: "the customer stopped the bot").set(\.$nextAttemptAt, to: nil)
                .filter(\.$address == TelegramChat.address(chatID))
                .filter(\.$status == OutboundMessage.Status.pending.rawValue).update()
            if let customer = record.customerID {
                try await CustomerConsentRecord(
                    customerID: customer,
                    consent: Consent(channel: .messenger, given: false, at: now, source: source)
                ).create(on: db)
                try await AuditLog(db: db).record(
                    .updated, "customer", customer, by: nil, summary: "Telegram consent withdrawn: \(source)", at: now)
            }
        }
    }

    // MARK: Start links

    /// Records a start link's token (by its hash) for a customer or a member of staff.
    public func mintLink(
        hash: String, customer: CustomerID? = nil, staff: StaffID? = nil, expires: Date, now: Date
    ) async throws {
        let record = TelegramLinkRecord()
        record.tokenHash = hash
        record.customerID = customer?.rawValue
        record.staffID = staff?.rawValue
        record.expiresAt = expires
        record.createdAt = now
        try await record.create(on: db)
    }

    /// Uses a start link once: whose it was, or nil when it is unknown, used or expired.
    public func useLink(hash: String, now: Date) async throws -> (customer: CustomerID?, staff: StaffID?)? {
        guard
            let row = try await LinkQueries.spend(
                TelegramLinkRecord.schema, hash: hash, now: now, returning: ["customer_id", "staff_id"], on: db)
        else { return nil }
        let customer =
            try row.decodeNil(column: "customer_id") ? nil : try row.decode(column: "customer_id", as: UUID.self)
        let staff = try row.decodeNil(column: "staff_id") ? nil : try row.decode(column: "staff_id", as: UUID.self)
        return (customer.map(CustomerID.init), staff.map(StaffID.init))
    }

    /// Forgets links that ran out a day ago or more.
    public func sweep(now: Date) async throws {
        try await TelegramLinkRecord.query(on: db).filter(\.$expiresAt < now.addingTimeInterval(-86_400)).delete()
    }

    // MARK: Conversations

    /// The contact a chat last wrote in, if any.
    public func latestContact(of chatID: Int64) async throws -> InboundContact? {
        guard
            let message = try await ContactMessageRecord.query(on: db)
                .filter(\.$fromAddress == TelegramChat.address(chatID)).sort(\.$at, .descending).first()
        else { return nil }
        return try await InboundContactRecord.find(message.contactID, on: db)?.domain()
    }

    // MARK: Where Earned stands in the updates

    /// Claims the bot's updates for `lease` seconds: nil when another instance reads them, else
    /// the next update to ask for (nil inside: never read).
    public func claimUpdates(now: Date, lease: TimeInterval = 120) async throws -> Int64?? {
        guard let position = try await MailQueries.claimMailbox(Self.pollScope, now: now, lease: lease, on: db) else {
            return nil
        }
        return .some(position.map { Int64(clamping: $0.lastUID) })
    }

    /// Records the next update to ask for (or why the updates could not be read) and releases
    /// the claim.
    public func releaseUpdates(next: Int64?, error: String?, now: Date) async throws {
        guard let record = try await MailboxStateRecord.query(on: db).filter(\.$scope == Self.pollScope).first()
        else { return }
        if let next {
            record.uidValidity = 1
            record.lastUID = next
        }
        record.claimedUntil = nil
        record.polledAt = now
        record.lastError = error.map { String($0.prefix(500)) }
        record.updatedAt = now
        try await record.update(on: db)
    }

    /// When the bot's updates were last read and what went wrong then, for the settings page.
    public func status() async throws -> (polledAt: Date, error: String?)? {
        guard let record = try await MailboxStateRecord.query(on: db).filter(\.$scope == Self.pollScope).first(),
            let polled = record.polledAt
        else { return nil }
        return (polled, record.lastError)
    }
}

extension SettingsStore {
    public static let telegramKey = "telegram"

    /// The business's bot; nil until the owner sets one up.
    public func telegram() async throws -> TelegramSettings? {
        try await document(Self.telegramKey)
    }

    /// Stores the bot (owner only); the caller has checked the token with Telegram and sealed it.
    public func changeTelegram(_ settings: TelegramSettings, actor: Staff, now: Date) async throws {
        try Policy.require(actor, .manageIntegrations)
        let before = try await telegram()
        if before?.botID != settings.botID {
            // Another bot: its updates are numbered anew.
            try await MailboxStateRecord.query(on: db).filter(\.$scope == TelegramStore.pollScope).delete()
        }
        try await store(settings, under: Self.telegramKey, actor: actor, now: now)
    }

    /// Removes the bot (owner only): nothing more is read or sent through it.
    public func removeTelegram(actor: Staff, now: Date) async throws {
        try Policy.require(actor, .manageIntegrations)
        try await SettingsRecord.query(on: db).filter(\.$key == Self.telegramKey).delete()
        try await MailboxStateRecord.query(on: db).filter(\.$scope == TelegramStore.pollScope).delete()
        try await AuditLog(db: db).record(
            .deleted, "settings", IDGenerator.next(), by: actor, summary: Self.telegramKey, at: now)
    }
}
