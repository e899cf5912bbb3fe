import EarnedDomain
import Foundation

/// Suggested duplicates in the OpenAPI document.
extension OpenAPIDocument {
    static let duplicateOperations: [Operation] = [
        Operation(
            method: "get", endpoint: .duplicates,
            summary:
                "Pairs of customer cards that look like one person (a shared phone or e-mail, the same card number, or the same name with a birthday or city), each card of yours to see; manager or owner",
            response: "DuplicatePairList", status: 200, query: listQuery),
        Operation(
            method: "post", endpoint: .duplicateDismissals,
            summary: "Say two customers are not the same person, so the pair is not proposed again; manager or owner",
            request: "DuplicateDismissalInput", response: "DuplicateDismissal", status: 201),
    ]

    static var duplicateSchemas: [String: [String: Any]] {
        let uuid = string(format: "uuid")
        let pairFields: Props = [
            "first": ref("Customer"), "second": ref("Customer"),
            "reasons": array(enumeration(DuplicateRule.Reason.allCases.map(\.rawValue))),
            "first_order_count": integer("orders of the first card"),
            "second_order_count": integer("orders of the second card"),
        ]
        let dismissalFields: Props = [
            "first_id": uuid, "second_id": uuid, "dismissed_by_id": string(format: "uuid", nullable: true),
            "dismissed_at": string(format: "date-time"),
        ]
        return [
            "DuplicatePair": object(pairFields, required: Array(pairFields.keys)),
            "DuplicatePairList": object(
                ["items": array(ref("DuplicatePair")), "next_cursor": string(nullable: true)],
                required: ["items", "next_cursor"]),
            "DuplicateDismissalInput": object(
                ["first_id": uuid, "second_id": uuid], required: ["first_id", "second_id"]),
            "DuplicateDismissal": object(dismissalFields, required: Array(dismissalFields.keys)),
        ]
    }
}
