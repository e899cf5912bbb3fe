import EarnedDomain
import Vapor

/// An RFC 9457 problem: what went wrong, and for bad input, each field and why.
struct ProblemDetails: Content {
    struct InvalidParam: Codable, Sendable {
        var name: String
        var reason: String
        var code: String
    }

    var type: String
    var title: String
    var status: Int
    var detail: String?
    var errors: [InvalidParam]?

    static let contentType = HTTPMediaType(
        type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])

    func response(headers extra: HTTPHeaders = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(self)) ?? Data("{}".utf8)
        var headers = extra
        headers.contentType = Self.contentType
        return Response(status: HTTPResponseStatus(statusCode: status), headers: headers, body: .init(data: body))
    }

    static func invalid(_ fields: [FieldError]) -> ProblemDetails {
        ProblemDetails(
            type: "https://earned.example/problems/validation", title: "Your request has invalid fields.", status: 422,
            detail: fields.map { "\($0.field) \($0.reason)" }.joined(separator: "; "),
            errors: fields.map { InvalidParam(name: $0.field, reason: $0.reason, code: $0.code.rawValue) })
    }

    static func simple(_ status: HTTPResponseStatus, _ detail: String?, type: String = "about:blank") -> ProblemDetails
    {
        ProblemDetails(type: type, title: status.reasonPhrase, status: Int(status.code), detail: detail, errors: nil)
    }
}
