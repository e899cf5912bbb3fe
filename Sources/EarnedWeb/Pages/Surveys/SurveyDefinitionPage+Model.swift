import EarnedDomain
import EarnedStore
import Foundation
import Plot

/// Creating or editing a survey: trigger, questions, sampling, delay, link validity and the
/// thresholds that open a case.
struct SurveyDefinitionPage {
    var viewer: ViewerContext
    var form: SurveyDefinitionForm
    var action: String
    var title: String
    var errors: [FieldError]
}
