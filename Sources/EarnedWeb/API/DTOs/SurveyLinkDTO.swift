import Foundation

struct SurveyLinkDTO: APIObject {
    var invitation_id: UUID
    var url: String
    var text: String
    var address: String
    var expires_at: Date
}
