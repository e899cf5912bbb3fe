import EarnedDomain
import Foundation

/// What the demo generator knows about one customer and the data cannot show directly: the
/// hidden parameters of their buying, for checking what analytics recover.
public struct DemoCustomerTruth: Hashable, Codable, Sendable {
    /// The customer this is about.
    public var customerID: CustomerID
    /// A member of the planted discount-hunter group: buys mostly in sale weeks and on discount.
    public var isDiscountHunter: Bool
    /// Registered without buying anything (a lead); such a customer has no orders.
    public var isLead: Bool
    /// Expected purchases per demand day while active (BG/NBD λ, drawn from a gamma).
    public var purchaseRate: Double
    /// Probability of becoming inactive after each repeat purchase (BG/NBD p, drawn from a beta).
    public var dropoutProbability: Double
    /// When the customer became inactive (right after that purchase); nil while still active.
    public var droppedOutAt: Date?
    /// Mean list price of their orders in model units (Gamma-Gamma: p / ν), before discounts.
    public var meanSpend: Double
    /// Their first service moment — of both kinds, the earlier — if they had one: where the
    /// planted effect of service on buying starts (`DemoGroundTruth.failedPromiseEffect`).
    public var serviceMoment: ServiceMoment?
    /// Whether that moment was a contact (else a promise).
    public var serviceMomentIsContact = false
    /// The orders, and the last order's time, that the customer's own promises and questions are
    /// spread over: those planned before the planted effect removed any, so that planting it
    /// changes nothing before the moment.
    public var plannedOrderCount = 0
    public var plannedLastOrderAt: Date?

    public init(
        customerID: CustomerID, isDiscountHunter: Bool, isLead: Bool, purchaseRate: Double,
        dropoutProbability: Double, droppedOutAt: Date?, meanSpend: Double
    ) {
        self.customerID = customerID
        self.isDiscountHunter = isDiscountHunter
        self.isLead = isLead
        self.purchaseRate = purchaseRate
        self.dropoutProbability = dropoutProbability
        self.droppedOutAt = droppedOutAt
        self.meanSpend = meanSpend
    }
}
