import Foundation

/// The names a generated client gives each operation (`operationId`) and the tags that group
/// them, made from the method and path by one rule, so every new route is named the same way:
/// `listCustomers`, `createCustomer`, `getCustomer`, `updateCustomer`, `deleteOrder`,
/// `mergeCustomer`, `listCustomerNotes`, `createPromiseAction`.
extension OpenAPIDocument {
    /// Paths that are not a collection or one item of it, named by hand.
    static let namedOperations: [String: String] = [
        "get /api/v1/me": "getMe",
        "get /api/v1/exports/{kind}": "getExport",
        "get /api/v1/promises/on-time": "getPromisesOnTime",
        "get /api/v1/surveys/results": "getSurveyResults",
        "get /api/v1/forecasts/baseline": "getForecastBaseline",
        "post /api/v1/forecasts/run": "runForecast",
        "get /api/v1/settings/service": "getServiceSettings",
        "patch /api/v1/settings/service": "updateServiceSettings",
        "get /api/v1/settings/outreach": "getOutreachSettings",
        "patch /api/v1/settings/outreach": "updateOutreachSettings",
    ]

    /// Steps that act on one item rather than add to a collection under it.
    static let itemVerbs: Set<String> = ["merge", "erase", "complete", "close", "revoke"]

    static func operationID(method: String, path: String) -> String {
        if let named = namedOperations["\(method) \(path)"] { return named }
        let segments = path.split(separator: "/").dropFirst(2).map(String.init)
        let words = segments.filter { $0 != "{id}" }
        guard let last = segments.last, let lastWord = words.last else { return method }
        let owners = words.dropLast().map { pascal(singular($0)) }.joined()
        if last == "{id}" {
            let verb = ["get": "get", "patch": "update", "put": "replace", "delete": "delete"][method] ?? method
            return verb + owners + pascal(singular(lastWord))
        }
        if itemVerbs.contains(lastWord) { return lastWord + owners }
        switch method {
        case "get": return "list" + owners + pascal(lastWord)
        case "post": return "create" + owners + pascal(singular(lastWord))
        default: return method + owners + pascal(lastWord)
        }
    }

    /// The group an operation belongs to: its first path segment, survey parts under surveys.
    static func tag(path: String) -> String {
        let first = path.split(separator: "/").dropFirst(2).first.map(String.init) ?? "api"
        switch first {
        case "survey-invitations", "survey-answers": return "surveys"
        case "me": return "staff"
        default: return first
        }
    }

    static func singular(_ word: String) -> String {
        if word == "staff" || word == "settings" { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("s"), !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }

    static func pascal(_ word: String) -> String {
        word.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }
}
