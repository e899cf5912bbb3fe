import EarnedDomain
import Foundation
import Vapor

/// Refuses a JSON or form body that holds a control character in any text, naming the field
/// (`TextRule`), before anything runs: what is stored is what a later read returns. The
/// domain's validators apply the same rule to the fields they check; this catches every other
/// text in a body, and keys too.
struct TextInputMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard WriteTransactionMiddleware.writes(request.method), let type = request.headers.contentType else {
            return try await next.respond(to: request)
        }
        let isJSON = type.type == "application" && (type.subType == "json" || type.subType.hasSuffix("+json"))
        let isForm = type == .urlEncodedForm
        guard isJSON || isForm else { return try await next.respond(to: request) }
        let body =
            try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
            ?? ByteBuffer()
        let bytes = Data(body.readableBytesView)
        let refused = isJSON ? Self.jsonFields(bytes) : Self.formFields(bytes)
        if !refused.isEmpty { throw DomainError.invalid(refused.map(TextRule.error(field:))) }
        return try await next.respond(to: request)
    }

    /// The paths (`contacts.0.value`) of JSON strings and keys that hold a refused character;
    /// none for a body that is not JSON (the decoder reports that).
    static func jsonFields(_ bytes: Data) -> [String] {
        guard let text = String(data: bytes, encoding: .utf8),
            text.contains("\\u") || text.contains("\\b")
                || text.contains("\\f") || text.unicodeScalars.contains(where: { !TextRule.allows($0) })
        else { return [] }
        guard let value = try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed]) else {
            return []
        }
        var found: [String] = []
        func walk(_ value: Any, _ path: String) {
            switch value {
            case let text as String:
                if !TextRule.allows(text) { found.append(path) }
            case let array as [Any]:
                for (index, item) in array.enumerated() { walk(item, path.isEmpty ? "\(index)" : "\(path).\(index)") }
            case let object as [String: Any]:
                for (key, item) in object.sorted(by: { $0.key < $1.key }) {
                    let name = path.isEmpty ? key : "\(path).\(key)"
                    if !TextRule.allows(key) { found.append(name) } else { walk(item, name) }
                }
            default:
                break
            }
        }
        walk(value, "")
        return found.map { $0.isEmpty ? "body" : $0 }
    }

    /// The names of form fields whose value (or name) holds a refused character.
    static func formFields(_ bytes: Data) -> [String] {
        guard let text = String(data: bytes, encoding: .utf8), text.contains("%") else { return [] }
        var found: [String] = []
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            if !TextRule.allows(name) || !TextRule.allows(value) {
                found.append(TextRule.allows(name) ? name : "form")
            }
        }
        return found
    }
}
