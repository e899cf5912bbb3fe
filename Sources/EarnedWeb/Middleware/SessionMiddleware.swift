import EarnedDomain
import EarnedServices
import Vapor

/// Finds the signed-in person from the session cookie (its token is hashed before lookup).
struct SessionMiddleware: AsyncMiddleware {
    static let cookieName = "earned_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.cookies[Self.cookieName]?.string, !token.isEmpty,
            let session = try await request.security.session(tokenHash: Secrets.sha256(token), now: request.now)
        {
            request.currentUser = CurrentUser(staff: session.staff, csrfToken: session.csrfToken)
        }
        return try await next.respond(to: request)
    }

    static func cookie(_ token: String, config: Config, maxAge: Int?) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: token, expires: nil, maxAge: maxAge, domain: nil, path: "/", isSecure: config.secureCookies,
            isHTTPOnly: true, sameSite: .lax)
    }
}

/// Pages behind it need a signed-in person; others are sent to the sign-in page.
struct RequireUserMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        _ = try request.actor()
        return try await next.respond(to: request)
    }
}

/// Rejects a form post whose `_csrf` field does not match the session's token (or, before
/// sign-in, the double-submit cookie).
struct CSRFMiddleware: AsyncMiddleware {
    static let fieldName = "_csrf"
    static let cookieName = "earned_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .POST || request.method == .PUT || request.method == .PATCH || request.method == .DELETE {
            let expected = request.currentUser?.csrfToken ?? request.cookies[Self.cookieName]?.string
            // A browser may send a longer form's body after its head, still streaming when this
            // runs: collect it first, or the token would read as missing.
            if request.body.data == nil {
                _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
            }
            let given = try? request.content.get(String.self, at: Self.fieldName)
            guard let expected, let given, !expected.isEmpty, ConstantTime.equal(expected, given) else {
                throw Abort(.forbidden, reason: "csrf")
            }
        }
        return try await next.respond(to: request)
    }
}

/// Signs an API call in by its bearer token; a missing or revoked token gets 401.
struct APITokenMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization?.token, !bearer.isEmpty else {
            throw DomainError.unauthenticated("send an API token as Authorization: Bearer <token>")
        }
        guard let staff = try await request.security.staff(forTokenHash: Secrets.sha256(bearer), now: request.now)
        else {
            throw DomainError.unauthenticated("the token is unknown or revoked")
        }
        request.currentUser = CurrentUser(staff: staff, csrfToken: nil)
        return try await next.respond(to: request)
    }
}

/// Security headers on every answer; pages load nothing from other sites.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        if response.headers.contentType?.subType == "html" {
            response.headers.replaceOrAdd(
                name: "Content-Security-Policy",
                value:
                    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'"
            )
        }
        return response
    }
}
