import Foundation

/// The checked values of one answered survey; nil where a question was not asked or not answered.
public struct SurveyAnswerValues: Hashable, Codable, Sendable {
    public var csat: Int?
    public var nps: Int?
    public var ces: Int?
    public var shareOfWallet: ShareOfWallet?
    public var fastEnough: Bool?
    public var comment: String?
    public var mayQuote: Bool?
    public var mayAskReferral: Bool?

    public init(
        csat: Int? = nil, nps: Int? = nil, ces: Int? = nil, shareOfWallet: ShareOfWallet? = nil,
        fastEnough: Bool? = nil, comment: String? = nil, mayQuote: Bool? = nil, mayAskReferral: Bool? = nil
    ) {
        self.csat = csat
        self.nps = nps
        self.ces = ces
        self.shareOfWallet = shareOfWallet
        self.fastEnough = fastEnough
        self.comment = comment
        self.mayQuote = mayQuote
        self.mayAskReferral = mayAskReferral
    }

    /// The score given to a scored question (CSAT, NPS, CES).
    public func score(_ kind: SurveyQuestion.Kind) -> Int? {
        switch kind {
        case .csat: csat
        case .nps: nps
        case .ces: ces
        case .shareOfWallet, .fastEnough, .freeText, .quotePermission, .referralPermission: nil
        }
    }

    /// The questions that got an answer.
    public var answeredKinds: [SurveyQuestion.Kind] {
        SurveyQuestion.Kind.allCases.filter { kind in
            switch kind {
            case .csat, .nps, .ces: score(kind) != nil
            case .shareOfWallet: shareOfWallet != nil
            case .fastEnough: fastEnough != nil
            case .freeText: comment != nil
            case .quotePermission: mayQuote != nil
            case .referralPermission: mayAskReferral != nil
            }
        }
    }
}
