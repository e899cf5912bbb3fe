import Foundation

/// What a customer submits on the public survey page (or an import supplies): raw values, checked
/// against the survey's questions. Field names are the questions' kinds ("csat", "nps", "ces",
/// "share_of_wallet", "fast_enough", "free_text", "quote_permission", "referral_permission").
public struct SurveyAnswerDraft: Hashable, Codable, Sendable {
    public var csat: Int?
    public var nps: Int?
    public var ces: Int?
    /// One of `ShareOfWallet`'s raw values.
    public var shareOfWallet: String?
    public var fastEnough: Bool?
    public var comment: String?
    public var mayQuote: Bool?
    public var mayAskReferral: Bool?

    public init(
        csat: Int? = nil, nps: Int? = nil, ces: Int? = nil, shareOfWallet: String? = nil, fastEnough: Bool? = nil,
        comment: String? = nil, mayQuote: Bool? = nil, mayAskReferral: Bool? = nil
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

    /// Checks every value, reporting every bad one under its question's name: a score outside its
    /// scale (`outOfRange`, e.g. "csat: 1 to 5"), an unknown share-of-wallet choice, a comment over
    /// `SurveyAnswer.commentLimit` characters, a value for a question the survey does not ask
    /// (`inconsistent`), and nothing answered at all (`required` on "answers").
    public func validated(asking kinds: [SurveyQuestion.Kind]) throws(DomainError) -> SurveyAnswerValues {
        var v = Validator()
        let asked = Set(kinds)
        func notAsked(_ kind: SurveyQuestion.Kind) {
            v.add(kind.rawValue, .inconsistent, detail: "question \(kind.rawValue) is not asked in this survey")
        }
        func score(_ kind: SurveyQuestion.Kind, _ value: Int?) -> Int? {
            guard let value else { return nil }
            guard asked.contains(kind) else {
                notAsked(kind)
                return nil
            }
            let scale = kind.scale ?? 0...0
            guard scale.contains(value) else {
                v.add(kind.rawValue, .outOfRange, detail: "\(scale.lowerBound) to \(scale.upperBound)")
                return nil
            }
            return value
        }
        func flag(_ kind: SurveyQuestion.Kind, _ value: Bool?) -> Bool? {
            guard let value else { return nil }
            guard asked.contains(kind) else {
                notAsked(kind)
                return nil
            }
            return value
        }
        var values = SurveyAnswerValues(
            csat: score(.csat, csat), nps: score(.nps, nps), ces: score(.ces, ces),
            fastEnough: flag(.fastEnough, fastEnough), mayQuote: flag(.quotePermission, mayQuote),
            mayAskReferral: flag(.referralPermission, mayAskReferral))
        let choice = shareOfWallet?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if !choice.isEmpty {
            if !asked.contains(.shareOfWallet) {
                notAsked(.shareOfWallet)
            } else if let share = ShareOfWallet(rawValue: choice) {
                values.shareOfWallet = share
            } else {
                v.add(
                    SurveyQuestion.Kind.shareOfWallet.rawValue, .invalidChoice,
                    detail: ShareOfWallet.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        let text = v.text(SurveyQuestion.Kind.freeText.rawValue, comment, max: SurveyAnswer.commentLimit)
        if text != nil, !asked.contains(.freeText) {
            notAsked(.freeText)
        } else {
            values.comment = text
        }
        if v.errors.isEmpty, values.answeredKinds.isEmpty { v.add("answers", .required) }
        try v.check()
        return values
    }
}
