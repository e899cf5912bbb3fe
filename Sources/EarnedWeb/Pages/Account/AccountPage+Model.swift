import EarnedDomain
import Foundation
import Plot

/// "My account": change the password; turn two-factor sign-in on or off; new recovery codes.
struct AccountPage {
    var viewer: ViewerContext
    var notice: String?
    var passwordErrors: [FieldError]
    var twoFactorError: String?
    var enabledAt: Date?
    var recoveryCodesLeft: Int
    var canSetUp: Bool
    var required: Bool
    var notifications: NotificationPreferences = .standard
    var notificationErrors: [FieldError] = []
    /// Whether the business sends e-mail at all (else notices cannot go).
    var mailSetUp = false
    /// Whether the business has a Telegram bot, and the person's live chat with it.
    var telegramBot = false
    var telegramChat: TelegramChat?
}
