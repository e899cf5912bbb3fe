import Foundation

/// The ten steps of the service-first programme (PRODUCT.md thesis T10, scorecard N), each
/// measured from the business's own records.
public enum ScorecardStep: String, Codable, Sendable, CaseIterable {
    /// CSAT: the share of answers satisfied (4–5), with the mean beside it.
    case qualityService = "quality_service"
    /// Promises kept (on time, late, or moved in time) of promises decided: not broken.
    case keepPromises = "keep_promises"
    /// Promises and deliveries on time (kept by the due time, or moved before it).
    case neverLate = "never_late"
    /// Cases closed by the owner they opened with, of cases closed.
    case takeResponsibility = "take_responsibility"
    /// Cases the customer confirmed fixed, of cases the staff resolved; time to fix beside it.
    case solveProblems = "solve_problems"
    /// Affected customers told before they contacted the business, of those decided.
    case callFirst = "call_first"
    /// Claims (cases with a corrective action) accepted on the customer's word.
    case trustThem = "trust_them"
    /// Inbound contacts answered, of those whose first-reply target has run out or that were
    /// answered.
    case beReachable = "be_reachable"
    /// First replies within target; the median and 90th percentile of the first-reply time beside it.
    case answerFast = "answer_fast"
    /// The consistency index of on-time promises and deliveries across shifts and locations.
    case buildTrust = "build_trust"

    /// How the step's figure reads.
    public var kind: ScorecardFigure.Kind {
        switch self {
        case .buildTrust: .index
        default: .share
        }
    }
}
