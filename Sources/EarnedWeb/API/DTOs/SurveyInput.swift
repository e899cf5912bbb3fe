import EarnedDomain
import Vapor

/// A survey to create or change; what is left out keeps its value (or the default).
struct SurveyInput: Content {
    var name: String?
    var trigger: String?
    var interval_days: Int?
    var questions: [SurveyQuestionDTO]?
    var sampling_rate: Double?
    var delay_minutes: Int?
    var send_from: String?
    var send_until: String?
    var low_scores: LowScoresDTO?
    var follow_up_hours: Int?
    var link_validity_days: Int?
    var is_active: Bool?

    func draft(existing: SurveyDefinition?) throws(DomainError) -> SurveyDefinitionDraft {
        var errors: [FieldError] = []
        var trigger: SurveyTrigger?
        switch self.trigger {
        case nil:
            if case .relationship = existing?.trigger, let interval_days {
                trigger = .relationship(intervalDays: interval_days)
            }
        case "relationship":
            if case .relationship(let days) = existing?.trigger {
                trigger = .relationship(intervalDays: interval_days ?? days)
            } else if let interval_days {
                trigger = .relationship(intervalDays: interval_days)
            } else {
                errors.append(FieldError(field: "interval_days", code: .required))
            }
        case let key?:
            trigger = SurveyTrigger(key: key, intervalDays: 0)
            if trigger == nil {
                errors.append(
                    FieldError(
                        field: "trigger", code: .invalidChoice,
                        detail: SurveyTrigger.keys.joined(separator: ", ")))
            }
        }
        let from = DayPeriod.minutes(send_from, field: "send_from", into: &errors)
        let until = DayPeriod.minutes(send_until, field: "send_until", into: &errors)
        if !errors.isEmpty { throw .invalid(errors) }
        return SurveyDefinitionDraft(
            name: name, trigger: trigger,
            questions: questions?.map { SurveyQuestion(kind: $0.kind, wording: $0.wording ?? [:]) },
            samplingRate: sampling_rate, delayMinutes: delay_minutes,
            quietHours: from == nil && until == nil ? nil : QuietHoursDraft(sendFrom: from, sendUntil: until),
            thresholds: low_scores.map {
                LowScoreThresholds(csatAtMost: $0.csat_at_most, npsAtMost: $0.nps_at_most, cesAtLeast: $0.ces_at_least)
            }, followUpHours: follow_up_hours, linkValidityDays: link_validity_days, isActive: is_active)
    }
}
