import EarnedDomain
import Foundation

/// The attitude part of one answered survey, with the moment it was given: the scored answers
/// (NPS 0–10, CSAT 1–5, CES 1–7) and the share-of-wallet choice; nil where not asked or not
/// answered.
public struct AttitudeAnswer: Hashable, Codable, Sendable {
    /// When the customer answered.
    public var answeredAt: Date
    /// "How likely are you to recommend us?" 0–10 (Reichheld 2003).
    public var nps: Int?
    /// Satisfaction 1–5.
    public var csat: Int?
    /// Customer effort 1–7 (higher is harder).
    public var ces: Int?
    /// "Do you also buy this elsewhere?"
    public var shareOfWallet: ShareOfWallet?

    /// An answer from its parts.
    public init(
        answeredAt: Date, nps: Int? = nil, csat: Int? = nil, ces: Int? = nil, shareOfWallet: ShareOfWallet? = nil
    ) {
        self.answeredAt = answeredAt
        self.nps = nps
        self.csat = csat
        self.ces = ces
        self.shareOfWallet = shareOfWallet
    }

    /// The attitude part of a stored survey answer.
    public init(_ answer: SurveyAnswer) {
        self.init(
            answeredAt: answer.answeredAt, nps: answer.values.nps, csat: answer.values.csat, ces: answer.values.ces,
            shareOfWallet: answer.values.shareOfWallet)
    }
}
