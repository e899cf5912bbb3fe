/// How a promise stands at a given instant; see `Promise.outcome(at:)` for the rule.
public enum PromiseOutcome: String, Codable, Sendable, CaseIterable {
    /// Not kept or broken, and the due time in force has not passed.
    case open
    /// Not kept or broken, and the due time in force has passed.
    case overdue
    /// Kept by the original due time, never validly moved.
    case keptOnTime = "kept_on_time"
    /// Kept by a due time that was moved in time, with the customer told.
    case renegotiated
    /// Kept after the due time in force.
    case late
    /// Marked broken.
    case broken

    /// Whether the promise's fate is settled (kept or broken); open and overdue are not.
    public var isDecided: Bool {
        switch self {
        case .open, .overdue: false
        case .keptOnTime, .renegotiated, .late, .broken: true
        }
    }

    /// Whether it counts as kept on time: by the original time or by one renegotiated in time.
    public var isOnTime: Bool { self == .keptOnTime || self == .renegotiated }

    /// Whether the customer was let down: the promise was kept late or broken. What the cost of a
    /// broken promise, the service covariates of the lifetime model and the customer's story
    /// count as a failed promise.
    public var isFailed: Bool { self == .late || self == .broken }
}
