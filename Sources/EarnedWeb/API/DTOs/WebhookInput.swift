import EarnedDomain
import Vapor

struct WebhookInput: Content {
    var url: String?
    var events: [String]?
    var description: String?
    var is_active: Bool?

    var draft: WebhookSubscriptionDraft {
        WebhookSubscriptionDraft(url: url, events: events, description: description, isActive: is_active)
    }
}
