import EarnedDomain
import Foundation

/// A contact the business initiated with one demo customer, as the `customer_touches` table
/// keeps it: the customer, the touch (when and what for), the channel used and the task that
/// made it.
public struct DemoTouch: Hashable, Codable, Sendable {
    public var customerID: CustomerID
    public var touch: Touch
    /// The channel the customer was reached on; always one they consented to.
    public var channel: ContactChannel
    /// The key of the task that made the touch.
    public var taskKey: String

    public init(customerID: CustomerID, touch: Touch, channel: ContactChannel, taskKey: String) {
        self.customerID = customerID
        self.touch = touch
        self.channel = channel
        self.taskKey = taskKey
    }
}
