import EarnedDomain
import Foundation

struct SurveyDTO: APIObject {
    var id: UUID
    var name: String
    var trigger: String
    var interval_days: Int?
    var questions: [SurveyQuestionDTO]
    var sampling_rate: Double
    var delay_minutes: Int
    var send_from: String
    var send_until: String
    var low_scores: LowScoresDTO
    var follow_up_hours: Int
    var link_validity_days: Int
    var is_active: Bool
    var created_at: Date
    var updated_at: Date

    init(_ d: SurveyDefinition) {
        id = d.id.rawValue
        name = d.name
        trigger = d.trigger.key
        if case .relationship(let days) = d.trigger { interval_days = days } else { interval_days = nil }
        questions = d.questions.map { SurveyQuestionDTO(kind: $0.kind, wording: $0.wording) }
        sampling_rate = d.samplingRate
        delay_minutes = Int((d.delay / 60).rounded())
        send_from = ClockText.text(d.quietHours.sendFrom)
        send_until = ClockText.text(d.quietHours.sendUntil)
        low_scores = LowScoresDTO(
            csat_at_most: d.thresholds.csatAtMost, nps_at_most: d.thresholds.npsAtMost,
            ces_at_least: d.thresholds.cesAtLeast)
        follow_up_hours = Int((d.followUpTarget / 3600).rounded())
        link_validity_days = Int((d.linkValidity / 86_400).rounded())
        is_active = d.isActive
        created_at = d.createdAt
        updated_at = d.updatedAt
    }
}
