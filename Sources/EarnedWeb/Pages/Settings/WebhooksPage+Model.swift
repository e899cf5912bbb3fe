import EarnedDomain
import Foundation
import Plot

/// Webhook subscriptions and their recent deliveries; a new subscription's secret is shown once.
struct WebhooksPage {
    var viewer: ViewerContext
    var subscriptions: [WebhookSubscription]
    var deliveries: [WebhookDelivery]
    var form: [String: String]
    var errors: [FieldError]
    var secret: String?
}
