import EarnedDomain
import Foundation

/// Collects the history as it is generated and counts the steps the domain refused, so a rule
/// the generator breaks shows as a number a test can check rather than as a crash.
struct DemoServiceLog {
    var history = DemoServiceHistory()
    /// Follow-up outcomes in words, per language: most outcomes repeat, so each is written once.
    var summaries: [String: [FollowUpOutcome: String]] = [:]

    /// Runs one domain step; true when it was accepted. A refused step is counted and left out.
    mutating func step(_ body: () throws(DomainError) -> Void) -> Bool {
        do {
            try body()
            return true
        } catch {
            history.refusedSteps += 1
            return false
        }
    }

    /// The value a domain constructor returns, or nil (counted) when it refuses.
    mutating func make<T>(_ body: () throws(DomainError) -> T) -> T? {
        do {
            return try body()
        } catch {
            history.refusedSteps += 1
            return nil
        }
    }
}
