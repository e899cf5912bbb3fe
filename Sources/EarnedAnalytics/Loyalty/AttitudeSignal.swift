import EarnedDomain
import Foundation

/// One piece of attitude evidence, as a code the web layer words in Russian or English.
public enum AttitudeSignal: Hashable, Codable, Sendable {
    /// Answered NPS as a promoter.
    case promoter(nps: Int)
    /// Answered NPS as a detractor.
    case detractor(nps: Int)
    /// Answered CSAT satisfied.
    case satisfied(csat: Int)
    /// Answered CSAT dissatisfied.
    case dissatisfied(csat: Int)
    /// Said they buy only or mostly here.
    case buysHere(ShareOfWallet)
    /// Said they buy mostly elsewhere.
    case buysElsewhere(ShareOfWallet)
    /// Brought other customers (the count of all their referrals).
    case referred(count: Int)

    /// Whether the signal speaks for the business (high attitude) or against it (low).
    public var isPositive: Bool {
        switch self {
        case .promoter, .satisfied, .buysHere, .referred: true
        case .detractor, .dissatisfied, .buysElsewhere: false
        }
    }
}
