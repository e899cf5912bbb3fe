import Foundation

public typealias OrderID = Identifier<Order>

/// A sale: what a customer bought, who sold it, and when it was promised and handed over.
public struct Order: Hashable, Codable, Sendable, Identifiable {
    public enum SalesChannel: String, Codable, Sendable, CaseIterable {
        case store
        case web
        case phone
        case field
        case other
    }

    public var id: OrderID
    public var customerID: CustomerID
    public var sellerID: StaffID?
    public var locationID: LocationID?
    public var placedAt: Date
    /// The amount paid, after any discount.
    public var amount: Money
    /// The discount given on this order, in the same currency's minor units.
    public var discountMinorUnits: Int64
    public var quantity: Int
    public var itemsSummary: String?
    public var channel: SalesChannel
    /// When delivery or the start of the service was promised.
    public var promisedAt: Date?
    /// When it was actually delivered or the service started.
    public var deliveredAt: Date?
    public var externalID: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: OrderID = OrderID(), customerID: CustomerID, sellerID: StaffID?, locationID: LocationID?,
        placedAt: Date, amount: Money, discountMinorUnits: Int64 = 0, quantity: Int = 1,
        itemsSummary: String? = nil, channel: SalesChannel = .store, promisedAt: Date? = nil,
        deliveredAt: Date? = nil, externalID: String? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.customerID = customerID
        self.sellerID = sellerID
        self.locationID = locationID
        self.placedAt = placedAt
        self.amount = amount
        self.discountMinorUnits = discountMinorUnits
        self.quantity = quantity
        self.itemsSummary = itemsSummary
        self.channel = channel
        self.promisedAt = promisedAt
        self.deliveredAt = deliveredAt
        self.externalID = externalID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Whether the order was bought with a discount.
    public var isDiscounted: Bool { discountMinorUnits > 0 }

    /// Delivered after the promised time; nil while either is unknown.
    public var deliveredLate: Bool? {
        guard let promisedAt, let deliveredAt else { return nil }
        return deliveredAt > promisedAt
    }
}

/// What a person, the API or an import supplies to record or change an order.
public struct OrderDraft: Sendable, Codable, Hashable {
    public var customerID: CustomerID?
    public var sellerID: StaffID?
    public var locationID: LocationID?
    public var placedAt: Date?
    public var amountMinorUnits: Int64?
    public var currency: String?
    public var discountMinorUnits: Int64?
    public var quantity: Int?
    public var itemsSummary: String?
    public var channel: Order.SalesChannel?
    public var promisedAt: Date?
    public var deliveredAt: Date?
    public var externalID: String?

    public init(
        customerID: CustomerID? = nil, sellerID: StaffID? = nil, locationID: LocationID? = nil,
        placedAt: Date? = nil, amountMinorUnits: Int64? = nil, currency: String? = nil,
        discountMinorUnits: Int64? = nil, quantity: Int? = nil, itemsSummary: String? = nil,
        channel: Order.SalesChannel? = nil, promisedAt: Date? = nil, deliveredAt: Date? = nil,
        externalID: String? = nil
    ) {
        self.customerID = customerID
        self.sellerID = sellerID
        self.locationID = locationID
        self.placedAt = placedAt
        self.amountMinorUnits = amountMinorUnits
        self.currency = currency
        self.discountMinorUnits = discountMinorUnits
        self.quantity = quantity
        self.itemsSummary = itemsSummary
        self.channel = channel
        self.promisedAt = promisedAt
        self.deliveredAt = deliveredAt
        self.externalID = externalID
    }

    /// The largest amount one order may carry: 10 billion in major units.
    public static let amountLimit: Int64 = 1_000_000_000_000

    public func validated(
        id: OrderID, now: Date, defaultCurrency: String, existing: Order? = nil
    ) throws(DomainError) -> Order {
        var v = Validator()
        let customerID = customerID ?? existing?.customerID
        if customerID == nil { v.add("customer_id", .required) }
        let placedAt = placedAt ?? existing?.placedAt ?? now
        if placedAt > now.addingTimeInterval(86_400) {
            v.add("placed_at", .outOfRange, detail: "cannot be in the future")
        }
        let amount = amountMinorUnits ?? existing?.amount.minorUnits
        if let amount {
            if amount < 0 || amount > Self.amountLimit { v.add("amount_minor_units", .outOfRange, detail: "0 or more") }
        } else {
            v.add("amount_minor_units", .required)
        }
        let currency = currency ?? existing?.amount.currency ?? defaultCurrency
        if !Money.isCurrencyCode(currency) { v.add("currency", .invalidFormat, detail: "a code such as RUB") }
        let discount = discountMinorUnits ?? existing?.discountMinorUnits ?? 0
        if discount < 0 || discount > Self.amountLimit {
            v.add("discount_minor_units", .outOfRange, detail: "0 or more")
        }
        let quantity = quantity ?? existing?.quantity ?? 1
        if quantity < 0 || quantity > 1_000_000 { v.add("quantity", .outOfRange, detail: "0 to 1000000") }
        let items = v.text("items_summary", itemsSummary ?? existing?.itemsSummary, max: 500)
        let promisedAt = promisedAt ?? existing?.promisedAt
        let deliveredAt = deliveredAt ?? existing?.deliveredAt
        if let deliveredAt, deliveredAt < placedAt {
            v.add("delivered_at", .inconsistent, detail: "cannot be before the order was placed")
        }
        if let promisedAt, promisedAt < placedAt.addingTimeInterval(-60) {
            v.add("promised_at", .inconsistent, detail: "cannot be before the order was placed")
        }
        let externalID = v.text("external_id", externalID ?? existing?.externalID, max: 100)
        try v.check()
        return Order(
            id: id, customerID: customerID!, sellerID: sellerID ?? existing?.sellerID,
            locationID: locationID ?? existing?.locationID, placedAt: placedAt,
            amount: Money(minorUnits: amount ?? 0, currency: currency), discountMinorUnits: discount,
            quantity: quantity, itemsSummary: items, channel: channel ?? existing?.channel ?? .store,
            promisedAt: promisedAt, deliveredAt: deliveredAt, externalID: externalID,
            createdAt: existing?.createdAt ?? now, updatedAt: now)
    }
}
