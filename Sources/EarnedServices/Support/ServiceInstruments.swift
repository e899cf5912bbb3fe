import EarnedDomain
import Foundation

/// What became of one webhook delivery attempt.
public enum WebhookOutcome: String, CaseIterable, Sendable {
    /// The receiver answered 2xx.
    case delivered
    /// The receiver answered, with another status.
    case rejected
    /// No answer: refused, timed out, or the address did not resolve.
    case unreachable
}

/// Where the use cases count what they did, for `/metrics`: the web layer's Prometheus
/// registry conforms; a command or test may pass none.
public protocol ServiceInstruments: Sendable {
    /// Runs one scheduler pass, counting it, its time, and its failure if it throws.
    func schedulerPass<T: Sendable>(_ body: () async throws -> T) async throws -> T
    /// Runs one score computation, counting it, its time, its failure, and on success the time
    /// the run dates its results at.
    func scoreRun<T: Sendable>(computedAt: (T) -> Date, _ body: () async throws -> T) async throws -> T
    /// Counts one webhook delivery attempt.
    func webhookDelivery(_ outcome: WebhookOutcome)
}
