import Foundation

/// A greeting the planner decided to send: to whom, why, how, when and what.
public struct PlannedGreeting: Hashable, Codable, Sendable {
    public var customerID: CustomerID
    public var occasion: GreetingOccasion
    public var channel: ContactChannel
    /// The opening of the sending window on the greeting's day, in the customer's time zone.
    public var sendAt: Date
    public var text: String
    /// The language of the template used ("ru" or "en").
    public var language: String
    /// "greeting:<customer id>:<occasion key>:<yyyy-MM-dd>": planning the same day twice yields
    /// the same key, so a task queue can refuse the duplicate.
    public var taskKey: String

    public init(
        customerID: CustomerID, occasion: GreetingOccasion, channel: ContactChannel, sendAt: Date, text: String,
        language: String, taskKey: String
    ) {
        self.customerID = customerID
        self.occasion = occasion
        self.channel = channel
        self.sendAt = sendAt
        self.text = text
        self.language = language
        self.taskKey = taskKey
    }

    /// The touch to record once the greeting is sent.
    public var touch: Touch { Touch(at: sendAt, kind: .greeting) }
}
