import EarnedAnalytics
import EarnedDomain
import Foundation
import Vapor

struct SurveyQuestionDTO: Content {
    var kind: SurveyQuestion.Kind
    var wording: [String: String]?
}

struct LowScoresDTO: Content {
    var csat_at_most: Int
    var nps_at_most: Int
    var ces_at_least: Int
}

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
        send_from = SettingsController.clock(d.quietHours.sendFrom)
        send_until = SettingsController.clock(d.quietHours.sendUntil)
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
        func minutes(_ field: String, _ text: String?) -> Int? {
            guard let text else { return nil }
            guard let m = SettingsController.minutes(text) else {
                errors.append(FieldError(field: field, code: .invalidFormat, detail: "HH:MM"))
                return nil
            }
            return m
        }
        let from = minutes("send_from", send_from)
        let until = minutes("send_until", send_until)
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

struct SurveyLinkDTO: APIObject {
    var invitation_id: UUID
    var url: String
    var text: String
    var address: String
    var expires_at: Date
}

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

/// A share with its Wilson interval; the interval is null under ten answers.
struct ShareDTO: APIObject {
    var successes: Int
    var trials: Int
    var share: Double?
    var lower: Double?
    var upper: Double?

    init(_ successes: Int, of trials: Int) {
        self.successes = successes
        self.trials = trials
        share = trials > 0 ? Double(successes) / Double(trials) : nil
        let interval =
            trials >= SurveyResultsPage.minimumAnswers ? WilsonInterval(successes: successes, trials: trials) : nil
        lower = interval?.lower
        upper = interval?.upper
    }
}

struct NPSDTO: APIObject {
    var score: Double
    var promoters: Int
    var passives: Int
    var detractors: Int
    var lower: Double?
    var upper: Double?
    var interval_method: String

    init(_ n: NetPromoterScore) {
        score = n.score
        promoters = n.promoters
        passives = n.passives
        detractors = n.detractors
        let enough = n.count >= SurveyResultsPage.minimumAnswers
        lower = enough ? n.lower : nil
        upper = enough ? n.upper : nil
        interval_method = NetPromoterScore.intervalMethod
    }
}

struct SurveyGroupDTO: APIObject {
    var key: String
    var answers: Int
    var response_rate: ShareDTO
    var nps: NPSDTO?
    var csat_satisfied: ShareDTO?
    var csat_mean: Double?
    var ces_high_effort: ShareDTO?
    var ces_mean: Double?
    var fast_enough: ShareDTO

    init(_ g: SurveyResults.Group) {
        key = g.key
        answers = g.answers
        response_rate = ShareDTO(g.responseRate.answered, of: g.responseRate.sent)
        nps = g.nps.map(NPSDTO.init)
        csat_satisfied = g.csat.map { ShareDTO($0.satisfied, of: $0.count) }
        csat_mean = g.csat?.mean
        ces_high_effort = g.ces.map { ShareDTO($0.highEffort, of: $0.count) }
        ces_mean = g.ces?.mean
        fast_enough = ShareDTO(g.fastEnough, of: g.fastEnoughAsked)
    }
}

struct SurveyResultsDTO: APIObject {
    var by: String
    var from: Date
    var to: Date
    var total: SurveyGroupDTO
    var groups: [SurveyGroupDTO]
}
