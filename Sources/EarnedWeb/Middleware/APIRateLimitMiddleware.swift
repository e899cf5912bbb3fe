import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// At most `EARNED_API_RATE_LIMIT` requests per token per minute, counted in the database so
/// every instance shares the count (a fixed window per token and minute). Over the limit: 429
/// problem+json with Retry-After, the seconds until the next minute.
struct APIRateLimitMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let limit = request.config.apiRateLimit
        guard limit > 0, SiteURL.isInAPI(request.url.path),
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
