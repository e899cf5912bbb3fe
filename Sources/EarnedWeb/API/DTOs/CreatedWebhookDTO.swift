/// A new subscription, with its signing secret shown this once.
struct CreatedWebhookDTO: APIObject {
    var subscription: WebhookSubscriptionDTO
    var secret: String
}
