import EarnedDomain
import Foundation
import Vapor

/// The OpenAPI 3.1 description of /api/v1, served at /api/openapi.json. A test checks that its
/// operations are exactly the routes the server has, and that its schemas name exactly the
/// fields the server writes.
enum OpenAPIDocument {
    struct Operation: Sendable {
        var method: String
        var endpoint: SiteURL.API
        var summary: String
        var request: String?
        var response: String?
        var status: Int
        var query: [(name: String, type: String, description: String)] = []
        /// Path parameters besides `{id}`: name, the values it takes, and what it is.
        var pathParameters: [(name: String, choices: [String], description: String)] = []
        /// The allowed values of query parameters that take one of a few words.
        var queryChoices: [String: [String]] = [:]
        /// The media type of a successful answer: JSON (with `response`'s schema), or a file.
        var produces = "application/json"

        /// The endpoint's route as OpenAPI writes it: `/api/v1/customers/{id}`.
        var path: String {
            "/"
                + endpoint.pathComponents.map { component in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
        }
    }

    static let listQuery: [(name: String, type: String, description: String)] = [
        ("cursor", "string", "the next_cursor of the previous page"),
        ("limit", "integer", "1 to 500, default 50"),
    ]

    static let operations: [Operation] = [
        Operation(
            method: "get", endpoint: .me, summary: "The staff member the token acts for", response: "Staff",
            status: 200),
        Operation(
            method: "get", endpoint: .customers, summary: "List customers, by name", response: "CustomerList",
            status: 200,
            query: [
                ("q", "string", "part of a name, phone or e-mail, any case, Cyrillic included"),
                ("location_id", "string", "home location"), ("owner_id", "string", "relationship owner"),
                ("tag", "string", "a tag"),
            ] + listQuery),
        Operation(
            method: "post", endpoint: .customers, summary: "Create a customer", request: "CustomerInput",
            response: "Customer", status: 201),
        Operation(
            method: "get", endpoint: .customer(.key),
            summary: "Get a customer (a merged id answers with the survivor)", response: "Customer", status: 200),
        Operation(
            method: "patch", endpoint: .customer(.key),
            summary: "Change a customer; absent fields keep their value", request: "CustomerInput",
            response: "Customer", status: 200),
        Operation(
            method: "post", endpoint: .customerMerge(.key), summary: "Merge a duplicate into this customer",
            request: "MergeInput", response: "Customer", status: 200),
        Operation(
            method: "post", endpoint: .customerErase(.key), summary: "Erase the customer's personal data",
            status: 204),
        Operation(
            method: "get", endpoint: .customerExport(.key),
            summary:
                "Everything held about the customer, as one JSON file, for their access request (manager or owner; audited)",
            response: "CustomerDataExport", status: 200),
        Operation(
            method: "get", endpoint: .customerNotes(.key), summary: "The customer's notes, newest first",
            response: "NoteArray", status: 200),
        Operation(
            method: "post", endpoint: .customerNotes(.key), summary: "Add a note", request: "NoteInput",
            response: "Note", status: 201),
        Operation(
            method: "get", endpoint: .orders, summary: "List orders, newest first", response: "OrderList",
            status: 200,
            query: [
                ("customer_id", "string", "one customer"), ("location_id", "string", "one location"),
                ("seller_id", "string", "one seller"), ("from", "string", "placed at or after (ISO 8601)"),
                ("to", "string", "placed before (ISO 8601)"),
            ] + listQuery),
        Operation(
            method: "post", endpoint: .orders, summary: "Record an order", request: "OrderInput",
            response: "Order", status: 201),
        Operation(method: "get", endpoint: .order(.key), summary: "Get an order", response: "Order", status: 200),
        Operation(
            method: "patch", endpoint: .order(.key), summary: "Change an order", request: "OrderInput",
            response: "Order", status: 200),
        Operation(
            method: "delete", endpoint: .order(.key), summary: "Delete an order (manager or owner)", status: 204),
        Operation(
            method: "post", endpoint: .orderActions(.key),
            summary:
                "Deliver (starts the after-sale steps at once), cancel before delivery or return after it, with a reason (the seller or a manager; open steps are skipped)",
            request: "OrderAction", response: "Order", status: 200),
        Operation(
            method: "get", endpoint: .locations, summary: "Locations you may see", response: "LocationArray",
            status: 200),
        Operation(
            method: "post", endpoint: .locations, summary: "Create a location (owner)", request: "LocationInput",
            response: "Location", status: 201),
        Operation(
            method: "get", endpoint: .location(.key), summary: "Get a location", response: "Location", status: 200),
        Operation(
            method: "patch", endpoint: .location(.key), summary: "Change a location (owner)",
            request: "LocationInput", response: "Location", status: 200),
        Operation(
            method: "get", endpoint: .staffList, summary: "Staff you may see", response: "StaffArray", status: 200),
        Operation(
            method: "post", endpoint: .staffList, summary: "Create a staff account (owner)", request: "StaffInput",
            response: "Staff", status: 201),
        Operation(
            method: "get", endpoint: .staff(.key), summary: "Get a staff account", response: "Staff", status: 200),
        Operation(
            method: "patch", endpoint: .staff(.key), summary: "Change a staff account (owner)",
            request: "StaffInput", response: "Staff", status: 200),
    ]

    /// Every operation of the document, from all its parts.
    static let allOperations =
        operations + serviceOperations + settingsOperations + surveyOperations + forecastOperations
        + duplicateOperations + analyticsOperations + exportOperations

    typealias Props = [String: [String: Any]]

    static func string(_ description: String? = nil, format: String? = nil, nullable: Bool = false, max: Int? = nil)
        -> [String: Any]
    {
        var s: [String: Any] = ["type": nullable ? ["string", "null"] : "string"]
        if let description { s["description"] = description }
        if let format { s["format"] = format }
        if let max { s["maxLength"] = max }
        return s
    }
    static func integer(_ description: String? = nil) -> [String: Any] {
        var s: [String: Any] = ["type": "integer", "format": "int64"]
        if let description { s["description"] = description }
        return s
    }
    static func array(_ items: [String: Any]) -> [String: Any] { ["type": "array", "items": items] }
    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    static func enumeration(_ values: [String], nullable: Bool = false) -> [String: Any] {
        ["type": nullable ? ["string", "null"] : "string", "enum": nullable ? values + [NSNull()] : values]
    }
    static func object(_ properties: Props, required: [String] = []) -> [String: Any] {
        var s: [String: Any] = ["type": "object", "properties": properties]
        if !required.isEmpty { s["required"] = required.sorted() }
        return s
    }

    /// Field names and schemas of what the server writes; `required` lists every field.
    static var schemas: [String: [String: Any]] {
        let uuid = string(format: "uuid")
        let uuidOrNull = string(format: "uuid", nullable: true)
        let time = string(format: "date-time")
        let timeOrNull = string(format: "date-time", nullable: true)
        let channels = ["phone", "sms", "email", "messenger", "chat", "social", "visit", "post"]
        let customerDate = object(
            [
                "kind": enumeration(["birthday", "anniversary", "other"]),
                "date": string("YYYY-MM-DD, or --MM-DD when the year is unknown"),
                "label": string(nullable: true, max: 80),
            ], required: ["kind", "date"])
        let consent = object(
            [
                "channel": enumeration(["phone", "sms", "email", "messenger", "post"]), "given": ["type": "boolean"],
                "at": time, "source": string("how it was given or withdrawn", max: 120),
            ], required: ["channel", "given", "at", "source"])
        let period = object(
            [
                "start": integer("minutes after local midnight"),
                "end": integer("minutes after local midnight, up to 1440"),
            ], required: ["start", "end"])
        let hours = object(
            [
                "days": [
                    "type": "array", "minItems": 7, "maxItems": 7, "items": array(period),
                    "description": "Monday first",
                ]
            ], required: ["days"])
        let specialDay = object(
            [
                "date": string("YYYY-MM-DD"), "kind": enumeration(["holiday", "shortened", "inventory", "other"]),
                "label": string(max: 120), "periods": array(period),
            ], required: ["date", "kind", "label", "periods"])
        let shift = object(
            ["name": string(max: 60), "start": integer(), "end": integer("before start for a shift past midnight")],
            required: ["name", "start", "end"])

        let customerFields: Props = [
            "id": uuid, "kind": enumeration(["person", "company"]), "name": string(max: 200), "phones": array(string()),
            "emails": array(string()), "messengers": array(string()), "dates": array(customerDate),
            "consents": array(consent),
            "owner_id": uuidOrNull, "home_location_id": uuidOrNull, "language": enumeration(["ru", "en"]),
            "preferred_channel": enumeration(channels, nullable: true), "tags": array(string(max: 40)),
            "external_id": string(nullable: true, max: 100), "city": string(nullable: true, max: 100),
            "address": string("street, house, flat", nullable: true, max: 300), "created_at": time,
            "updated_at": time, "erased_at": timeOrNull,
        ]
        var customerInput = customerFields
        for key in ["id", "created_at", "updated_at", "erased_at"] { customerInput[key] = nil }
        let orderFields: Props = [
            "id": uuid, "customer_id": uuid, "seller_id": uuidOrNull, "location_id": uuidOrNull, "placed_at": time,
            "amount_minor_units": integer("the amount paid, in kopecks or cents"), "currency": string("ISO 4217"),
            "discount_minor_units": integer(), "quantity": integer(), "items_summary": string(nullable: true, max: 500),
            "channel": enumeration(["store", "web", "phone", "field", "other"]), "promised_at": timeOrNull,
            "delivered_at": timeOrNull, "external_id": string(nullable: true, max: 100),
            "state": enumeration(["active", "cancelled", "returned"]).merging(
                [
                    "description":
                        "cancelled and returned orders are out of revenue and the lifetime models; a returned one's delivery still counts for on time"
                ], uniquingKeysWith: { _, new in new }),
            "ended_at": timeOrNull, "end_reason": string(nullable: true, max: 500), "created_at": time,
            "updated_at": time,
        ]
        var orderInput = orderFields
        for key in ["id", "created_at", "updated_at", "state", "ended_at", "end_reason"] { orderInput[key] = nil }
        let locationFields: Props = [
            "id": uuid, "name": string(max: 120), "time_zone": string("IANA, e.g. Europe/Moscow"),
            "country": [
                "type": "string", "enum": Country.allCases.map(\.rawValue),
                "description":
                    "ISO 3166-1 alpha-2: whose holidays the location's customers are greeted on; "
                    + "left out of a new location, its time zone's country (else RU)",
            ],
            "hours": hours,
            "special_days": array(specialDay), "shifts": array(shift), "created_at": time, "updated_at": time,
        ]
        var locationInput = locationFields
        for key in ["id", "created_at", "updated_at"] { locationInput[key] = nil }
        let staffFields: Props = [
            "id": uuid, "name": string(max: 120), "email": string(format: "email"),
            "role": enumeration(["owner", "manager", "staff"]), "home_location_id": uuidOrNull,
            "extra_location_ids": array(uuid), "department": string(nullable: true, max: 80),
            "is_active": ["type": "boolean"],
            "created_at": time, "updated_at": time,
        ]
        var staffInput = staffFields
        for key in ["id", "created_at", "updated_at"] { staffInput[key] = nil }
        staffInput["password"] = string("at least 10 characters")
        let records = array(["type": "object"])
        let noteFields: Props = [
            "id": uuid, "customer_id": uuid, "author_id": uuidOrNull, "text": string(max: 4000), "created_at": time,
        ]
        let own: [String: [String: Any]] = [
            "Customer": object(customerFields, required: Array(customerFields.keys)),
            "CustomerInput": object(customerInput),
            "CustomerList": object(
                ["items": array(ref("Customer")), "next_cursor": string(nullable: true)],
                required: ["items", "next_cursor"]),
            "Order": object(orderFields, required: Array(orderFields.keys)),
            "OrderInput": object(orderInput),
            "OrderAction": object(
                [
                    "action": enumeration(["deliver", "cancel", "return"]),
                    "delivered_at": string("deliver: when it was handed over; default now", format: "date-time"),
                    "reason": string("cancel, return: why (required)", max: 500),
                ], required: ["action"]),
            "OrderList": object(
                ["items": array(ref("Order")), "next_cursor": string(nullable: true)],
                required: ["items", "next_cursor"]),
            "Location": object(locationFields, required: Array(locationFields.keys)),
            "LocationInput": object(locationInput),
            "LocationArray": array(ref("Location")),
            "Staff": object(staffFields, required: Array(staffFields.keys)),
            "StaffInput": object(staffInput),
            "StaffArray": array(ref("Staff")),
            "Note": object(noteFields, required: Array(noteFields.keys)),
            "NoteInput": object(["text": string(max: 4000)], required: ["text"]),
            "NoteArray": array(ref("Note")),
            "MergeInput": object(["duplicate_id": uuid], required: ["duplicate_id"]),
            "CustomerDataExport": object(
                [
                    "exported_at": time, "customer": ["type": "object", "description": "the customer's card"],
                    "merged_record_ids": array(uuid), "notes": records, "orders": records, "promises": records,
                    "cases": records, "inbound_contacts": records, "tasks": records, "survey_invitations": records,
                    "survey_answers": records, "referrals_given": records, "referred_by": records,
                    "touches": records, "incident_outreach": records,
                    "scores": ["type": ["object", "null"], "description": "from the latest score run"],
                ],
                required: [
                    "exported_at", "customer", "merged_record_ids", "notes", "orders", "promises", "cases",
                    "inbound_contacts", "tasks", "survey_invitations", "survey_answers", "referrals_given",
                    "referred_by", "touches", "incident_outreach",
                ]),
            "Problem": object(
                [
                    "type": string(), "title": string(), "status": integer(), "detail": string(nullable: true),
                    "errors": array(
                        object(
                            ["name": string("the field"), "reason": string(), "code": string()],
                            required: ["name", "reason", "code"])),
                ], required: ["type", "title", "status"]),
        ]
        return own.merging(serviceSchemas) { a, _ in a }.merging(settingsSchemas) { a, _ in a }
            .merging(surveySchemas) { a, _ in a }.merging(forecastSchemas) { a, _ in a }
            .merging(duplicateSchemas) { a, _ in a }.merging(analyticsSchemas) { a, _ in a }
    }

    static var document: [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for op in allOperations {
            var operation: [String: Any] = [
                "summary": op.summary, "operationId": operationID(method: op.method, path: op.path),
                "tags": [tag(path: op.path)],
            ]
            var parameters: [[String: Any]] = []
            if op.path.contains("{id}") {
                parameters.append([
                    "name": "id", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"],
                ])
            }
            for p in op.pathParameters {
                parameters.append([
                    "name": p.name, "in": "path", "required": true, "description": p.description,
                    "schema": ["type": "string", "enum": p.choices],
                ])
            }
            for q in op.query {
                var schema: [String: Any] = ["type": q.type]
                if let choices = op.queryChoices[q.name] { schema["enum"] = choices }
                parameters.append([
                    "name": q.name, "in": "query", "required": false, "description": q.description,
                    "schema": schema,
                ])
            }
            if op.method == "post" {
                parameters.append([
                    "name": "Idempotency-Key", "in": "header", "required": false,
                    "description": "a retry with the same key and body gets the first answer",
                    "schema": ["type": "string", "maxLength": 255],
                ])
            }
            if !parameters.isEmpty { operation["parameters"] = parameters }
            if let request = op.request {
                operation["requestBody"] = [
                    "required": true, "content": ["application/json": ["schema": ref(request)]],
                ]
            }
            var responses: [String: Any] = [:]
            if op.produces != "application/json" {
                responses["\(op.status)"] = [
                    "description": "OK", "content": [op.produces: ["schema": ["type": "string"]]],
                    "headers": [
                        "Content-Disposition": [
                            "description": "attachment, with the file's name", "schema": ["type": "string"],
                        ]
                    ],
                ]
            } else if let response = op.response {
                responses["\(op.status)"] = [
                    "description": "OK", "content": ["application/json": ["schema": ref(response)]],
                ]
            } else {
                responses["\(op.status)"] = ["description": "Done"]
            }
            let problem: [String: Any] = ["content": ["application/problem+json": ["schema": ref("Problem")]]]
            var failures = [
                ("400", "Malformed request"), ("401", "No valid token"), ("403", "Your role may not do this"),
                ("404", "Not found, or not yours to see"), ("409", "Conflicts with the current state"),
                ("422", "Invalid fields, each named"),
                ("429", "Too many requests; try again after the Retry-After header's seconds"),
            ]
            if op.method != "get" {
                failures += [
                    ("413", "The body is larger than the server accepts"),
                    ("415", "The body is not JSON (Content-Type: application/json)"),
                ]
            }
            for (code, text) in failures {
                var entry = problem
                entry["description"] = text
                if code == "429" {
                    entry["headers"] = [
                        "Retry-After": ["description": "seconds to wait", "schema": ["type": "integer"]]
                    ]
                }
                responses[code] = entry
            }
            var throttled = problem
            throttled["description"] =
                "More requests with this token this minute than EARNED_API_RATE_LIMIT allows; retry after Retry-After seconds"
            throttled["headers"] = [
                "Retry-After": ["description": "seconds until the next minute", "schema": ["type": "integer"]]
            ]
            responses["429"] = throttled
            operation["responses"] = responses
            paths[op.path, default: [:]][op.method] = operation
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Earned API", "version": "1.0.0",
                "description":
                    "Customers, orders, locations, staff, promises, cases, inbound contacts, tasks and webhooks of a service-first loyalty system. Authenticate with an API token from the API tokens page: Authorization: Bearer <token>. When the owner requires two-factor sign-in, a token works only if its owner has it on and made the token afterwards (403 otherwise). Each token may make EARNED_API_RATE_LIMIT requests a minute (600 unless configured; 429 with Retry-After beyond). Amounts are integers in minor units; times are ISO 8601 in UTC.",
            ],
            "servers": [["url": "/"]],
            "security": [["bearer": [String]()]],
            "paths": paths,
            "tags": Set(paths.keys.map(tag(path:))).sorted().map { ["name": $0] },
            "components": [
                "schemas": schemas,
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            ],
        ]
    }

    static let json: String = {
        let data =
            (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }()
}
