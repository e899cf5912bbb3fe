import EarnedDomain
import Vapor

/// Turns every error into an answer a person or a program can act on: problem+json for the
/// API, a page for people. Never a stack trace or SQL; server faults are logged, not shown.
struct EarnedErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return handle(error, for: request)
        }
    }

    func handle(_ error: any Error, for request: Request) -> Response {
        let (status, problem, headers) = classify(error, request: request)
        if status.code >= 500 {
            request.logger.report(error: error)
        }
        if request.isAPI || request.headers.accept.contains(where: { $0.mediaType == .json }) && !acceptsHTML(request) {
            return problem.response(headers: headers)
        }
        if case DomainError.unauthenticated = error {
            return request.redirect(to: SiteURL.signIn(next: request.url.string).path)
        }
        let s = request.strings
        let (title, text): (String, String) =
            switch status.code {
            case 404: (s.notFoundTitle, s.notFoundText)
            case 403: (s.forbiddenTitle, problem.detail == "csrf" ? s.csrfText : s.forbiddenText)
            case 400..<500:
                (
                    s.badRequestTitle,
                    problem.errors.map { $0.map { "\($0.name): \($0.reason)" }.joined(separator: "; ") } ?? problem
                        .detail ?? ""
                )
            default: (s.errorTitle, s.errorText)
            }
        let page = ErrorPage(title: title, text: text, status: status)
        let response = Layout.response(page.body(s), title: title, request: request, status: status)
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        return response
    }

    func acceptsHTML(_ request: Request) -> Bool {
        request.headers.accept.contains { $0.mediaType == .html }
    }

    func classify(_ error: any Error, request: Request) -> (HTTPResponseStatus, ProblemDetails, HTTPHeaders) {
        switch error {
        case let domain as DomainError:
            switch domain {
            case .invalid(let fields): return (.unprocessableEntity, .invalid(fields), [:])
            case .notFound(let what): return (.notFound, .simple(.notFound, "\(what) not found"), [:])
            case .forbidden(let why): return (.forbidden, .simple(.forbidden, why), [:])
            case .conflict(let why): return (.conflict, .simple(.conflict, why), [:])
            case .throttled(let seconds):
                return (.tooManyRequests, .simple(.tooManyRequests, "too many attempts"), ["Retry-After": "\(seconds)"])
            case .unauthenticated(let why):
                return (.unauthorized, .simple(.unauthorized, why), ["WWW-Authenticate": "Bearer"])
            }
        case let decoding as DecodingError:
            return Self.decodingProblem(decoding)
        case let abort as any AbortError:
            let detail = abort.status.code < 500 ? abort.reason : nil
            return (abort.status, .simple(abort.status, detail), abort.headers)
        default:
            return (.internalServerError, .simple(.internalServerError, "an unexpected error; it has been logged"), [:])
        }
    }

    /// A JSON body that does not parse (400), or a field of the wrong type or missing (422).
    static func decodingProblem(_ error: DecodingError) -> (HTTPResponseStatus, ProblemDetails, HTTPHeaders) {
        func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (key.map { [$0] } ?? [])
            return keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        let field: FieldError
        switch error {
        case .typeMismatch(let type, let context):
            field = FieldError(field: path(context), code: .invalidFormat, detail: Self.typeName(type))
        case .valueNotFound(_, let context):
            field = FieldError(field: path(context), code: .required)
        case .keyNotFound(let key, let context):
            field = FieldError(field: path(context, key), code: .required)
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return (.badRequest, .simple(.badRequest, "the body is not valid JSON"), [:])
            }
            field = FieldError(field: path(context), code: .invalidFormat, detail: context.debugDescription)
        @unknown default:
            return (.badRequest, .simple(.badRequest, "the body could not be read"), [:])
        }
        return (.unprocessableEntity, .invalid([field]), [:])
    }

    static func typeName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch name {
        case "String": return "a string"
        case "Int", "Int64", "Double": return "a number"
        case "Bool": return "true or false"
        case _ where name.hasPrefix("Array"): return "an array"
        case _ where name.hasPrefix("Dictionary"): return "an object"
        default: return "a " + name.lowercased()
        }
    }
}
