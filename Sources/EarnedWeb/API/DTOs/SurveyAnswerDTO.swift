import EarnedDomain
import Foundation

struct SurveyAnswerDTO: APIObject {
    var id: UUID
    var invitation_id: UUID?
    var external_id: String?
    var survey_id: UUID?
    var customer_id: UUID?
    var answered_at: Date
    var csat: Int?
    var nps: Int?
    var ces: Int?
    var share_of_wallet: String?
    var fast_enough: Bool?
    var comment: String?
    var may_quote: Bool?
    var may_ask_referral: Bool?
    var staff_id: UUID?
    var location_id: UUID?
    var shift: String?
    var served_channel: String?
    var case_id: UUID?
    var source: String

    init(_ r: SurveyResponse) {
        id = r.id.rawValue
        invitation_id = r.invitationID?.rawValue
        external_id = r.externalID
        survey_id = r.definitionID?.rawValue
        customer_id = r.customerID?.rawValue
        answered_at = r.answeredAt
        csat = r.values.csat
        nps = r.values.nps
        ces = r.values.ces
        share_of_wallet = r.values.shareOfWallet?.rawValue
        fast_enough = r.values.fastEnough
        comment = r.values.comment
        may_quote = r.values.mayQuote
        may_ask_referral = r.values.mayAskReferral
        staff_id = r.attribution?.staffID?.rawValue
        location_id = r.attribution?.locationID?.rawValue
        shift = r.attribution?.shiftName
        served_channel = r.attribution?.channel?.key
        case_id = r.caseID?.rawValue
        source = r.source.rawValue
    }
}
