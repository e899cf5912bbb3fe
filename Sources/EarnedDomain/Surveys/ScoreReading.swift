import Foundation

/// Where an NPS answer (0–10) puts the customer, after Reichheld (2003): 9–10 promoter, 7–8
/// passive, 0–6 detractor.
///
/// The one definition: the net promoter score, the loyalty classifier, the closed loop's referral
/// ask and the loyalty page's referral figures all read an NPS answer through it.
public enum PromoterGroup: String, Hashable, Codable, Sendable, CaseIterable {
    case promoter
    case passive
    case detractor

    /// The answers of each group.
    public static let promoters = 9...10
    public static let passives = 7...8
    public static let detractors = 0...6

    /// The group of an answer; nil outside 0–10.
    public init?(nps: Int) {
        switch nps {
        case Self.promoters: self = .promoter
        case Self.passives: self = .passive
        case Self.detractors: self = .detractor
        default: return nil
        }
    }
}

/// Where a CSAT answer (1–5) puts the customer: 4–5 satisfied, 3 neutral, 1–2 dissatisfied.
///
/// The one definition: the satisfaction share, the scorecard's "quality service" step, the
/// loyalty classifier and the closed loop all read a CSAT answer through it. (When a survey's
/// low score opens a case is the survey's own `LowScoreThresholds`, which an owner may set.)
public enum Satisfaction: String, Hashable, Codable, Sendable, CaseIterable {
    case satisfied
    case neutral
    case dissatisfied

    /// The answers of each level.
    public static let satisfiedAnswers = 4...5
    public static let neutralAnswers = 3...3
    public static let dissatisfiedAnswers = 1...2

    /// The level of an answer; nil outside 1–5.
    public init?(csat: Int) {
        switch csat {
        case Self.satisfiedAnswers: self = .satisfied
        case Self.neutralAnswers: self = .neutral
        case Self.dissatisfiedAnswers: self = .dissatisfied
        default: return nil
        }
    }
}

/// What one answer says of the customer's attitude to the business: NPS first, a promoter
/// positive and a detractor negative; where NPS was not asked or is passive, CSAT decides,
/// satisfied positive and dissatisfied negative. Nil when neither score says either way.
///
/// The closed loop asks a positive customer for a referral, the loyalty page counts positive
/// customers who referred, and the loyalty classifier reads the same two scores in the same
/// order (with share of wallet between them).
public enum AnswerAttitude: String, Hashable, Codable, Sendable, CaseIterable {
    case positive
    case negative

    public init?(nps: Int?, csat: Int?) {
        switch nps.flatMap(PromoterGroup.init(nps:)) {
        case .promoter: self = .positive
        case .detractor: self = .negative
        case .passive, nil:
            switch csat.flatMap(Satisfaction.init(csat:)) {
            case .satisfied: self = .positive
            case .dissatisfied: self = .negative
            case .neutral, nil: return nil
            }
        }
    }
}
