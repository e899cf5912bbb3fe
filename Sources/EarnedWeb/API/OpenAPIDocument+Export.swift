import EarnedServices
import Foundation

/// Exports in the OpenAPI document.
extension OpenAPIDocument {
    static let exportOperations: [Operation] = [
        Operation(
            method: "get", endpoint: .exports(.key),
            summary:
                "One kind of record as CSV, the rows the export page gives the same person (manager or owner): customers, orders, contacts and survey answers under the headers `earned import` reads, so the file loads back and changes nothing; promises and cases for reading. Times in UTC, people by e-mail, locations by name; a cell a spreadsheet would run as a formula starts with '",
            status: 200,
            query: [
                (
                    "dialect", "string",
                    "comma (RFC 4180, UTF-8; the default) or excel (';' with a UTF-8 byte-order mark)"
                ),
                (
                    "from", "string",
                    "first day, YYYY-MM-DD in your home location's time zone, of the kind's main time (ordered, due, opened, received, answered; customers have none)"
                ),
                ("to", "string", "last day, YYYY-MM-DD, included"),
                ("location_id", "string", "one of your locations (UUID)"),
            ],
            pathParameters: [
                ("kind", ExportKind.allCases.map(\.rawValue), "what to export")
            ],
            queryChoices: ["dialect": ExportDialect.allCases.map(\.rawValue)], produces: "text/csv")
    ]
}
