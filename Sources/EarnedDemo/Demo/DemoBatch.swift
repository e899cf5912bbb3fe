import EarnedDomain
import Foundation

/// A slice of the demo business's customers with everything that belongs to them.
public struct DemoBatch: Sendable {
    /// The positions of these customers in the whole generated list (0-based).
    public var range: Range<Int>
    /// The customers at `range`, in order.
    public var customers: [Customer]
    /// The orders of these customers, grouped by customer in `customers` order and oldest
    /// first within a customer.
    public var orders: [Order]
    /// Notes staff wrote about some of these customers.
    public var notes: [CustomerNote]
    /// One entry per customer, in `customers` order: the hidden ground truth.
    public var truths: [DemoCustomerTruth]

    public init(
        range: Range<Int>, customers: [Customer], orders: [Order], notes: [CustomerNote],
        truths: [DemoCustomerTruth]
    ) {
        self.range = range
        self.customers = customers
        self.orders = orders
        self.notes = notes
        self.truths = truths
    }

    /// The ids of the planted discount hunters in this batch, in `customers` order.
    public var discountHunterIDs: [CustomerID] {
        truths.filter(\.isDiscountHunter).map(\.customerID)
    }
}
