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
        Operation(
            method: "get", endpoint: .mailSettings,
            summary: "The business's e-mail accounts (owner); a stored password shows only as has_password",
            response: "MailSettings", status: 200),
        Operation(
            method: "patch", endpoint: .mailSettings,
            summary:
                "Set the outgoing server of the business (no location_id) or of a location; outgoing null removes it. The password is stored encrypted and never shown back",
            request: "MailSettingsInput", response: "MailSettings", status: 200),
        Operation(
            method: "post", endpoint: .mailTest,
            summary: "Send a test message now through the server in force; the answer carries the server's reply",
            request: "MailTestInput", response: "OutboundMessage", status: 200),
        Operation(
            method: "get", endpoint: .telegramSettings,
            summary: "The business's Telegram bot (owner): who it is and how updates arrive; never its token",
            response: "TelegramSettings", status: 200),
        Operation(
            method: "patch", endpoint: .telegramSettings,
            summary:
                "Connect the bot or change its mode. A new token is checked with Telegram (getMe) before it is stored encrypted; webhook mode sets the webhook at <site>/hooks/telegram, polling removes it",
            request: "TelegramSettingsInput", response: "TelegramSettings", status: 200),
        Operation(
            method: "delete", endpoint: .telegramSettings, summary: "Disconnect the bot (owner)", status: 204),
        Operation(
            method: "post", endpoint: .customerTelegramLink(.key),
            summary:
                "A one-use link (30 days) that starts the bot as this customer: pressing Start records their Telegram consent and links the chat",
            response: "TelegramLink", status: 201),
        Operation(
            method: "get", endpoint: .messages,
            summary:
                "E-mail and Telegram messages Earned sent itself, newest first: the whole log (owner), or one customer's messages (whoever may see the customer)",
            response: "OutboundMessageArray", status: 200,
            query: [
                ("customer_id", "string", "only this customer's messages"),
                ("status", "string", "only messages in this state"), ("limit", "integer", "1 to 500, default 50"),
            ], queryChoices: ["status": OutboundMessage.Status.allCases.map(\.rawValue)]),
        Operation(
            method: "get", endpoint: .notifications,
            summary:
                "The caller's choices about notices by e-mail: on or off, which kinds, the hours they may arrive, a daily digest instead of single messages",
            response: "Notifications", status: 200),
        Operation(
            method: "patch", endpoint: .notifications,
            summary: "Change the caller's choices; what is left out keeps its value", request: "NotificationsInput",
            response: "Notifications", status: 200),
        Operation(
            method: "get", endpoint: .contactMessages(.key),
            summary: "A contact's conversation by e-mail, oldest first: the customer's mail as it arrived, and replies",
            response: "ContactMessageArray", status: 200),
        Operation(
            method: "post", endpoint: .contactReplies(.key),
            summary:
                "Reply the way the customer wrote: in the Telegram chat the contact came from, else by e-mail in the contact's thread (In-Reply-To and References of the customer's last mail); it counts as the contact's response. The answer is the queued message",
            request: "ReplyInput", response: "OutboundMessage", status: 201),
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
        let warning = object(
            [
                "fraction": [
                    "type": "number", "description": "share of the target left when the warning starts, 0 to 1",
                ],
                "minimum_minutes": ["type": "number", "description": "the shortest warning, in business minutes"],
            ], required: ["fraction", "minimum_minutes"])
        let factors: [String: Any] = [
            "type": "object",
            "description": "multipliers of the normal-priority reply targets per priority (urgent, high, normal, low)",
            "additionalProperties": ["type": "number"],
        ]
        let location: Props = [
            "location_id": string(format: "uuid"), "handover": enumeration(["visit", "call"]),
            "follow_up_days": array(integer()), "reply_targets": targets, "priority_factors": factors,
            "reply_warning": warning,
        ]
        let byPriority: [String: Any] = [
            "type": "object",
            "description":
                "per priority (urgent, high, normal, low): first response in minutes, resolution in hours, in business hours",
            "additionalProperties": target,
        ]
        let caseTargets = object(
            ["by_priority": byPriority, "warning": warning], required: ["by_priority", "warning"])
        let template = object(
            [
                "occasion": enumeration(GreetingOccasion.Kind.allCases.map(\.rawValue)),
                "language": enumeration(["ru", "en"]),
                "text": string(
                    "fields: {first_name}, {name}, {last_purchase}, {location}, {years}, {holiday}, {label} "
                        + "(the customer's own date's label, in anniversary and other_date greetings; {years} there too, "
                        + "when the date has its year)", max: 1000),
            ], required: ["occasion", "language", "text"])
        let holiday = object(
            [
                "id": string("lower-case Latin letters, digits and hyphens"), "month": integer(), "day": integer(),
                "name_ru": string(max: 100), "name_en": string(max: 100),
                "country": [
                    "type": "string", "enum": Country.allCases.map(\.rawValue),
                    "description": "the country it is kept in; left out, every country",
                ],
            ], required: ["id", "month", "day", "name_ru", "name_en"])
        let builtInHoliday = object(
            [
                "id": string(), "country": enumeration(Country.allCases.map(\.rawValue)),
                "month": integer("0 for a movable feast"), "day": integer("0 for a movable feast"),
                "easter_offset": integer("days from Easter Sunday, for a movable feast; absent otherwise"),
                "name_ru": string(), "name_en": string(),
                "greets": ["type": "boolean", "description": "whether customers are greeted on it at all"],
                "enabled": ["type": "boolean", "description": "not in disabled_holidays"],
            ], required: ["id", "country", "month", "day", "name_ru", "name_en", "greets", "enabled"])
        let outreach: Props = [
            "greetings_enabled": ["type": "boolean"], "max_touches": integer("contacts allowed per window"),
            "window_days": integer(), "send_from": string("HH:MM in the customer's time"),
            "send_until": string("HH:MM"),
            "templates": array(template),
            "disabled_holidays": array(string("a built-in holiday's id (of any country, see built_in_holidays)")),
            "custom_holidays": array(holiday),
        ]
        let security = enumeration(MailSecurity.allCases.map(\.rawValue))
        let outgoing: Props = [
            "host": string(), "port": integer(), "security": security, "username": string(nullable: true),
            "has_password": ["type": "boolean"], "from_address": string(), "from_name": string(nullable: true),
        ]
        let outgoingInput: Props = [
            "host": string(max: 253), "port": integer("1 to 65535; left out, the usual port of the security"),
            "security": security, "username": string(max: 320),
            "password": string("left out: the stored one stays; empty: removed", max: 1000),
            "from_address": string(max: 320), "from_name": string(max: 120),
        ]
        let incoming: Props = [
            "host": string(), "port": integer(), "security": security, "username": string(),
            "has_password": ["type": "boolean"], "folder": string(),
        ]
        let incomingInput: Props = [
            "host": string(max: 253), "port": integer("1 to 65535; left out, 993 with TLS, else 143"),
            "security": security, "username": string(max: 320),
            "password": string("left out: the stored one stays", max: 1000),
            "folder": string("Latin letters; INBOX when left out", max: 200),
        ]
        let file = object(
            [
                "id": string(format: "uuid"), "filename": string(), "content_type": string(), "size": integer(),
                "kept": ["type": "boolean", "description": "false: over the size limit, named but not kept"],
            ], required: ["id", "filename", "content_type", "size", "kept"])
        let contactMessage: Props = [
            "id": string(format: "uuid"), "contact_id": string(format: "uuid"),
            "direction": enumeration(["in", "out"]),
            "at": string(format: "date-time"), "from_address": string(nullable: true),
            "from_name": string(nullable: true), "subject": string(), "text": string(),
            "message_id": string(nullable: true), "in_reply_to": string(nullable: true),
            "outbound_id": string(format: "uuid", nullable: true), "staff_id": string(format: "uuid", nullable: true),
            "attachments": array(file),
        ]
        let notifications: Props = [
            "email": ["type": "boolean"], "kinds": array(enumeration(NotificationKind.allCases.map(\.rawValue))),
            "send_from": string("HH:MM in the person's home location's time"), "send_until": string("HH:MM"),
            "digest": [
                "type": "boolean", "description": "one message a day, when the hours begin, instead of one each",
            ],
        ]
        let message: Props = [
            "id": string(format: "uuid"), "kind": enumeration(OutboundMessage.Kind.allCases.map(\.rawValue)),
            "channel": string(), "customer_id": string(format: "uuid", nullable: true),
            "staff_id": string(format: "uuid", nullable: true), "location_id": string(format: "uuid", nullable: true),
            "task_id": string(format: "uuid", nullable: true), "address": string(), "subject": string(),
            "status": enumeration(OutboundMessage.Status.allCases.map(\.rawValue)), "attempts": integer(),
            "next_attempt_at": string(format: "date-time", nullable: true),
            "last_result": string("the server's words on the last try", nullable: true),
            "message_id": string(nullable: true), "sent_at": string(format: "date-time", nullable: true),
            "created_at": string(format: "date-time"),
        ]
        let telegram: Props = [
            "connected": ["type": "boolean"], "bot_username": string(nullable: true),
            "bot_name": string(nullable: true),
            "mode": ["oneOf": [enumeration(TelegramSettings.Mode.allCases.map(\.rawValue)), ["type": "null"]]],
            "link": string("opens the bot in Telegram", nullable: true), "can_store_token": ["type": "boolean"],
            "last_polled_at": string(format: "date-time", nullable: true),
            "last_error": string(nullable: true),
        ]
        var outreachOut = outreach
        outreachOut["built_in_holidays"] = array(builtInHoliday)
        return [
            "ServiceRules": object(
                [
                    "reminder_lead_minutes": leads,
                    "locations": array(object(location, required: Array(location.keys))),
                    "case_targets": caseTargets,
                ],
                required: ["reminder_lead_minutes", "locations", "case_targets"]),
            "ServiceRulesInput": object(
                [
                    "reminder_lead_minutes": leads, "locations": array(object(location)),
                    "case_targets": object(["by_priority": byPriority, "warning": warning]),
                ]),
            "OutreachSettings": object(outreachOut, required: Array(outreachOut.keys)),
            "MailSettings": object(
                [
                    "accounts": array(
                        object(
                            [
                                "location_id": string(format: "uuid", nullable: true),
                                "outgoing": ["oneOf": [ref("OutgoingMailServer"), ["type": "null"]]],
                                "incoming": ["oneOf": [ref("IncomingMailServer"), ["type": "null"]]],
                            ], required: ["location_id", "outgoing", "incoming"])),
                    "can_store_passwords": ["type": "boolean"],
                    "new_customers": [
                        "type": "boolean", "description": "mail from an unknown address makes a new customer",
                    ],
                ], required: ["accounts", "can_store_passwords", "new_customers"]),
            "OutgoingMailServer": object(outgoing, required: Array(outgoing.keys)),
            "MailSettingsInput": object(
                [
                    "location_id": string(format: "uuid"),
                    "new_customers": [
                        "type": "boolean",
                        "description":
                            "mail from an unknown address makes a new customer (every mailbox; automatic mail never does); left out, it stays",
                    ],
                    "outgoing": [
                        "oneOf": [ref("OutgoingMailServerInput"), ["type": "null"]],
                        "description": "null removes the outgoing server; left out, it stays",
                    ],
                    "incoming": [
                        "oneOf": [ref("IncomingMailServerInput"), ["type": "null"]],
                        "description": "null stops reading the mailbox; left out, it stays",
                    ],
                ]),
            "OutgoingMailServerInput": object(outgoingInput),
            "IncomingMailServer": object(incoming, required: Array(incoming.keys)),
            "IncomingMailServerInput": object(incomingInput),
            "ReplyInput": object(["text": string(max: 10_000)]),
            "TelegramSettings": object(telegram, required: Array(telegram.keys)),
            "TelegramSettingsInput": object(
                [
                    "token": string("the bot's token from @BotFather; left out: the stored one stays", max: 200),
                    "mode": enumeration(TelegramSettings.Mode.allCases.map(\.rawValue)),
                ]),
            "TelegramLink": object(
                ["link": string(), "expires_at": string(format: "date-time")], required: ["link", "expires_at"]),
            "Notifications": object(notifications, required: Array(notifications.keys)),
            "NotificationsInput": object(notifications),
            "ContactMessage": object(contactMessage, required: Array(contactMessage.keys)),
            "ContactMessageArray": array(ref("ContactMessage")),
            "MailTestInput": object(["location_id": string(format: "uuid"), "to": string(max: 320)]),
            "OutboundMessage": object(message, required: Array(message.keys)),
            "OutboundMessageArray": array(ref("OutboundMessage")),
            "OutreachSettingsInput": object(outreach),
        ]
    }
}
