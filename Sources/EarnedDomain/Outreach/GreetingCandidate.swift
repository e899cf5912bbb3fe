import Foundation

/// A customer the greeting planner looks at, with what it needs to know beyond the customer
/// record.
public struct GreetingCandidate: Hashable, Codable, Sendable {
    public var customer: Customer
    /// The customer's time zone (the caller passes the home location's): greetings are timed and
    /// anniversaries dated in it.
    public var timeZone: TimeZone
    /// When the customer's first order was placed.
    public var firstOrderAt: Date?
    /// The items summary of the customer's last order.
    public var lastOrderItems: String?
    /// The name of the customer's home location.
    public var locationName: String?
    /// Whose holidays the customer is greeted on (the caller passes the home location's).
    public var country: Country
    /// Touches already made, for the fatigue budget.
    public var touches: [Touch]

    public init(
        customer: Customer, timeZone: TimeZone, firstOrderAt: Date? = nil, lastOrderItems: String? = nil,
        locationName: String? = nil, country: Country = .businessDefault, touches: [Touch] = []
    ) {
        self.country = country
        self.customer = customer
        self.timeZone = timeZone
        self.firstOrderAt = firstOrderAt
        self.lastOrderItems = lastOrderItems
        self.locationName = locationName
        self.touches = touches
    }
}
