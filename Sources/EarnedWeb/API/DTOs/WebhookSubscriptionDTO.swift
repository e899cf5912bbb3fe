import EarnedDomain
import Foundation

struct WebhookSubscriptionDTO: APIObject {
    var id: UUID
    var url: String
    var events: [String]
    var description: String?
    var is_active: Bool
    var created_at: Date
    var updated_at: Date

    init(_ w: WebhookSubscription) {
        id = w.id.rawValue
        url = w.url
        events = w.events.map(\.rawValue)
        description = w.description
        is_active = w.isActive
        created_at = w.createdAt
        updated_at = w.updatedAt
    }
}
