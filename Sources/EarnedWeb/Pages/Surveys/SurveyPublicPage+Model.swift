import EarnedDomain
import Plot
import Vapor

/// The page a customer opens from a survey link: no sign-in, no navigation, phone-first, and
/// nothing loaded from anywhere but this server. In the invitation's language.
struct SurveyPublicPage {
    let definition: SurveyDefinition
    let language: String
    let action: String
    var csrf: String
    /// Who asks: the location that served the customer, so the page is not a stranger's.
    var asker: String? = nil
    var values: SurveyAnswerDraft = SurveyAnswerDraft()
    var errors: [FieldError] = []
    var s: Strings { Strings(lang: language == "en" ? .en : .ru) }
}
