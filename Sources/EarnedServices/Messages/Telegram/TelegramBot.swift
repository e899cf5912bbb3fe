import EarnedDomain
import Foundation

/// How a call to Telegram's Bot API leaves Earned: one HTTP POST of JSON, answering the status
/// and the body, or throwing when no answer came. The web layer passes its HTTP client.
public protocol JSONTransport: Sendable {
    func post(_ url: String, json: Data, timeoutSeconds: Int64) async throws -> (status: Int, body: Data)
}

/// Why a call to the Bot API did not do what it was asked, in words for the settings page and
/// the outbox's log; never with the token, which is part of the address called.
package enum TelegramError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Telegram's final no ("Forbidden: bot was blocked by the user", "Bad Request: chat not
    /// found"): asking again would not help.
    case refused(String)
    /// No answer, a server error, too many requests, or a token Telegram does not know: worth
    /// another try later (after `retryAfter` seconds when Telegram says).
    case deferred(String, retryAfter: Int?)

    package var description: String {
        switch self {
        case .refused(let reason), .deferred(let reason, _): reason
        }
    }

    package var isPermanent: Bool { if case .refused = self { true } else { false } }
}

/// The bot as Telegram describes it.
package struct BotUser: Decodable, Sendable, Hashable {
    package var id: Int64
    package var isBot: Bool?
    package var firstName: String
    package var username: String?

    enum CodingKeys: String, CodingKey {
        case id
        case isBot = "is_bot"
        case firstName = "first_name"
        case username
    }
}

/// An update from Telegram, with the parts Earned reads: a message (its text or caption, who
/// wrote it, in which chat) and a change of the bot's membership in a chat (blocked).
package struct TelegramUpdate: Codable, Sendable, Hashable {
    package struct User: Codable, Sendable, Hashable {
        package var id: Int64
        package var firstName: String?
        package var lastName: String?
        package var username: String?
        package var languageCode: String?

        enum CodingKeys: String, CodingKey {
            case id
            case firstName = "first_name"
            case lastName = "last_name"
            case username
            case languageCode = "language_code"
        }

        package var name: String {
            [firstName, lastName].compactMap { $0?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .joined(separator: " ")
        }
    }

    package struct Chat: Codable, Sendable, Hashable {
        package var id: Int64
        package var type: String
    }

    package struct Message: Codable, Sendable, Hashable {
        package var messageID: Int64
        package var from: User?
        package var chat: Chat
        package var date: Int64
        package var text: String?
        package var caption: String?

        enum CodingKeys: String, CodingKey {
            case messageID = "message_id"
            case from, chat, date, text, caption
        }
    }

    package struct MemberChange: Codable, Sendable, Hashable {
        package struct Member: Codable, Sendable, Hashable {
            package var status: String
        }
        package var chat: Chat
        package var from: User?
        package var date: Int64
        package var newChatMember: Member

        enum CodingKeys: String, CodingKey {
            case chat, from, date
            case newChatMember = "new_chat_member"
        }
    }

    package var updateID: Int64
    package var message: Message?
    package var myChatMember: MemberChange?

    enum CodingKeys: String, CodingKey {
        case updateID = "update_id"
        case message
        case myChatMember = "my_chat_member"
    }

    package init(updateID: Int64, message: Message? = nil, myChatMember: MemberChange? = nil) {
        self.updateID = updateID
        self.message = message
        self.myChatMember = myChatMember
    }
}

/// The calls Earned makes to the Bot API: who the bot is, its updates (asked for, or sent to
/// the site's webhook), and a message to a chat. `base` is Telegram's address by default and a
/// loopback stand-in in the tests.
package struct TelegramBot: Sendable {
    package let transport: any JSONTransport
    package let base: String
    package let token: String
    package var timeoutSeconds: Int64 = 20

    package static let standardBase = "https://api.telegram.org"

    package init(transport: any JSONTransport, base: String = Self.standardBase, token: String) {
        self.transport = transport
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
        self.token = token
    }

    private struct Answer<Result: Decodable>: Decodable {
        struct Parameters: Decodable {
            var retryAfter: Int?
            enum CodingKeys: String, CodingKey { case retryAfter = "retry_after" }
        }
        var ok: Bool
        var result: Result?
        var errorCode: Int?
        var description: String?
        var parameters: Parameters?

        enum CodingKeys: String, CodingKey {
            case ok, result, description, parameters
            case errorCode = "error_code"
        }
    }

    /// The host called, for messages (the token is in the path and never said).
    package var host: String { URL(string: base)?.host ?? base }

    package func call<Result: Decodable>(_ method: String, _ parameters: some Encodable, as: Result.Type)
        async throws(TelegramError) -> Result
    {
        let body: Data
        do { body = try JSONEncoder().encode(parameters) } catch { throw .refused("the request cannot be written") }
        let status: Int
        let data: Data
        do {
            (status, data) = try await transport.post(
                "\(base)/bot\(token)/\(method)", json: body, timeoutSeconds: timeoutSeconds)
        } catch {
            throw .deferred("Telegram (\(host)) could not be reached", retryAfter: nil)
        }
        guard let answer = try? JSONDecoder().decode(Answer<Result>.self, from: data) else {
            throw .deferred(
                "Telegram (\(host)) answered \(status) with something that is not the Bot API", retryAfter: nil)
        }
        if answer.ok, let result = answer.result { return result }
        let code = answer.errorCode ?? status
        let said = (answer.description ?? "error \(code)").replacingOccurrences(of: token, with: "…")
        switch code {
        case 401, 404: throw .deferred("Telegram does not accept the bot's token (\(said))", retryAfter: nil)
        case 429: throw .deferred(said, retryAfter: answer.parameters?.retryAfter)
        case 400, 403: throw .refused(said)
        default: throw .deferred(said, retryAfter: answer.parameters?.retryAfter)
        }
    }

    private struct None: Encodable {}

    package func getMe() async throws(TelegramError) -> BotUser {
        try await call("getMe", None(), as: BotUser.self)
    }

    private struct UpdatesRequest: Encodable {
        var offset: Int64?
        var timeout: Int
        var limit: Int
        var allowedUpdates = ["message", "my_chat_member"]
        enum CodingKeys: String, CodingKey {
            case offset, timeout, limit
            case allowedUpdates = "allowed_updates"
        }
    }

    /// Updates from `offset` on (those before it are confirmed and forgotten by Telegram).
    package func getUpdates(offset: Int64?, limit: Int = 100) async throws(TelegramError) -> [TelegramUpdate] {
        try await call(
            "getUpdates", UpdatesRequest(offset: offset, timeout: 0, limit: limit), as: [TelegramUpdate].self)
    }

    private struct WebhookRequest: Encodable {
        var url: String
        var secretToken: String
        var allowedUpdates = ["message", "my_chat_member"]
        enum CodingKeys: String, CodingKey {
            case url
            case secretToken = "secret_token"
            case allowedUpdates = "allowed_updates"
        }
    }

    package func setWebhook(url: String, secret: String) async throws(TelegramError) {
        _ = try await call("setWebhook", WebhookRequest(url: url, secretToken: secret), as: Bool.self)
    }

    package func deleteWebhook() async throws(TelegramError) {
        _ = try await call("deleteWebhook", None(), as: Bool.self)
    }

    private struct SendRequest: Encodable {
        var chatID: Int64
        var text: String
        var replyTo: ReplyParameters?
        struct ReplyParameters: Encodable {
            var messageID: Int64
            var allowSendingWithoutReply = true
            enum CodingKeys: String, CodingKey {
                case messageID = "message_id"
                case allowSendingWithoutReply = "allow_sending_without_reply"
            }
        }
        enum CodingKeys: String, CodingKey {
            case chatID = "chat_id"
            case text
            case replyTo = "reply_parameters"
        }
    }

    private struct SentMessage: Decodable {
        var messageID: Int64
        enum CodingKeys: String, CodingKey { case messageID = "message_id" }
    }

    /// Sends plain text to a chat (as an answer to `replyTo`, if given); the message's number.
    package func sendMessage(chatID: Int64, text: String, replyTo: Int64? = nil) async throws(TelegramError) -> Int64 {
        try await call(
            "sendMessage",
            SendRequest(
                chatID: chatID, text: String(text.prefix(4096)),
                replyTo: replyTo.map { SendRequest.ReplyParameters(messageID: $0) }),
            as: SentMessage.self
        ).messageID
    }
}
