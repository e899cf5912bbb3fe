import EarnedDomain
import Vapor

/// Lets a caller reach `/metrics` when it shows the bearer token of `EARNED_METRICS_TOKEN`, or
/// when it connects from an address of `EARNED_METRICS_ALLOW` (loopback by default) and not
/// through a proxy. Anyone else gets 401 (a token is set: show it) or 403 (no token is set), and
/// no metrics.
///
/// A request that a reverse proxy passed on carries `Forwarded` or `X-Forwarded-For`; its
/// connection comes from the proxy (often 127.0.0.1), not from the caller, so such a request
/// must show the token: otherwise every visitor behind a local proxy would count as loopback.
struct MetricsAccessMiddleware: AsyncMiddleware {
    /// SHA-256 of the token: the comparison takes the same time whatever the guess, and the
    /// token itself is not kept.
    let tokenDigest: [UInt8]?
    let allowed: [IPAddressRange]

    init(config: Config) {
        tokenDigest = config.metricsToken.map { Array(SHA256.hash(data: Data($0.utf8))) }
        allowed = config.metricsAllow
    }

    enum Decision: Equatable {
        case allowed
        /// A token is set and the caller did not show it (or showed another).
        case needsToken
        /// No token is set and the caller's address is not listed.
        case forbidden
    }

    static let proxyHeaders: [HTTPHeaders.Name] = [.forwarded, .xForwardedFor, "X-Real-IP"]

    func decide(address: String?, throughProxy: Bool, bearer: String?) -> Decision {
        if let tokenDigest, let bearer, ConstantTime.equal(Array(SHA256.hash(data: Data(bearer.utf8))), tokenDigest) {
            return .allowed
        }
        if !throughProxy, let address, allowed.contains(where: { $0.contains(address) }) { return .allowed }
        return tokenDigest == nil ? .forbidden : .needsToken
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let decision = decide(
            address: request.remoteAddress?.ipAddress,
            throughProxy: Self.proxyHeaders.contains { request.headers.contains(name: $0) },
            bearer: request.headers.bearerAuthorization?.token)
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        switch decision {
        case .allowed:
            return try await next.respond(to: request)
        case .needsToken:
            headers.replaceOrAdd(name: .wwwAuthenticate, value: #"Bearer realm="metrics""#)
            return Response(
                status: .unauthorized, headers: headers,
                body: .init(string: "Metrics need a bearer token.\n"))
        case .forbidden:
            return Response(
                status: .forbidden, headers: headers,
                body: .init(string: "Metrics are not served to this address.\n"))
        }
    }

}
