import Foundation

/// Why a consistency analysis or control chart could not be computed from its input.
public enum ConsistencyError: Error, Equatable, Sendable {
    /// A parameter is outside its allowed range (e.g. a confidence level of 1, λ of 0).
    case invalidParameter(String)
    /// A sample cannot describe the measure (e.g. a proportion built from values other than 0 and 1,
    /// or a mean outside the measure's range).
    case invalidSample(key: String, reason: String)
    /// Two slots of one dimension share a key.
    case duplicateKey(String)
    /// There is too little data for the requested computation.
    case insufficientData(String)
}
