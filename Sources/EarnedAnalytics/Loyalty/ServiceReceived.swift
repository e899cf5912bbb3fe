import Foundation

/// The service failures a customer met in the window the caller chose. Used only to word the
/// reason and pick the next action, never to place the segment.
public struct ServiceReceived: Hashable, Codable, Sendable {
    /// Promises to the customer marked broken.
    public var brokenPromises: Int
    /// Promises to the customer kept after their due time.
    public var latePromises: Int
    /// The customer's contacts answered after their reply target.
    public var lateReplies: Int

    /// Service failures from their counts.
    public init(brokenPromises: Int = 0, latePromises: Int = 0, lateReplies: Int = 0) {
        self.brokenPromises = brokenPromises
        self.latePromises = latePromises
        self.lateReplies = lateReplies
    }

    /// Whether any promise was broken or late, or any reply late.
    public var hasFailures: Bool { brokenPromises > 0 || latePromises > 0 || lateReplies > 0 }
}
