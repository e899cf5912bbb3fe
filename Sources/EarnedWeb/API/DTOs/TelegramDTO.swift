import EarnedDomain
import Foundation
import Vapor

/// The business's bot as the API shows it: never its token.
struct TelegramSettingsDTO: APIObject {
    var connected: Bool
    var bot_username: String?
    var bot_name: String?
    var mode: String?
    /// The link that opens the bot in Telegram.
    var link: String?
    /// Whether this server has a key to seal the token with.
    var can_store_token: Bool
    /// In polling mode: when Earned last asked Telegram for updates, and what went wrong then.
    var last_polled_at: Date?
    var last_error: String?

    init(_ settings: TelegramSettings?, canStoreToken: Bool, status: (polledAt: Date, error: String?)?) {
        connected = settings != nil
        bot_username = settings?.username
        bot_name = settings?.name
        mode = settings?.mode.rawValue
        link = settings?.startLink()
        can_store_token = canStoreToken
        last_polled_at = status?.polledAt
        last_error = status?.error
    }
}

/// Connects the bot or changes how its updates arrive; the token is checked with Telegram.
struct TelegramSettingsInput: Content {
    /// Left out: the stored one stays.
    var token: String?
    var mode: String?
}

/// A customer's one-use start link.
struct TelegramLinkDTO: APIObject {
    var link: String
    var expires_at: Date
}
