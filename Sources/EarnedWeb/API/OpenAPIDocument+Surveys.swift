import EarnedDomain
import Foundation

/// Surveys in the OpenAPI document.
extension OpenAPIDocument {
    static let surveyOperations: [Operation] = [
        Operation(
            method: "get", endpoint: .surveys, summary: "Survey definitions (managers and the owner)",
            response: "SurveyArray", status: 200),
        Operation(
            method: "post", endpoint: .surveys,
            summary: "Create a survey (owner): trigger, questions (custom wording per language), sampling, delay, "
                + "sending hours, low-score thresholds, follow-up target, link validity",
            request: "SurveyInput", response: "Survey", status: 201),
        Operation(
            method: "get", endpoint: .surveyResults,
            summary: "Response rate, NPS, CSAT, CES and 'fast enough' with 95 % intervals, grouped",
            response: "SurveyResults", status: 200,
            query: [
                ("by", "string", "location (default), shift, staff, channel or survey"),
                ("from", "string", "ISO 8601; default 90 days before to"), ("to", "string", "ISO 8601; default now"),
            ]),
        Operation(method: "get", endpoint: .survey(.key), summary: "A survey", response: "Survey", status: 200),
        Operation(
            method: "patch", endpoint: .survey(.key),
            summary: "Change a survey (owner); what is left out keeps its value", request: "SurveyInput",
            response: "Survey", status: 200),
        Operation(
            method: "get", endpoint: .surveyInvitations,
            summary: "Invitations sent, newest first, of your locations and the customers you served",
            response: "SurveyInvitationArray", status: 200,
            query: [
                ("state", "string", "open, answered or expired"), ("limit", "integer", "1 to 500, default 50"),
            ]),
        Operation(
            method: "post", endpoint: .surveyInvitationLink(.key),
            summary:
                "A new one-time link for an open invitation, to send by hand or through your own gateway; the previous link stops working",
            response: "SurveyLink", status: 200),
        Operation(
            method: "get", endpoint: .surveyAnswers,
            summary: "Answers (through links and imported), newest first, of your locations",
            response: "SurveyAnswerArray", status: 200,
            query: [
                ("from", "string", "ISO 8601"), ("to", "string", "ISO 8601"),
                ("low", "boolean", "only answers that opened a case"), ("limit", "integer", "1 to 500, default 50"),
            ]),
    ]

    static var surveySchemas: [String: [String: Any]] {
        let uuid = string(format: "uuid")
        let nullableUUID = string(format: "uuid", nullable: true)
        let time = string(format: "date-time")
        let nullableTime = string(format: "date-time", nullable: true)
        let number: [String: Any] = ["type": "number"]
        let nullableNumber: [String: Any] = ["type": ["number", "null"]]
        let nullableInteger: [String: Any] = ["type": ["integer", "null"], "format": "int64"]
        let nullableBool: [String: Any] = ["type": ["boolean", "null"]]
        let question = object(
            [
                "kind": enumeration(SurveyQuestion.Kind.allCases.map(\.rawValue)),
                "wording": [
                    "type": ["object", "null"], "description": "custom words per language: ru, en",
                    "additionalProperties": string(max: SurveyQuestion.wordingLimit),
                ],
            ], required: ["kind"])
        let lowScores = object(
            ["csat_at_most": integer("1 to 4"), "nps_at_most": integer("0 to 9"), "ces_at_least": integer("2 to 7")],
            required: ["csat_at_most", "nps_at_most", "ces_at_least"])
        let trigger = enumeration(["order_delivered", "contact_resolved", "case_closed", "relationship"])
        let survey: Props = [
            "id": uuid, "name": string(max: SurveyDefinitionDraft.nameLimit), "trigger": trigger,
            "interval_days": nullableInteger, "questions": array(question),
            "sampling_rate": ["type": "number", "description": "more than 0, at most 1"],
            "delay_minutes": integer(), "send_from": string("HH:MM in the customer's time"),
            "send_until": string("HH:MM"), "low_scores": lowScores, "follow_up_hours": integer("business hours"),
            "link_validity_days": integer(), "is_active": ["type": "boolean"], "created_at": time, "updated_at": time,
        ]
        var input = survey
        for key in ["id", "created_at", "updated_at"] { input.removeValue(forKey: key) }
        input["interval_days"] = integer("7 to 730, for relationship")
        let invitation: Props = [
            "id": uuid, "survey_id": uuid, "customer_id": uuid,
            "subject": enumeration(ServiceTask.Subject.Kind.allCases.map(\.rawValue)), "subject_id": uuid,
            "channel": string(), "language": enumeration(["ru", "en"]), "send_at": time, "expires_at": time,
            "state": enumeration(SurveyInvitation.State.allCases.map(\.rawValue)), "answered_at": nullableTime,
            "staff_id": nullableUUID, "location_id": nullableUUID, "shift": string(nullable: true),
            "served_channel": string(nullable: true),
        ]
        let link: Props = [
            "invitation_id": uuid, "url": string("the one-time link"), "text": string("a message carrying it"),
            "address": string("where to send it"), "expires_at": time,
        ]
        let answer: Props = [
            "id": uuid, "invitation_id": nullableUUID, "external_id": string(nullable: true),
            "survey_id": nullableUUID, "customer_id": nullableUUID, "answered_at": time, "csat": nullableInteger,
            "nps": nullableInteger, "ces": nullableInteger,
            "share_of_wallet": enumeration(ShareOfWallet.allCases.map(\.rawValue), nullable: true),
            "fast_enough": nullableBool, "comment": string(nullable: true), "may_quote": nullableBool,
            "may_ask_referral": nullableBool, "staff_id": nullableUUID, "location_id": nullableUUID,
            "shift": string(nullable: true), "served_channel": string(nullable: true), "case_id": nullableUUID,
            "source": enumeration(SurveyResponse.Source.allCases.map(\.rawValue)),
        ]
        let share: Props = [
            "successes": integer(), "trials": integer(), "share": nullableNumber,
            "lower": ["type": ["number", "null"], "description": "Wilson score interval, 95 %; null under 10"],
            "upper": nullableNumber,
        ]
        let nps: Props = [
            "score": number, "promoters": integer(), "passives": integer(), "detractors": integer(),
            "lower": ["type": ["number", "null"], "description": "95 %; null under 10 answers"],
            "upper": nullableNumber, "interval_method": string(),
        ]
        let nullableShare: [String: Any] = ["oneOf": [ref("Share"), ["type": "null"]]]
        let group: Props = [
            "key": string("a location id, '<location id>|<shift>', a staff id, a channel or a survey id"),
            "answers": integer(), "response_rate": ref("Share"),
            "nps": ["oneOf": [ref("NPS"), ["type": "null"]]], "csat_satisfied": nullableShare,
            "csat_mean": nullableNumber, "ces_high_effort": nullableShare, "ces_mean": nullableNumber,
            "fast_enough": ref("Share"),
        ]
        let results: Props = [
            "by": enumeration(SurveyResults.Dimension.allCases.map(\.rawValue)), "from": time, "to": time,
            "total": ref("SurveyGroup"), "groups": array(ref("SurveyGroup")),
        ]
        return [
            "Survey": object(survey, required: Array(survey.keys)), "SurveyArray": array(ref("Survey")),
            "SurveyInput": object(input),
            "SurveyInvitation": object(invitation, required: Array(invitation.keys)),
            "SurveyInvitationArray": array(ref("SurveyInvitation")),
            "SurveyLink": object(link, required: Array(link.keys)),
            "SurveyAnswer": object(answer, required: Array(answer.keys)),
            "SurveyAnswerArray": array(ref("SurveyAnswer")),
            "Share": object(share, required: Array(share.keys)), "NPS": object(nps, required: Array(nps.keys)),
            "SurveyGroup": object(group, required: Array(group.keys)),
            "SurveyResults": object(results, required: Array(results.keys)),
        ]
    }
}
