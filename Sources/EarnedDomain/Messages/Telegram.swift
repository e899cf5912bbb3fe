import Foundation

/// The business's Telegram bot: its token (sealed with the configuration's key, never shown
/// again), who the bot is (read from Telegram when the token was entered), and how updates
/// reach Earned: by asking for them every scheduler pass, or by Telegram calling the site.
public struct TelegramSettings: Codable, Hashable, Sendable {
    public enum Mode: String, Codable, Sendable, CaseIterable {
        /// Earned asks Telegram for new messages each pass: no public address needed.
        case polling
        /// Telegram calls `<site>/hooks/telegram` with each update, with a secret header.
        case webhook
    }

    public var sealedToken: String
    public var botID: Int64
    /// The bot's username, without "@".
    public var username: String
    public var name: String
    public var mode: Mode
    /// The SHA-256 of the secret Telegram sends with each webhook call.
    public var webhookSecretHash: String?
    public var updatedAt: Date

    public init(
        sealedToken: String, botID: Int64, username: String, name: String, mode: Mode, webhookSecretHash: String?,
        updatedAt: Date
    ) {
        self.sealedToken = sealedToken
        self.botID = botID
        self.username = username
        self.name = name
        self.mode = mode
        self.webhookSecretHash = webhookSecretHash
        self.updatedAt = updatedAt
    }

    /// What the token is sealed for.
    public static let sealContext = "telegram:bot"

    /// The link that opens the bot in Telegram and, with a payload, starts it with that payload.
    public func startLink(payload: String? = nil) -> String {
        "https://t.me/\(username)" + (payload.map { "?start=" + $0 } ?? "")
    }

    /// A bot token as BotFather gives it: the bot's number, a colon, and 30 or more letters,
    /// digits, "_" or "-".
    public static func isToken(_ text: String) -> Bool {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 20, parts[0].allSatisfy(\.isASCII),
            parts[0].allSatisfy(\.isNumber), parts[1].count >= 30, parts[1].count <= 100
        else { return false }
        return parts[1].unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }

    /// Checks what an owner entered; the token is required when no bot is set up yet.
    public static func validate(token: String?, mode: String?, hasBot: Bool) throws(DomainError) -> (String?, Mode) {
        var v = Validator()
        let trimmed = token?.trimmingCharacters(in: .whitespacesAndNewlines)
        let given = trimmed.flatMap { $0.isEmpty ? nil : $0 }
        if let given, !isToken(given) {
            v.add("token", .invalidFormat, detail: "the bot's token from @BotFather, like 123456789:AA…")
        } else if given == nil && !hasBot {
            v.add("token", .required)
        }
        let chosen = mode.flatMap { $0.isEmpty ? nil : Mode(rawValue: $0) }
        if let mode, !mode.isEmpty, chosen == nil {
            v.add("mode", .invalidChoice, detail: Mode.allCases.map(\.rawValue).joined(separator: ", "))
        }
        try v.check()
        return (given, chosen ?? .polling)
    }
}

/// A Telegram chat with the bot: who started it (a customer, by the link they were given, or a
/// member of staff for their notices), and whether it still may be written to.
public struct TelegramChat: Hashable, Codable, Sendable {
    public var chatID: Int64
    public var customerID: CustomerID?
    public var staffID: StaffID?
    /// The person's @username, if they have one, and the name they show.
    public var username: String?
    public var name: String
    public var startedAt: Date
    /// When they sent /stop or blocked the bot.
    public var stoppedAt: Date?

    public init(
        chatID: Int64, customerID: CustomerID? = nil, staffID: StaffID? = nil, username: String? = nil, name: String,
        startedAt: Date, stoppedAt: Date? = nil
    ) {
        self.chatID = chatID
        self.customerID = customerID
        self.staffID = staffID
        self.username = username
        self.name = name
        self.startedAt = startedAt
        self.stoppedAt = stoppedAt
    }

    /// How a chat is written where an address goes (a contact's sender, an outbox message's
    /// recipient): "tg:<chat id>".
    public var address: String { Self.address(chatID) }

    public static func address(_ chatID: Int64) -> String { "tg:\(chatID)" }

    /// The chat an address names, if it names one.
    public static func chatID(fromAddress address: String?) -> Int64? {
        guard let address, address.hasPrefix("tg:") else { return nil }
        return Int64(address.dropFirst(3))
    }

    /// The name staff see: "Анна Петрова (@anna)".
    public var label: String {
        let shown = name.isEmpty ? "Telegram" : name
        return username.map { "\(shown) (@\($0))" } ?? shown
    }
}

/// What a customer's text to the bot asks of it.
public enum TelegramCommand: Hashable, Sendable {
    /// "/start" with the payload of a start link, if any.
    case start(String?)
    /// "/stop": no more messages.
    case stop
    /// Anything else: a message for the shop.
    case message

    public init(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let word = trimmed.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        // "/start@ShopBot payload" in a group names the bot.
        let command = word.split(separator: "@").first.map { $0.lowercased() } ?? ""
        switch command {
        case "/start":
            let rest = trimmed.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
            self = .start(rest.isEmpty ? nil : rest)
        case "/stop": self = .stop
        default: self = .message
        }
    }
}
