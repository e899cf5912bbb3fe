import Foundation

/// When to try a failed delivery again: 30 seconds, then 2 and 10 minutes, 1 and 6 hours, then
/// once a day, with up to 10 % jitter so many failing deliveries do not retry in step. After
/// `maxAttempts` the delivery is given up and shown as failed in the delivery log.
public struct WebhookBackoff: Sendable, Hashable {
    public var delays: [TimeInterval]
    public var maxAttempts: Int

    public init(delays: [TimeInterval] = [30, 120, 600, 3_600, 21_600, 86_400], maxAttempts: Int = 8) {
        self.delays = delays
        self.maxAttempts = maxAttempts
    }

    /// The next attempt after `attempts` failed ones, or nil when it is time to give up.
    /// `jitter` in 0...1 (a random draw by the caller) stretches the delay by up to 10 %.
    public func nextAttempt(afterFailures attempts: Int, at now: Date, jitter: Double = 0) -> Date? {
        guard attempts < maxAttempts, attempts >= 1 else { return attempts < 1 ? now : nil }
        let base = delays[min(attempts - 1, delays.count - 1)]
        return now.addingTimeInterval(base * (1 + 0.1 * min(max(jitter, 0), 1)))
    }
}
