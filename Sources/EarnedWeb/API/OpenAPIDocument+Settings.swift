import EarnedDomain
import Foundation

/// The owner's settings in the OpenAPI document.
extension OpenAPIDocument {
    static let settingsOperations: [Operation] = [
        Operation(
            method: "get", endpoint: .serviceSettings,
            summary:
                "Service rules (owner): promise reminder leads; per location the handover contact, follow-up days and reply targets",
            response: "ServiceRules", status: 200),
        Operation(
            method: "patch", endpoint: .serviceSettings,
            summary: "Change service rules; what is left out keeps its value", request: "ServiceRulesInput",
            response: "ServiceRules", status: 200),
        Operation(
            method: "get", endpoint: .outreachSettings,
            summary: "Greetings and the contact limit (owner): templates, holidays, budget, sending hours",
            response: "OutreachSettings", status: 200),
        Operation(
            method: "patch", endpoint: .outreachSettings,
            summary: "Change greetings and the contact limit; what is left out keeps its value",
            request: "OutreachSettingsInput", response: "OutreachSettings", status: 200),
    ]

    static var settingsSchemas: [String: [String: Any]] {
        let target = object(
            [
                "first_response_minutes": ["type": "number", "description": "business minutes, normal priority"],
                "resolution_hours": ["type": "number", "description": "business hours, normal priority"],
            ], required: ["first_response_minutes", "resolution_hours"])
        let targets: [String: Any] = [
            "type": "object",
            "description": "per channel: " + InboundContact.Channel.allCases.map(\.rawValue).joined(separator: ", "),
            "additionalProperties": target,
        ]
        let leads: [String: Any] = [
            "type": "object",
            "description": "per promise kind: " + Promise.Kind.allCases.map(\.rawValue).joined(separator: ", "),
            "additionalProperties": integer(),
        ]
        let location: Props = [
            "location_id": string(format: "uuid"), "handover": enumeration(["visit", "call"]),
            "follow_up_days": array(integer()), "reply_targets": targets,
        ]
        let template = object(
            [
                "occasion": enumeration(GreetingOccasion.Kind.allCases.map(\.rawValue)),
                "language": enumeration(["ru", "en"]),
                "text": string(
                    "fields: {first_name}, {name}, {last_purchase}, {location}, {years}, {holiday}", max: 1000),
            ], required: ["occasion", "language", "text"])
        let holiday = object(
            [
                "id": string("lower-case Latin letters, digits and hyphens"), "month": integer(), "day": integer(),
                "name_ru": string(max: 100), "name_en": string(max: 100),
            ], required: ["id", "month", "day", "name_ru", "name_en"])
        let outreach: Props = [
            "greetings_enabled": ["type": "boolean"], "max_touches": integer("contacts allowed per window"),
            "window_days": integer(), "send_from": string("HH:MM in the customer's time"),
            "send_until": string("HH:MM"),
            "templates": array(template), "disabled_holidays": array(string("a built-in holiday's id")),
            "custom_holidays": array(holiday),
        ]
        return [
            "ServiceRules": object(
                ["reminder_lead_minutes": leads, "locations": array(object(location, required: Array(location.keys)))],
                required: ["reminder_lead_minutes", "locations"]),
            "ServiceRulesInput": object(["reminder_lead_minutes": leads, "locations": array(object(location))]),
            "OutreachSettings": object(outreach, required: Array(outreach.keys)),
            "OutreachSettingsInput": object(outreach),
        ]
    }
}
