import EarnedDomain
import FluentKit
import Foundation

final class OrderRecord: Model, @unchecked Sendable {
    static let schema = "orders"

    @ID(key: .id) var id: UUID?
    @Field(key: "customer_id") var customerID: UUID
    @OptionalField(key: "seller_id") var sellerID: UUID?
    @OptionalField(key: "location_id") var locationID: UUID?
    @Field(key: "placed_at") var placedAt: Date
    @Field(key: "amount_minor") var amountMinor: Int64
    @Field(key: "currency") var currency: String
    @Field(key: "discount_minor") var discountMinor: Int64
    @Field(key: "quantity") var quantity: Int
    @OptionalField(key: "items_summary") var itemsSummary: String?
    @Field(key: "channel") var channel: String
    @OptionalField(key: "promised_at") var promisedAt: Date?
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    @OptionalField(key: "external_id") var externalID: String?
    @Field(key: "state") var state: String
    @OptionalField(key: "ended_at") var endedAt: Date?
    @OptionalField(key: "end_reason") var endReason: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ order: Order) {
        id = order.id.rawValue
        apply(order)
    }

    func apply(_ order: Order) {
        customerID = order.customerID.rawValue
        sellerID = order.sellerID?.rawValue
        locationID = order.locationID?.rawValue
        placedAt = order.placedAt
        amountMinor = order.amount.minorUnits
        currency = order.amount.currency
        discountMinor = order.discountMinorUnits
        quantity = order.quantity
        itemsSummary = order.itemsSummary
        channel = order.channel.rawValue
        promisedAt = order.promisedAt
        deliveredAt = order.deliveredAt
        externalID = order.externalID
        state = order.state.rawValue
        endedAt = order.endedAt
        endReason = order.endReason
        createdAt = order.createdAt
        updatedAt = order.updatedAt
    }

    var domain: Order {
        Order(
            id: OrderID(id!), customerID: CustomerID(customerID), sellerID: sellerID.map(StaffID.init),
            locationID: locationID.map(LocationID.init), placedAt: placedAt,
            amount: Money(minorUnits: amountMinor, currency: currency), discountMinorUnits: discountMinor,
            quantity: quantity, itemsSummary: itemsSummary, channel: Order.SalesChannel(rawValue: channel) ?? .other,
            promisedAt: promisedAt, deliveredAt: deliveredAt, externalID: externalID,
            state: Order.State(rawValue: state) ?? .active, endedAt: endedAt, endReason: endReason,
            createdAt: createdAt, updatedAt: updatedAt)
    }
}
