import EarnedDomain
import EarnedServices
import Foundation
import Plot

/// One inbound contact: its reply and resolution clocks, and the actions that answer it.
struct ContactPage {
    var viewer: ViewerContext
    var contact: InboundContact
    var customer: Customer?
    var staff: [Staff]
    var status: ReplyClock.Result?
    var errors: [FieldError]
    /// The conversation by e-mail, oldest first, and the delivery state of each reply sent.
    var thread: [ContactMessage] = []
    var deliveries: [UUID: OutboundMessage] = [:]
    /// Where a reply goes (an e-mail address, a Telegram chat); nil when it cannot.
    var replyRoute: MailReply.Route?
    /// The reply typed, shown again when it was refused.
    var replyText: String?
}
