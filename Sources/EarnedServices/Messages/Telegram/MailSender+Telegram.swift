import EarnedDomain
import EarnedStore
import Foundation

extension MailSender {
    /// One try of a message to a Telegram chat: plain text through the bot, with how to stop
    /// such messages under what a rule sends a customer.
    func attemptTelegram(_ message: OutboundMessage, now: Date) async -> OutboxStore.Outcome {
        guard let telegram else { return retry(message, reason: "Telegram is not set up", now: now) }
        guard let chat = TelegramChat.chatID(fromAddress: message.address) else {
            return .refused("the message names no Telegram chat")
        }
        var text = message.text
        if Self.offersUnsubscribe(message) {
            text +=
                "\n\n"
                + (message.language == "en"
                    ? "To stop these messages, send /stop." : "Чтобы не получать такие сообщения, отправьте /stop.")
        }
        do {
            let sent = try await telegram.sendMessage(chatID: chat, text: text)
            return .sent(reply: "Telegram accepted message \(sent)", messageID: "tg:\(chat):\(sent)")
        } catch {
            if case .deferred(let reason, let after) = error {
                return retry(message, reason: reason, now: now, after: after)
            }
            return .refused(error.description)
        }
    }

    /// Telegram's final no: a person who blocked the bot has said no to its messages.
    func telegramRefused(_ message: OutboundMessage, reason: String, now: Date) async throws {
        guard reason.lowercased().contains("blocked"), let chat = TelegramChat.chatID(fromAddress: message.address)
        else { return }
        try await TelegramStore(db: db).stop(chat, source: "blocked the Telegram bot", now: now)
    }
}
