import EarnedDomain
import Vapor

struct OrderInput: Content {
    var customer_id: UUID?
    var seller_id: UUID?
    var location_id: UUID?
    var placed_at: Date?
    var amount_minor_units: Int64?
    var currency: String?
    var discount_minor_units: Int64?
    var quantity: Int?
    var items_summary: String?
    var channel: Order.SalesChannel?
    var promised_at: Date?
    var delivered_at: Date?
    var external_id: String?

    var draft: OrderDraft {
        OrderDraft(
            customerID: customer_id.map(CustomerID.init), sellerID: seller_id.map(StaffID.init),
            locationID: location_id.map(LocationID.init), placedAt: placed_at, amountMinorUnits: amount_minor_units,
            currency: currency, discountMinorUnits: discount_minor_units, quantity: quantity,
            itemsSummary: items_summary,
            channel: channel, promisedAt: promised_at, deliveredAt: delivered_at, externalID: external_id)
    }
}
