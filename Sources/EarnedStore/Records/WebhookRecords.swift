import EarnedDomain
import FluentKit
import Foundation

final class WebhookSubscriptionRecord: Model, @unchecked Sendable {
    static let schema = "webhook_subscriptions"

    @ID(key: .id) var id: UUID?
    @Field(key: "url") var url: String
    /// Event names separated by spaces.
    @Field(key: "events") var events: String
    @Field(key: "secret") var secret: String
    @OptionalField(key: "description") var description: String?
    @Field(key: "is_active") var isActive: Bool
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ subscription: WebhookSubscription, createdBy: StaffID?) {
        id = subscription.id.rawValue
        createdByID = createdBy?.rawValue
        apply(subscription)
    }

    func apply(_ s: WebhookSubscription) {
        url = s.url
        events = s.events.map(\.rawValue).joined(separator: " ")
        secret = s.secret
        description = s.description
        isActive = s.isActive
        createdAt = s.createdAt
        updatedAt = s.updatedAt
    }

    var domain: WebhookSubscription {
        WebhookSubscription(
            id: WebhookSubscriptionID(id!), url: url,
            events: events.split(separator: " ").compactMap { WebhookEvent.Kind(rawValue: String($0)) },
            secret: secret, description: description, isActive: isActive, createdAt: createdAt, updatedAt: updatedAt)
    }
}

final class WebhookDeliveryRecord: Model, @unchecked Sendable {
    static let schema = "webhook_deliveries"

    @ID(key: .id) var id: UUID?
    @Field(key: "subscription_id") var subscriptionID: UUID
    @Field(key: "event_key") var eventKey: String
    @Field(key: "event_kind") var eventKind: String
    @Field(key: "payload") var payload: String
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Date?
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    @OptionalField(key: "last_status_code") var lastStatusCode: Int?
    @OptionalField(key: "last_error") var lastError: String?
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var domain: WebhookDelivery {
        WebhookDelivery(
            id: id!, subscriptionID: WebhookSubscriptionID(subscriptionID), eventKey: eventKey,
            eventKind: WebhookEvent.Kind(rawValue: eventKind), payload: payload,
            status: WebhookDelivery.Status(rawValue: status) ?? .pending, attempts: attempts,
            nextAttemptAt: nextAttemptAt, lastStatusCode: lastStatusCode, lastError: lastError,
            deliveredAt: deliveredAt, createdAt: createdAt)
    }
}
