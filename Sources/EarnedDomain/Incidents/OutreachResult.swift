import Foundation

/// Where call-first outreach stands with one affected customer.
public struct OutreachResult: Hashable, Codable, Sendable {
    public var customerID: CustomerID
    /// When the business reached the customer about the incident.
    public var toldAt: Date?
    /// The customer's first inbound contact (call, message, visit) after the incident was found.
    public var firstInboundAt: Date?

    public init(customerID: CustomerID, toldAt: Date? = nil, firstInboundAt: Date? = nil) {
        self.customerID = customerID
        self.toldAt = toldAt
        self.firstInboundAt = firstInboundAt
    }

    public func classification(foundAt: Date) -> ToldFirst {
        ToldFirst.classify(foundAt: foundAt, toldAt: toldAt, firstInboundAt: firstInboundAt)
    }
}
