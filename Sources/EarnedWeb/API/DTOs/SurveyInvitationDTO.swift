import EarnedDomain
import Foundation

struct SurveyInvitationDTO: APIObject {
    var id: UUID
    var survey_id: UUID
    var customer_id: UUID
    var subject: String
    var subject_id: UUID
    var channel: String
    var language: String
    var send_at: Date
    var expires_at: Date
    var state: String
    var answered_at: Date?
    var staff_id: UUID?
    var location_id: UUID?
    var shift: String?
    var served_channel: String?

    init(_ i: SurveyInvitation, now: Date) {
        id = i.id.rawValue
        survey_id = i.definitionID.rawValue
        customer_id = i.customerID.rawValue
        subject = i.subject.kind.rawValue
        subject_id = i.subject.id
        channel = i.channel.rawValue
        language = i.language
        send_at = i.sendAt
        expires_at = i.expiresAt
        state = i.state(at: now).rawValue
        answered_at = i.answeredAt
        staff_id = i.attribution.staffID?.rawValue
        location_id = i.attribution.locationID?.rawValue
        shift = i.attribution.shiftName
        served_channel = i.attribution.channel?.key
    }
}
