import EarnedDomain
import EarnedStore
import FluentKit
import Foundation
import Logging

/// What the bot does with each update, however it arrived (asked for each pass, or sent to the
/// webhook):
/// - "/start" with a start link's payload links the chat to its customer, whose Telegram
///   consent is recorded, or to a member of staff for their notices; the bot says hello.
/// - "/stop", or blocking the bot, withdraws that consent, and nothing more is sent.
/// - Any other message joins the chat's contact if it is still open, or begins a new inbound
///   contact on the messenger channel, matched to the chat's customer.
/// Every update can be taken twice (a pass that stopped half-way) without a second contact or
/// answer: messages are known by their number in their chat.
package struct TelegramInbox: Sendable {
    package let db: any Database
    package let logger: Logger
    /// The language of the bot's answers to someone Earned does not know yet.
    package let language: String

    package init(db: any Database, logger: Logger, language: String) {
        self.db = db
        self.logger = logger
        self.language = language
    }

    package enum Taken: Sendable, Hashable {
        case started
        case stopped
        case new(ContactID)
        case joined(ContactID)
        case ignored
    }

    package func take(_ update: TelegramUpdate, locations: [Location], now: Date) async throws -> Taken {
        let store = TelegramStore(db: db)
        if let change = update.myChatMember, change.chat.type == "private" {
            guard change.newChatMember.status == "kicked" else { return .ignored }
            try await store.stop(change.chat.id, source: "blocked the Telegram bot", now: now)
            return .stopped
        }
        guard let message = update.message, message.chat.type == "private", let from = message.from else {
            return .ignored
        }
        let known = try await store.chat(message.chat.id)
        let text = message.text ?? message.caption ?? ""
        let messageKey = "tg:\(message.chat.id):\(message.messageID)"
        switch TelegramCommand(text: message.text ?? "") {
        case .start(let payload):
            return try await start(message, from: from, payload: payload, known: known, now: now)
        case .stop:
            try await store.stop(message.chat.id, source: "sent /stop to the Telegram bot", now: now)
            try await answer(
                known, chatID: message.chat.id, key: "bot:\(messageKey)", now: now,
                ru: "Готово: больше не будем писать. Чтобы снова получать сообщения, отправьте /start.",
                en: "Done: we will not write again. To get messages again, send /start.")
            return .stopped
        case .message:
            break
        }
        let threads = MailThreadStore(db: db)
        if try await threads.knows(messageID: messageKey) { return .ignored }
        var chat =
            known
            ?? TelegramChat(
                chatID: message.chat.id, username: from.username, name: from.name,
                startedAt: now)
        // Someone who said /stop and writes again may be answered (a reply is not a message by
        // a rule); their consent stays withdrawn until they /start again.
        if known == nil || chat.username != from.username || chat.name != from.name || chat.stoppedAt != nil {
            chat.username = from.username
            chat.name = from.name
            chat.stoppedAt = nil
            try await store.save(chat, now: now)
        }
        let body =
            text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            ? Self.noText(language: try await customerLanguage(chat.customerID) ?? language)
            : text.trimmingCharacters(in: .whitespacesAndNewlines)
        let at = min(Date(timeIntervalSince1970: TimeInterval(message.date)), now)
        func entry(_ contact: ContactID) -> ContactMessage {
            ContactMessage(
                id: IDGenerator.next(), contactID: contact, direction: .inbound, at: at, fromAddress: chat.address,
                fromName: chat.label, subject: "", text: body, messageID: messageKey)
        }
        if let latest = try await store.latestContact(of: chat.chatID), !latest.isResolved,
            try await threads.join(latest.id, entry(latest.id), files: [:], now: now)
        {
            return .joined(latest.id)
        }
        let customer =
            try await chat.customerID.asyncMap { try await CustomerRepository(db: db).byIDs([$0])[$0] } ?? nil
        guard let place = customer?.homeLocationID ?? locations.first?.id else { return .ignored }
        let firstLine = body.split(whereSeparator: \.isNewline).first.map(String.init) ?? body
        let contact = InboundContact(
            channel: .messenger, customerID: customer?.id, locationID: place, receivedAt: at,
            subject: String(firstLine.prefix(InboundContactDraft.subjectLimit)),
            body: String(body.prefix(InboundContactDraft.bodyLimit)),
            fromAddress: String(("Telegram: " + chat.label).prefix(InboundContactDraft.fromAddressLimit)),
            ownerID: customer?.ownerID, externalID: String(messageKey.prefix(InboundContactDraft.externalIDLimit)),
            createdAt: now, updatedAt: now)
        try await threads.open(contact, entry(contact.id), files: [:], now: now)
        return .new(contact.id)
    }

    private func start(
        _ message: TelegramUpdate.Message, from: TelegramUpdate.User, payload: String?, known: TelegramChat?, now: Date
    ) async throws -> Taken {
        let store = TelegramStore(db: db)
        let link = try await payload.asyncMap { try await store.useLink(hash: Secrets.sha256($0), now: now) } ?? nil
        var chat =
            known
            ?? TelegramChat(chatID: message.chat.id, username: from.username, name: from.name, startedAt: now)
        chat.username = from.username
        chat.name = from.name
        let restarted = chat.stoppedAt != nil
        chat.stoppedAt = nil
        chat.startedAt = known == nil || restarted ? now : chat.startedAt
        if let customer = link?.customer {
            chat.customerID = customer
            chat.staffID = nil
        } else if let staff = link?.staff {
            chat.staffID = staff
            chat.customerID = nil
        }
        if link?.customer != nil || (restarted && chat.customerID != nil) {
            // Consent given (again) by starting the bot.
            try await store.start(chat, now: now)
        } else {
            try await store.save(chat, now: now)
        }
        let key = "bot:tg:\(message.chat.id):\(message.messageID)"
        if chat.staffID != nil {
            try await answer(
                chat, chatID: chat.chatID, key: key, now: now,
                ru: "Готово: уведомления Earned будут приходить сюда. Чтобы их остановить, отправьте /stop.",
                en: "Done: your Earned notices will come here. To stop them, send /stop.")
        } else {
            try await answer(
                chat, chatID: chat.chatID, key: key, now: now,
                ru: "Здравствуйте! Напишите здесь свой вопрос — мы ответим в этом чате. "
                    + "Чтобы не получать от нас сообщения, отправьте /stop.",
                en: "Hello! Write your question here and we will answer in this chat. "
                    + "To stop our messages, send /stop.")
        }
        return .started
    }

    /// The bot's own answer, in the customer's language (else the shop's).
    private func answer(_ chat: TelegramChat?, chatID: Int64, key: String, now: Date, ru: String, en: String)
        async throws
    {
        let spoken = try await customerLanguage(chat?.customerID) ?? language
        _ = try await OutboxStore(db: db).enqueue([
            OutboundMessage(
                id: IDGenerator.next(), key: key, kind: .bot, channel: .messenger, customerID: chat?.customerID,
                staffID: chat?.staffID, address: TelegramChat.address(chatID), name: chat?.name, subject: "",
                text: spoken == "en" ? en : ru, language: spoken, nextAttemptAt: now, createdAt: now)
        ])
    }

    private func customerLanguage(_ customer: CustomerID?) async throws -> String? {
        guard let customer else { return nil }
        return try await CustomerRepository(db: db).byIDs([customer])[customer]?.language
    }

    /// What a message without words (a photo, a sticker, a voice message) is shown as.
    static func noText(language: String) -> String {
        language == "en"
            ? "(a photo, file, sticker or voice message: open the chat in Telegram to see it)"
            : "(фото, файл, стикер или голосовое сообщение: откройте чат в Telegram, чтобы увидеть)"
    }
}

/// Reads the bot's updates each scheduler pass when the owner chose that (rather than the
/// webhook), under a lease so one instance reads at a time. Telegram forgets what was asked
/// for past the next offset, so the offset moves only past the updates taken.
package struct TelegramPoller: Sendable {
    package let db: any Database
    package let bot: TelegramBot
    package let logger: Logger
    package let language: String

    package init(db: any Database, bot: TelegramBot, logger: Logger, language: String) {
        self.db = db
        self.bot = bot
        self.logger = logger
        self.language = language
    }

    package struct Report: Sendable, Hashable {
        package var updates = 0
        package var newContacts = 0
        package var joined = 0
        package var failures = 0
    }

    package func poll(now: Date, locations: [Location]) async throws -> Report {
        var report = Report()
        let store = TelegramStore(db: db)
        guard let claimed = try await store.claimUpdates(now: now) else { return report }
        var next = claimed
        do {
            let updates = try await bot.getUpdates(offset: claimed)
            let inbox = TelegramInbox(db: db, logger: logger, language: language)
            for update in updates.sorted(by: { $0.updateID < $1.updateID }) {
                switch try await inbox.take(update, locations: locations, now: now) {
                case .new: report.newContacts += 1
                case .joined: report.joined += 1
                default: break
                }
                report.updates += 1
                next = update.updateID + 1
            }
            try await store.releaseUpdates(next: next, error: nil, now: now)
        } catch {
            report.failures += 1
            let reason = (error as? TelegramError)?.description ?? "an update could not be taken"
            logger.info("Telegram updates: \(reason)")
            try await store.releaseUpdates(next: next, error: reason, now: now)
        }
        return report
    }
}
