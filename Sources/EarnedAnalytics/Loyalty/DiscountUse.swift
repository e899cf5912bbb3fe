import EarnedDomain
import Foundation

/// How much of a customer's buying was done with a discount: orders and spend, in total and on
/// discount, and the repeat orders (every order after the first) among them — the measure of
/// thesis T2, "discounts buy repeat purchases, not loyalty".
public struct DiscountUse: Hashable, Codable, Sendable {
    /// Orders placed.
    public var orders: Int
    /// Orders placed with a discount.
    public var discountedOrders: Int
    /// Orders after the first.
    public var repeatOrders: Int
    /// Orders after the first that had a discount.
    public var discountedRepeatOrders: Int
    /// Amount paid over all orders (in minor units or any one money unit).
    public var spend: Double
    /// Amount paid on the orders that had a discount (same unit as `spend`).
    public var discountedSpend: Double

    /// Discount use from counts and amounts.
    public init(
        orders: Int, discountedOrders: Int, repeatOrders: Int, discountedRepeatOrders: Int, spend: Double,
        discountedSpend: Double
    ) {
        self.orders = orders
        self.discountedOrders = discountedOrders
        self.repeatOrders = repeatOrders
        self.discountedRepeatOrders = discountedRepeatOrders
        self.spend = spend
        self.discountedSpend = discountedSpend
    }

    /// Discount use of one customer's orders (in any order; the earliest placed is the first
    /// purchase). Amounts are summed in minor units, so the orders should share one currency.
    public init(orders: [Order]) {
        let sorted = orders.sorted { $0.placedAt < $1.placedAt }
        var discounted = 0
        var discountedRepeat = 0
        var spend = 0.0
        var discountedSpend = 0.0
        for (position, order) in sorted.enumerated() {
            let paid = Double(order.amount.minorUnits)
            spend += paid
            guard order.isDiscounted else { continue }
            discounted += 1
            discountedSpend += paid
            if position > 0 { discountedRepeat += 1 }
        }
        self.init(
            orders: sorted.count, discountedOrders: discounted, repeatOrders: max(0, sorted.count - 1),
            discountedRepeatOrders: discountedRepeat, spend: spend, discountedSpend: discountedSpend)
    }

    /// Share of spend paid on discounted orders; nil without spend.
    public var spendShare: Double? { spend > 0 ? discountedSpend / spend : nil }

    /// Share of orders placed with a discount; nil without orders.
    public var orderShare: Double? { orders > 0 ? Double(discountedOrders) / Double(orders) : nil }
}
