import EarnedDomain
import Foundation

/// The daily work's part of the OpenAPI document: promises, cases, contacts, tasks, webhooks.
extension OpenAPIDocument {
    static let serviceOperations: [Operation] = [
        Operation(
            method: "get", endpoint: .promises, summary: "Open promises, soonest due first",
            response: "PromiseArray", status: 200,
            query: [
                ("owner_id", "string", "one person's"), ("due_before", "string", "due before (ISO 8601)"),
                ("limit", "integer", "1 to 500, default 50"),
            ]),
        Operation(
            method: "get", endpoint: .onTime,
            summary:
                "Share of promises kept on time per person, team, location, kind, month or ISO week, with a 95 % Wilson interval",
            response: "OnTimeArray", status: 200,
            query: [
                ("by", "string", "owner (default), team, location, kind, month or week"),
                ("from", "string", "due at or after (ISO 8601; default 90 days before to)"),
                ("to", "string", "due before (ISO 8601; default now)"),
            ]),
        Operation(
            method: "post", endpoint: .promises, summary: "Record a promise to a customer",
            request: "PromiseInput", response: "Promise", status: 201),
        Operation(
            method: "get", endpoint: .promise(.key), summary: "Get a promise", response: "Promise", status: 200),
        Operation(
            method: "post", endpoint: .promiseActions(.key),
            summary:
                "Keep, break or renegotiate a promise; a new due time counts as renegotiated in time only before the due time and with the customer told",
            request: "PromiseAction", response: "Promise", status: 200),
        Operation(
            method: "get", endpoint: .cases, summary: "Cases of your locations", response: "CaseArray",
            status: 200,
            query: [
                ("status", "string", "all for closed ones too; default the active ones"),
                ("limit", "integer", "1 to 500, default 50"),
            ]),
        Operation(
            method: "post", endpoint: .cases, summary: "Open a case; the opener owns it unless owner_id says",
            request: "CaseInput", response: "Case", status: 201),
        Operation(method: "get", endpoint: .serviceCase(.key), summary: "Get a case", response: "Case", status: 200),
        Operation(
            method: "post", endpoint: .caseActions(.key),
            summary:
                "Hand off (the owner stays accountable), transfer ownership (with a reason), respond, wait, resume, resolve, confirm, reopen, add a corrective action or a note",
            request: "CaseAction", response: "Case", status: 200),
        Operation(
            method: "get", endpoint: .contacts, summary: "Inbound contacts, newest first",
            response: "ContactArray", status: 200,
            query: [
                ("status", "string", "new, in_progress, waiting_on_customer or resolved"),
                ("customer_id", "string", "one customer's"), ("before", "string", "received before (ISO 8601)"),
                ("limit", "integer", "1 to 500, default 50"),
            ]),
        Operation(
            method: "post", endpoint: .contacts,
            summary: "Log an inbound contact; the same external_id twice answers with the first",
            request: "ContactInput", response: "Contact", status: 201),
        Operation(
            method: "get", endpoint: .contact(.key), summary: "Get a contact with its reply targets",
            response: "Contact", status: 200),
        Operation(
            method: "post", endpoint: .contactActions(.key),
            summary: "take, respond, wait (pauses the targets), resume, resolve, reopen, or case (opens a linked case)",
            request: "Action", response: "Contact", status: 200),
        Operation(
            method: "get", endpoint: .tasks,
            summary: "Your open tasks (view=team: your locations'), soonest first",
            response: "TaskArray", status: 200,
            query: [
                ("view", "string", "team, for managers"), ("due_before", "string", "due before (ISO 8601)"),
                ("limit", "integer", "1 to 500, default 50"),
            ]),
        Operation(
            method: "post", endpoint: .tasks,
            summary:
                "Make a task by hand, for yourself or (a manager) a colleague; someone away gets it through their cover",
            request: "TaskInput", response: "Task", status: 201),
        Operation(
            method: "post", endpoint: .taskActions(.key),
            summary: "Snooze an open task to a later time, or hand it to a colleague (the assignee or a manager)",
            request: "TaskAction", response: "Task", status: 200),
        Operation(
            method: "get", endpoint: .absences,
            summary: "Absences not yet over of the people you manage, soonest first (managers)",
            response: "AbsenceArray", status: 200),
        Operation(
            method: "post", endpoint: .absences,
            summary:
                "Mark someone away: from its start their open tasks, promises, contacts and held cases go to the cover (cases keep their owner), and new work for them too; at its end what is still open comes back",
            request: "AbsenceInput", response: "Absence", status: 201),
        Operation(
            method: "post", endpoint: .endAbsence(.key), summary: "End an absence now: the work comes back",
            response: "Absence", status: 200),
        Operation(
            method: "post", endpoint: .completeTask(.key),
            summary: "Close a task; for a follow-up, its outcome (a problem opens a case)",
            request: "TaskCompletion", response: "Task", status: 200),
        Operation(
            method: "get", endpoint: .customerReferrals(.key),
            summary: "Who referred this customer, and whom they referred", response: "ReferralArray", status: 200),
        Operation(
            method: "post", endpoint: .customerReferrals(.key),
            summary: "Record that this customer referred another (each pair once)", request: "ReferralInput",
            response: "Referral", status: 201),
        Operation(
            method: "get", endpoint: .incidents, summary: "Call-first incidents, newest first, with their figures",
            response: "IncidentArray", status: 200, query: [("limit", "integer", "1 to 500, default 50")]),
        Operation(
            method: "post", endpoint: .incidents,
            summary: "Record an incident once (manager or owner); each affected customer gets an outreach task",
            request: "IncidentInput", response: "Incident", status: 201),
        Operation(
            method: "get", endpoint: .incident(.key),
            summary: "An incident: each affected customer told first, contacted first or pending",
            response: "Incident", status: 200),
        Operation(
            method: "post", endpoint: .closeIncident(.key), summary: "Close an incident", response: "Incident",
            status: 200),
        Operation(
            method: "get", endpoint: .webhooks, summary: "Webhook subscriptions (owner)",
            response: "WebhookArray", status: 200),
        Operation(
            method: "post", endpoint: .webhooks,
            summary: "Subscribe a URL to events; the signing secret is shown only in this answer",
            request: "WebhookInput", response: "CreatedWebhook", status: 201),
        Operation(
            method: "patch", endpoint: .webhook(.key),
            summary: "Change a subscription's address, events or description, or pause or resume it; the secret stays",
            request: "WebhookInput", response: "Webhook", status: 200),
        Operation(
            method: "delete", endpoint: .webhook(.key), summary: "Delete a subscription and its delivery log",
            status: 204),
        Operation(
            method: "post", endpoint: .webhookTest(.key),
            summary: "Queue a signed webhook.test event for this subscription; the next scheduler pass sends it",
            status: 202),
        Operation(
            method: "post", endpoint: .deliveryResend(.key),
            summary: "Send a delivery that failed (or is still retrying) again at the next pass",
            response: "Delivery", status: 200),
        Operation(
            method: "get", endpoint: .webhookDeliveries(.key), summary: "The delivery log, newest first",
            response: "DeliveryArray", status: 200, query: [("limit", "integer", "1 to 500, default 50")]),
    ]

    static var serviceSchemas: [String: [String: Any]] {
        let uuid = string(format: "uuid")
        let uuidOrNull = string(format: "uuid", nullable: true)
        let time = string(format: "date-time")
        let timeOrNull = string(format: "date-time", nullable: true)
        let textOrNull = string(nullable: true)
        let priorities = Priority.allCases.map(\.rawValue)
        let promiseKinds = Promise.Kind.allCases.map(\.rawValue)
        let linkKinds = Promise.Link.Kind.allCases.map(\.rawValue)
        let channels = ContactChannel.allCases.map(\.rawValue)
        let renegotiation: Props = [
            "at": time, "from_due_at": time, "to_due_at": time,
            "customer_told_via": enumeration(channels, nullable: true), "note": textOrNull,
        ]
        let promise: Props = [
            "id": uuid, "customer_id": uuid, "kind": enumeration(promiseKinds), "text": string(max: 500),
            "owner_id": uuid, "location_id": uuidOrNull, "link_kind": enumeration(linkKinds, nullable: true),
            "link_id": uuidOrNull, "original_due_at": time, "due_at": time,
            "outcome": enumeration(PromiseOutcome.allCases.map(\.rawValue)), "kept_at": timeOrNull,
            "broken_at": timeOrNull, "broken_reason": textOrNull,
            "renegotiations": array(object(renegotiation, required: Array(renegotiation.keys))),
            "created_at": time, "updated_at": time,
        ]
        let promiseInput: Props = [
            "customer_id": uuid, "kind": enumeration(promiseKinds), "text": string(max: 500),
            "owner_id": string("default: you", format: "uuid"), "location_id": uuid, "due_at": time,
            "link_kind": enumeration(linkKinds), "link_id": uuid,
        ]
        let event: Props = [
            "at": time, "by_id": uuidOrNull,
            "kind": enumeration([
                "opened", "handed_off", "transferred", "action", "waiting_started", "waiting_ended", "responded",
                "resolved", "confirmed", "reopened", "note",
            ]),
            "department": textOrNull, "staff_id": uuidOrNull, "reason": textOrNull, "text": textOrNull,
        ]
        let actionKinds = CorrectiveAction.Kind.allCases.map(\.rawValue)
        let correctiveAction: Props = [
            "kind": enumeration(actionKinds), "cost_minor_units": integer(), "currency": string("ISO 4217"),
            "note": textOrNull, "at": time, "by_id": uuid,
        ]
        let serviceCase: Props = [
            "id": uuid, "customer_id": uuid, "location_id": uuidOrNull, "title": string(max: 200),
            "detail": string(max: 4000), "source": enumeration(ServiceCase.Source.allCases.map(\.rawValue)),
            "link_id": uuidOrNull, "owner_id": string("accountable from opening to confirmation", format: "uuid"),
            "holder_department": textOrNull, "holder_staff_id": uuidOrNull, "priority": enumeration(priorities),
            "status": enumeration(ServiceCase.Status.allCases.map(\.rawValue)), "opened_at": time,
            "opened_by_id": uuid, "first_response_at": timeOrNull, "resolved_at": timeOrNull,
            "confirmed_at": timeOrNull, "reopen_count": integer(),
            "accepted_on_customers_word": ["type": "boolean"],
            "seconds_by_department": [
                "type": "object", "additionalProperties": integer(), "description": "time spent with each department",
            ],
            "events": array(object(event, required: Array(event.keys))),
            "actions": array(object(correctiveAction, required: Array(correctiveAction.keys))), "updated_at": time,
        ]
        let caseInput: Props = [
            "customer_id": uuid, "location_id": uuid, "title": string(max: 200), "detail": string(max: 4000),
            "source": enumeration(ServiceCase.Source.allCases.map(\.rawValue)), "link_id": uuid, "owner_id": uuid,
            "department": string(max: 80), "priority": enumeration(priorities),
            "accepted_on_customers_word": ["type": "boolean"],
        ]
        let targetStates = TargetStatus.State.allCases.map(\.rawValue)
        let contact: Props = [
            "id": uuid, "channel": enumeration(InboundContact.Channel.allCases.map(\.rawValue)),
            "priority": enumeration(priorities), "status": enumeration(InboundContact.Status.allCases.map(\.rawValue)),
            "customer_id": uuidOrNull, "location_id": uuid, "received_at": time, "subject": string(max: 200),
            "body": textOrNull, "from_address": textOrNull, "owner_id": uuidOrNull, "first_response_at": timeOrNull,
            "resolved_at": timeOrNull, "case_id": uuidOrNull, "external_id": textOrNull,
            "first_response_due_at": string(
                "when the first-response target falls due, in business hours", format: "date-time", nullable: true),
            "resolution_due_at": timeOrNull, "first_response_state": enumeration(targetStates, nullable: true),
            "resolution_state": enumeration(targetStates, nullable: true), "created_at": time, "updated_at": time,
        ]
        let contactInput: Props = [
            "channel": enumeration(InboundContact.Channel.allCases.map(\.rawValue)),
            "priority": enumeration(priorities), "customer_id": uuid, "location_id": uuid, "received_at": time,
            "subject": string(max: 200), "body": string(max: 4000), "from_address": string(max: 254),
            "owner_id": uuid, "first_response_at": time, "resolved_at": time, "external_id": string(max: 100),
        ]
        let task: Props = [
            "id": uuid, "key": string("unique: the same work is never created twice"),
            "kind": enumeration(ServiceTask.Kind.allCases.map(\.rawValue)),
            "status": enumeration(ServiceTask.Status.allCases.map(\.rawValue)), "assignee_id": uuidOrNull,
            "location_id": uuidOrNull, "customer_id": uuidOrNull,
            "subject_kind": enumeration(ServiceTask.Subject.Kind.allCases.map(\.rawValue), nullable: true),
            "subject_id": uuidOrNull, "due_at": time, "channel": enumeration(channels, nullable: true),
            "text": textOrNull, "completed_at": timeOrNull, "completed_by_id": uuidOrNull, "outcome": textOrNull,
            "created_at": time,
        ]
        let absence: Props = [
            "id": uuid, "staff_id": uuid, "cover_id": uuid, "starts_at": time, "ends_at": time,
            "reason": textOrNull, "active": ["type": "boolean"], "handed_over_at": timeOrNull,
            "handed_back_at": timeOrNull, "handed_count": integer("open work handed to the cover"),
            "created_at": time,
        ]
        let events = WebhookEvent.Kind.subscribable.map(\.rawValue)
        let webhook: Props = [
            "id": uuid, "url": string(format: "uri"), "events": array(enumeration(events)),
            "description": textOrNull, "is_active": ["type": "boolean"], "created_at": time, "updated_at": time,
        ]
        let delivery: Props = [
            "id": uuid, "subscription_id": uuid, "event_key": string(),
            // A delivery may carry a test, which no subscription asks for.
            "event_kind": enumeration(WebhookEvent.Kind.allCases.map(\.rawValue), nullable: true),
            "status": enumeration(WebhookDelivery.Status.allCases.map(\.rawValue)), "attempts": integer(),
            "next_attempt_at": timeOrNull, "last_status_code": ["type": ["integer", "null"]],
            "last_error": textOrNull, "delivered_at": timeOrNull, "created_at": time,
        ]
        let scopeKinds = ["product", "date_range", "location", "customers"]
        let scope: Props = [
            "kind": enumeration(scopeKinds), "text": string("part of the items summary (product)", nullable: true),
            "from": string("orders placed at or after", format: "date-time", nullable: true),
            "to": string("orders placed at or before", format: "date-time", nullable: true),
            "location_id": uuidOrNull, "customer_ids": array(uuid),
        ]
        let affectedCustomer: Props = [
            "customer_id": uuid, "told_at": timeOrNull,
            "first_inbound_at": string(
                "their first inbound contact after the incident was found", format: "date-time", nullable: true),
            "outcome": enumeration(ToldFirst.allCases.map(\.rawValue)),
        ]
        let incident: Props = [
            "id": uuid, "title": string(max: 200), "detail": textOrNull, "found_at": time, "reported_by_id": uuid,
            "location_id": uuidOrNull, "scope": object(scope, required: Array(scope.keys)), "closed_at": timeOrNull,
            "affected": integer(), "told_first": integer("told before they got in touch"),
            "they_contacted_first": integer(), "pending": integer(),
            "customers": array(object(affectedCustomer, required: Array(affectedCustomer.keys))), "created_at": time,
        ]
        let count = integer()
        let rateOrNull: [String: Any] = [
            "type": ["number", "null"], "description": "null below 10 closed promises: not enough data",
        ]
        let onTime: Props = [
            "key": string(), "label": string(), "decided": integer("kept, renegotiated, late or broken"),
            "on_time": integer("kept on time or renegotiated in time"), "kept_on_time": count, "renegotiated": count,
            "late": count, "broken": count, "open": count, "overdue": count, "on_time_rate": rateOrNull,
            "lower": rateOrNull, "upper": rateOrNull,
        ]
        let referral: Props = [
            "id": uuid, "referrer_id": uuid, "referred_id": uuid, "order_id": uuidOrNull, "recorded_by_id": uuidOrNull,
            "recorded_at": time,
        ]
        return [
            "Referral": object(referral, required: Array(referral.keys)),
            "ReferralArray": array(ref("Referral")),
            "ReferralInput": object(
                ["referred_id": uuid, "order_id": string("the order the referral led to", format: "uuid")],
                required: ["referred_id"]),
            "OnTimeRow": object(onTime, required: Array(onTime.keys)),
            "OnTimeArray": array(ref("OnTimeRow")),
            "Incident": object(incident, required: Array(incident.keys)),
            "IncidentArray": array(ref("Incident")),
            "IncidentInput": object(
                [
                    "title": string(max: 200), "detail": string(max: 5000), "found_at": time, "location_id": uuid,
                    "message": string(
                        "what to tell the affected customers: sent by e-mail or Telegram to those Earned can reach (their outreach task done when it goes); the rest stay tasks",
                        max: 2000),
                    "scope": object(
                        [
                            "kind": enumeration(scopeKinds), "text": string(max: 200), "from": time, "to": time,
                            "location_id": uuid, "customer_ids": array(uuid),
                        ], required: ["kind"]),
                ], required: ["title", "scope"]),
            "Promise": object(promise, required: Array(promise.keys)),
            "PromiseArray": array(ref("Promise")),
            "PromiseInput": object(promiseInput),
            "PromiseAction": object(
                [
                    "action": enumeration(["keep", "break", "renegotiate", "reassign"]), "reason": string(max: 500),
                    "staff_id": string("reassign: who keeps it now (a colleague at its location)", format: "uuid"),
                    "due_at": string("the new due time, to renegotiate", format: "date-time"),
                    "told_via": enumeration(channels), "note": string(max: 500),
                ], required: ["action"]),
            "Case": object(serviceCase, required: Array(serviceCase.keys)),
            "CaseArray": array(ref("Case")),
            "CaseInput": object(caseInput),
            "CaseAction": object(
                [
                    "action": enumeration([
                        "handoff", "transfer", "respond", "wait", "resume", "resolve", "confirm", "reopen", "action",
                        "note",
                    ]),
                    "department": string(max: 80), "staff_id": uuid, "reason": string(max: 500),
                    "kind": enumeration(actionKinds), "cost_minor_units": integer(), "note": string(max: 4000),
                ], required: ["action"]),
            "Contact": object(contact, required: Array(contact.keys)),
            "ContactArray": array(ref("Contact")),
            "ContactInput": object(contactInput),
            "Action": object(
                [
                    "action": enumeration(["take", "assign", "respond", "wait", "resume", "resolve", "reopen", "case"]),
                    "staff_id": string("assign: who answers it (a colleague at its location)", format: "uuid"),
                ], required: ["action"]),
            "TaskInput": object(
                [
                    "text": string(max: 500), "due_at": time,
                    "assignee_id": string("default: you; a manager may name a colleague", format: "uuid"),
                    "customer_id": uuid,
                ], required: ["text", "due_at"]),
            "TaskAction": object(
                [
                    "action": enumeration(["snooze", "reassign"]),
                    "until": string("snooze: the new due time, within 90 days", format: "date-time"),
                    "staff_id": string("reassign: a colleague at the task's location", format: "uuid"),
                ], required: ["action"]),
            "Absence": object(absence, required: Array(absence.keys)),
            "AbsenceArray": array(ref("Absence")),
            "AbsenceInput": object(
                [
                    "staff_id": uuid, "cover_id": uuid,
                    "starts_at": string("default now", format: "date-time"), "ends_at": time,
                    "reason": string(max: 200),
                ], required: ["staff_id", "cover_id", "ends_at"]),
            "Task": object(task, required: Array(task.keys)),
            "TaskArray": array(ref("Task")),
            "TaskCompletion": object([
                "status": enumeration(["done", "skipped"]), "outcome": string(max: 500),
                "reached": [
                    "type": "boolean",
                    "description":
                        "a follow-up's or an incident outreach's outcome: was the customer reached (an outreach counts as told only when true)",
                ],
                "reached_at": string(
                    "an incident outreach: when the customer was reached; default now", format: "date-time"),
                "satisfied": ["type": "boolean"], "problem": string("opens a case", max: 4000),
                "referral_asked": ["type": "boolean"], "note": string(max: 500),
            ]),
            "Webhook": object(webhook, required: Array(webhook.keys)),
            "WebhookArray": array(ref("Webhook")),
            "WebhookInput": object([
                "url": string(format: "uri"), "events": array(enumeration(events)), "description": string(max: 200),
                "is_active": ["type": "boolean"],
            ]),
            "CreatedWebhook": object(
                [
                    "subscription": ref("Webhook"),
                    "secret": string(
                        "HMAC-SHA256 key of the Earned-Signature header: t=<unix time>,v1=<hex of HMAC(\"<t>.<body>\")>"
                    ),
                ], required: ["subscription", "secret"]),
            "Delivery": object(delivery, required: Array(delivery.keys)),
            "DeliveryArray": array(ref("Delivery")),
        ]
    }
}
