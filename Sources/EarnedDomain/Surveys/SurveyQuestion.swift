import Foundation

/// One question of a survey: what is asked, and the words it is asked with in Russian and
/// English. Each kind has built-in words in both languages; a definition may override either.
public struct SurveyQuestion: Hashable, Codable, Sendable {
    /// What a question asks, and the values it accepts.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Customer satisfaction, 1 (very dissatisfied) to 5 (very satisfied).
        case csat
        /// Net Promoter question, 0 (would not recommend) to 10 (certainly would); Reichheld (2003).
        case nps
        /// Customer effort, 1 (very easy) to 7 (very hard): a higher score is worse.
        case ces
        /// "Do you also buy this elsewhere?" — one of `ShareOfWallet`.
        case shareOfWallet = "share_of_wallet"
        /// "Was it fast enough?" — yes or no: perceived speed, shown next to measured speed (T1).
        case fastEnough = "fast_enough"
        /// Free text, at most `SurveyAnswer.commentLimit` characters.
        case freeText = "free_text"
        /// Whether the business may quote the customer's words — yes or no.
        case quotePermission = "quote_permission"
        /// Whether the business may ask the customer for a referral — yes or no.
        case referralPermission = "referral_permission"

        /// The scale of a scored question (CSAT, NPS, CES); nil for the others.
        public var scale: ClosedRange<Int>? {
            switch self {
            case .csat: 1...5
            case .nps: 0...10
            case .ces: 1...7
            case .shareOfWallet, .fastEnough, .freeText, .quotePermission, .referralPermission: nil
            }
        }
    }

    /// The languages survey wording exists in.
    public static let languages = ["ru", "en"]
    /// The longest wording an owner may set.
    public static let wordingLimit = 300

    public var kind: Kind
    /// Wording that replaces the built-in one, by language ("ru", "en").
    public var wording: [String: String]

    public init(kind: Kind, wording: [String: String] = [:]) {
        self.kind = kind
        self.wording = wording
    }

    /// The words to ask with in `language`: the override, else the built-in wording; English for
    /// a language other than Russian.
    public func text(in language: String) -> String {
        let language = language == "ru" ? "ru" : "en"
        if let custom = wording[language], !custom.isEmpty { return custom }
        return Self.defaultText(kind, language: language)
    }

    /// The built-in wording of a kind in "ru" or "en" (English for any other language).
    public static func defaultText(_ kind: Kind, language: String) -> String {
        let ru = language == "ru"
        switch kind {
        case .csat:
            return ru
                ? "Насколько вы довольны обслуживанием? (1 — совсем недоволен, 5 — очень доволен)"
                : "How satisfied are you with the service? (1 — very dissatisfied, 5 — very satisfied)"
        case .nps:
            return ru
                ? "Насколько вероятно, что вы порекомендуете нас другу или коллеге? (0 — ни в коем случае, 10 — обязательно)"
                : "How likely are you to recommend us to a friend or colleague? (0 — not at all, 10 — extremely likely)"
        case .ces:
            return ru
                ? "Насколько легко было решить ваш вопрос? (1 — очень легко, 7 — очень трудно)"
                : "How much effort did it take to get what you needed? (1 — very little, 7 — a great deal)"
        case .shareOfWallet:
            return ru ? "Покупаете ли вы это и в других местах?" : "Do you also buy this elsewhere?"
        case .fastEnough:
            return ru ? "Всё было достаточно быстро?" : "Was it fast enough?"
        case .freeText:
            return ru ? "Что нам сделать лучше?" : "What could we do better?"
        case .quotePermission:
            return ru ? "Можно ли привести ваш отзыв как цитату?" : "May we quote what you wrote?"
        case .referralPermission:
            return ru
                ? "Можно ли попросить вас порекомендовать нас знакомым?"
                : "May we ask you to recommend us to people you know?"
        }
    }
}
