import EarnedDomain
import EarnedStore
import Foundation
import Plot

/// What the survey pages share: how a trigger reads.
enum SurveyViews {
    static func trigger(_ t: SurveyTrigger, _ s: Strings) -> String {
        if case .relationship(let days) = t {
            return s.triggerName(t.key) + " · " + s.count(days, ru: "день", "дня", "дней", en: "day", "days")
        }
        return s.triggerName(t.key)
    }
}
