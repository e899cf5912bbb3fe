import EarnedDomain
import EarnedStore
import Vapor

/// When the owner requires two-factor sign-in, nobody without it gets past this: a page sends
/// them to set it up; an API call is refused, and so is a token made before its owner turned
/// the factor on (it may have been made by someone who had only the password).
struct TwoFactorRequirementMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.currentUser, try await request.settings.security().requireTwoFactor else {
            return try await next.respond(to: request)
        }
        if request.isAPI {
            let bearer = request.headers.bearerAuthorization?.token ?? ""
            guard
                try await request.accounts.tokenPassesTwoFactor(
                    tokenHash: Secrets.sha256(bearer), staffID: user.staff.id)
            else {
                throw DomainError.forbidden(
                    "two-factor sign-in is required: its owner must turn it on (under /account) and then make a new token"
                )
            }
        } else if try await request.accounts.twoFactor(of: user.staff.id)?.isEnabled != true {
            return request.redirect(to: SiteURL.twoFactorSetup.path)
        }
        return try await next.respond(to: request)
    }
}

/// At most `EARNED_API_RATE_LIMIT` requests per token per minute, counted in the database so
/// every instance shares the count (a fixed window per token and minute). Over the limit: 429
/// problem+json with Retry-After, the seconds until the next minute.
struct APIRateLimitMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let limit = request.config.apiRateLimit
        guard limit > 0, request.url.path.hasPrefix("/api/v1/"),
            let bearer = request.headers.bearerAuthorization?.token,
            !bearer.isEmpty
        else {
            return try await next.respond(to: request)
        }
        let now = request.now.timeIntervalSince1970
        let window = Int64((now / 60).rounded(.down))
        let hits = try await request.accounts.countRequest(key: Secrets.sha256(bearer), window: window)
        guard hits <= limit else {
            let retryAfter = max(1, Int((Double(window + 1) * 60 - now).rounded(.up)))
            let problem = ProblemDetails.simple(
                .tooManyRequests,
                "more than \(limit) requests a minute with this token; try again in \(retryAfter) s",
                type: "https://earned.example/problems/rate-limit")
            return problem.response(headers: [
                "Retry-After": "\(retryAfter)", "RateLimit-Limit": "\(limit)", "RateLimit-Remaining": "0",
            ])
        }
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "RateLimit-Limit", value: "\(limit)")
        response.headers.replaceOrAdd(name: "RateLimit-Remaining", value: "\(limit - hits)")
        return response
    }
}
