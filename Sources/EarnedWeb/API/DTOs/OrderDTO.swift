import EarnedDomain
import Foundation

struct OrderDTO: APIObject {
    var id: UUID
    var customer_id: UUID
    var seller_id: UUID?
    var location_id: UUID?
    var placed_at: Date
    var amount_minor_units: Int64
    var currency: String
    var discount_minor_units: Int64
    var quantity: Int
    var items_summary: String?
    var channel: String
    var promised_at: Date?
    var delivered_at: Date?
    var external_id: String?
    var state: String
    var ended_at: Date?
    var end_reason: String?
    var created_at: Date
    var updated_at: Date

    init(_ o: Order) {
        id = o.id.rawValue
        customer_id = o.customerID.rawValue
        seller_id = o.sellerID?.rawValue
        location_id = o.locationID?.rawValue
        placed_at = o.placedAt
        amount_minor_units = o.amount.minorUnits
        currency = o.amount.currency
        discount_minor_units = o.discountMinorUnits
        quantity = o.quantity
        items_summary = o.itemsSummary
        channel = o.channel.rawValue
        promised_at = o.promisedAt
        delivered_at = o.deliveredAt
        external_id = o.externalID
        state = o.state.rawValue
        ended_at = o.endedAt
        end_reason = o.endReason
        created_at = o.createdAt
        updated_at = o.updatedAt
    }
}
