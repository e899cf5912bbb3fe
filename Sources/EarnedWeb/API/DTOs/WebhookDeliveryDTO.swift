import EarnedDomain
import Foundation

struct WebhookDeliveryDTO: APIObject {
    var id: UUID
    var subscription_id: UUID
    var event_key: String
    var event_kind: String?
    var status: String
    var attempts: Int
    var next_attempt_at: Date?
    var last_status_code: Int?
    var last_error: String?
    var delivered_at: Date?
    var created_at: Date

    init(_ d: WebhookDelivery) {
        id = d.id
        subscription_id = d.subscriptionID.rawValue
        event_key = d.eventKey
        event_kind = d.eventKind?.rawValue
        status = d.status.rawValue
        attempts = d.attempts
        next_attempt_at = d.nextAttemptAt
        last_status_code = d.lastStatusCode
        last_error = d.lastError
        delivered_at = d.deliveredAt
        created_at = d.createdAt
    }
}
