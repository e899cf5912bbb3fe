import Foundation

/// A follow-up the scheduler should turn into a task for a staff member.
public struct PlannedFollowUp: Hashable, Codable, Sendable {
    /// Why a step is planned but cannot be carried out.
    public enum SkipReason: String, Codable, Sendable, CaseIterable {
        /// The customer consents to none of the channels the step may use.
        case noConsent = "no_consent"
    }

    /// "aftersale:<order id>:<step key>": unique per order and step, so the scheduler never
    /// creates the same task twice.
    public var taskKey: String
    public var orderID: OrderID
    public var customerID: CustomerID
    public var locationID: LocationID?
    public var step: FollowUpStep
    public var dueAt: Date
    /// How to reach the customer: `visit` for a handover in person, otherwise the channel to call
    /// or write on; nil when the step is skipped.
    public var channel: ContactChannel?
    /// Who should make the contact.
    public var ownerID: StaffID?
    /// Set when the step cannot be carried out; shown rather than silently dropped.
    public var skippedReason: SkipReason?

    public init(
        taskKey: String, orderID: OrderID, customerID: CustomerID, locationID: LocationID?, step: FollowUpStep,
        dueAt: Date, channel: ContactChannel?, ownerID: StaffID?, skippedReason: SkipReason? = nil
    ) {
        self.taskKey = taskKey
        self.orderID = orderID
        self.customerID = customerID
        self.locationID = locationID
        self.step = step
        self.dueAt = dueAt
        self.channel = channel
        self.ownerID = ownerID
        self.skippedReason = skippedReason
    }

    /// The task key of an order's step.
    public static func taskKey(order: OrderID, step: FollowUpStep) -> String {
        "aftersale:\(order.rawValue.uuidString.lowercased()):\(step.key)"
    }

    public var isSkipped: Bool { skippedReason != nil }
}
