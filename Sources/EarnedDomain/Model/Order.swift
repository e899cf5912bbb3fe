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

    /// Whether the sale stands. A cancelled order never happened as a sale (called off before
    /// delivery); a returned one was delivered and then taken back, the money given back.
    public enum State: String, Codable, Sendable, CaseIterable {
        case active
        case cancelled
        case returned
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
    public var state: State
    /// When the order was cancelled or returned.
    public var endedAt: Date?
    /// Why it was cancelled or returned, as the person wrote it.
    public var endReason: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: OrderID = OrderID(), customerID: CustomerID, sellerID: StaffID?, locationID: LocationID?,
        placedAt: Date, amount: Money, discountMinorUnits: Int64 = 0, quantity: Int = 1,
        itemsSummary: String? = nil, channel: SalesChannel = .store, promisedAt: Date? = nil,
        deliveredAt: Date? = nil, externalID: String? = nil, state: State = .active, endedAt: Date? = nil,
        endReason: String? = nil, createdAt: Date, updatedAt: Date
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
        self.state = state
        self.endedAt = endedAt
        self.endReason = endReason
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

    /// The rules of a sale that did not stand, in one place:
    ///
    /// - Revenue and the lifetime models (BG/NBD purchases, Gamma-Gamma spend, lifetime value,
    ///   discount share, service cost) count active orders only: a cancelled sale never happened
    ///   and a returned one gave its money back.
    /// - "Never late" counts a returned order's delivery (it happened, on time or not), never a
    ///   cancelled order's.
    /// - After-sale steps start only for an active delivered order; cancelling or returning closes
    ///   the open ones.
    public var countsAsSale: Bool { state == .active }
    public var countsForDeliveryOnTime: Bool { state != .cancelled }

    /// The longest reason kept for a cancel or a return.
    public static let reasonLimit = 500

    /// Marks the order delivered (or its service started) at `at`. Refused for an order that was
    /// already delivered, cancelled or returned, or a time over a minute before the order was
    /// placed (within the minute it reads as the placing time).
    public mutating func markDelivered(at: Date) throws(DomainError) {
        guard state == .active else { throw .conflict("the order was \(state.rawValue)") }
        guard deliveredAt == nil else { throw .conflict("the order was delivered already") }
        // A time typed to the minute may fall just before a placing recorded to the second.
        if at < placedAt.addingTimeInterval(-60) {
            throw .invalid([
                FieldError(field: "delivered_at", code: .inconsistent, detail: "cannot be before the order was placed")
            ])
        }
        deliveredAt = max(at, placedAt)
        updatedAt = at
    }

    /// Cancels an order that was not delivered, with a reason.
    public mutating func cancel(reason: String?, at: Date) throws(DomainError) {
        guard state == .active else { throw .conflict("the order was \(state.rawValue)") }
        guard deliveredAt == nil else { throw .conflict("a delivered order is returned, not cancelled") }
        try end(.cancelled, reason: reason, at: at)
    }

    /// Records that a delivered order was returned, with a reason.
    public mutating func markReturned(reason: String?, at: Date) throws(DomainError) {
        guard state == .active else { throw .conflict("the order was \(state.rawValue)") }
        guard deliveredAt != nil else { throw .conflict("an order not yet delivered is cancelled, not returned") }
        try end(.returned, reason: reason, at: at)
    }

    private mutating func end(_ newState: State, reason: String?, at: Date) throws(DomainError) {
        var v = Validator()
        let reason = v.text("reason", reason, required: true, max: Self.reasonLimit)
        try v.check()
        state = newState
        endReason = reason
        endedAt = at
        updatedAt = at
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
            state: existing?.state ?? .active, endedAt: existing?.endedAt, endReason: existing?.endReason,
            createdAt: existing?.createdAt ?? now, updatedAt: now)
    }
}
