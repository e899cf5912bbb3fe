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
                (s.badRequestTitle, Self.fieldText(error, s: s) ?? problem.detail ?? "")
            default: (s.errorTitle, s.errorText)
            }
        let page = ErrorPage(title: title, text: text, status: status)
        let response = Layout.response(page.body(s), title: title, request: request, status: status)
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        return response
    }

    /// Refused fields in the reader's language: "text: Неверный формат: ожидается …".
    static func fieldText(_ error: any Error, s: Strings) -> String? {
        guard case DomainError.invalid(let fields) = error else { return nil }
        return fields.map { "\($0.field): \(s.fieldError($0))" }.joined(separator: "; ")
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
            return Self.decodingProblem(decoding, request: request)
        case let abort as any AbortError:
            // Vapor's own reasons name its internals ("Can't decode data without a content
            // type"); the answer says what to do instead. "csrf" is the page's own marker.
            let detail: String? =
                switch abort.status {
                case .unsupportedMediaType: "send the body as JSON, with Content-Type: application/json"
                case .payloadTooLarge: "the body is larger than the server accepts"
                case .forbidden where abort.reason == "csrf": "csrf"
                case .notFound: "not found"
                default: nil
                }
            return (abort.status, .simple(abort.status, detail), abort.headers)
        default:
            return (.internalServerError, .simple(.internalServerError, "an unexpected error; it has been logged"), [:])
        }
    }

    /// A JSON body that does not parse (400), or a field of the wrong type or missing (422),
    /// described in the OpenAPI document's words for that field, never the decoder's.
    static func decodingProblem(_ error: DecodingError, request: Request? = nil) -> (
        HTTPResponseStatus, ProblemDetails, HTTPHeaders
    ) {
        func keys(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> [String] {
            (context.codingPath + (key.map { [$0] } ?? [])).map { $0.intValue.map(String.init) ?? $0.stringValue }
        }
        let routePath = request?.route.map { route in
            "/"
                + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
        }
        let method = request?.method.rawValue.lowercased() ?? ""
        func refused(_ path: [String], fallback: String?) -> FieldError {
            let field = path.joined(separator: ".")
            let schema = routePath.flatMap {
                OpenAPIDocument.requestField(method: method, routePath: $0, field: path)
            }
            let wording = OpenAPIDocument.refusal(schema: schema)
            if let choices = wording.choices {
                return FieldError(field: field, code: .invalidChoice, detail: choices.joined(separator: ", "))
            }
            return FieldError(field: field, code: .invalidFormat, detail: wording.expected ?? fallback)
        }
        let field: FieldError
        switch error {
        case .typeMismatch(let type, let context):
            field = refused(keys(context), fallback: Self.typeName(type))
        case .valueNotFound(_, let context):
            field = FieldError(field: keys(context).joined(separator: "."), code: .required)
        case .keyNotFound(let key, let context):
            field = FieldError(field: keys(context, key).joined(separator: "."), code: .required)
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                // Valid JSON that Foundation still calls invalid holds a number that is not the
                // whole number the field takes.
                var body = request?.body.data ?? ByteBuffer()
                if let routePath, let data = body.readData(length: body.readableBytes),
                    let parsed = try? JSONSerialization.jsonObject(with: data)
                {
                    let misfits = OpenAPIDocument.misfitNumbers(in: parsed, method: method, routePath: routePath)
                    if !misfits.isEmpty {
                        let fields = misfits.map {
                            FieldError(field: $0, code: .invalidFormat, detail: "a whole number")
                        }
                        return (.unprocessableEntity, .invalid(fields), [:])
                    }
                }
                return (.badRequest, .simple(.badRequest, "the body is not valid JSON"), [:])
            }
            // Earned's own decoders (dates, follow-up steps) say what they expect; Swift's and
            // Foundation's ("Cannot initialize Kind from invalid String value …") do not.
            if Self.ownDecoderWords.contains(where: context.debugDescription.hasPrefix) {
                let words = context.debugDescription
                field = FieldError(
                    field: keys(context).joined(separator: "."), code: .invalidFormat,
                    detail: words.hasPrefix("expected ") ? String(words.dropFirst("expected ".count)) : words)
            } else {
                field = refused(keys(context), fallback: nil)
            }
        @unknown default:
            return (.badRequest, .simple(.badRequest, "the body could not be read"), [:])
        }
        return (.unprocessableEntity, .invalid([field]), [:])
    }

    /// How Earned's own decoders begin their descriptions of what they expect.
    static let ownDecoderWords = ["expected ", "an ISO 8601 date-time"]

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
