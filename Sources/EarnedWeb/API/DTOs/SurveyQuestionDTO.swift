import EarnedDomain
import Vapor

struct SurveyQuestionDTO: Content {
    var kind: SurveyQuestion.Kind
    var wording: [String: String]?
}
