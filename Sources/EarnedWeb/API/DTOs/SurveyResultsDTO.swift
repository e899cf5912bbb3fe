import Foundation

struct SurveyResultsDTO: APIObject {
    var by: String
    var from: Date
    var to: Date
    var total: SurveyGroupDTO
    var groups: [SurveyGroupDTO]
}
