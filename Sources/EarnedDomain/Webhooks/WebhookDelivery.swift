import Foundation

/// One event on its way to one subscription, with what happened on each try: the delivery log.
public struct WebhookDelivery: Hashable, Codable, Sendable, Identifiable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case pending
        case delivered
        /// Given up after the last retry.
        case failed
    }

    public var id: UUID
    public var subscriptionID: WebhookSubscriptionID
    public var eventKey: String
    public var eventKind: WebhookEvent.Kind?
    /// The exact body sent (and signed).
    public var payload: String
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastStatusCode: Int?
    public var lastError: String?
    public var deliveredAt: Date?
    public var createdAt: Date

    public init(
        id: UUID, subscriptionID: WebhookSubscriptionID, eventKey: String, eventKind: WebhookEvent.Kind?,
        payload: String, status: Status, attempts: Int, nextAttemptAt: Date?, lastStatusCode: Int?,
        lastError: String?, deliveredAt: Date?, createdAt: Date
    ) {
        self.id = id
        self.subscriptionID = subscriptionID
        self.eventKey = eventKey
        self.eventKind = eventKind
        self.payload = payload
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastStatusCode = lastStatusCode
        self.lastError = lastError
        self.deliveredAt = deliveredAt
        self.createdAt = createdAt
    }
}
