import Foundation

/// Errors raised by the analytics functions when their input cannot describe customers.
public enum AnalyticsError: Error, Equatable, Sendable {
    /// Parallel arrays had different lengths.
    case mismatchedLengths
    /// A customer's history is impossible (e.g. negative frequency, recency after age).
    case invalidHistory(index: Int, reason: String)
    /// There is too little data to fit the model (e.g. no repeat buyers).
    case insufficientData(String)
    /// The optimiser found no finite likelihood from any start.
    case fitFailed(String)
}
