import EarnedDomain
import EarnedStore
import Foundation
import Plot

/// One customer: contacts, dates, consent, orders, notes, and (for managers) merge and erase.
struct CustomerPage {
    var viewer: ViewerContext
    var customer: Customer
    var orders: [Order]
    var moreOrders: Bool
    var notes: [CustomerNote]
    var staff: [Staff]
    var history: [AuditEntry]
    var problems: Problems
    var promises: [Promise] = []
    var cases: [ServiceCase] = []
    var referrals: (gave: [Referral], broughtBy: [Referral]) = ([], [])
    var referralNames: [CustomerID: String] = [:]

    /// The customer's survey answers of the locations the viewer sees.
    var surveyAnswers: [SurveyResponse] = []

    var now = Date()

    /// The timeline and the scores; nil for an erased customer.
    var story: CustomerStory?

    /// Cards that look like this customer's second card, for those who may merge.
    var duplicates: [DuplicatePair] = []

    /// Whether the business has a Telegram bot, and the customer's live chat with it.
    var telegramBot = false
    var telegramChat: TelegramChat?

    /// Why one of the page's small forms was refused, shown in that form.
    struct Problems: Sendable {
        var note: String?
        var merge: String?
        var erase: String?
        var referral: String?
    }
}
