import Vapor

/// Times every request and logs one structured line; the answer carries the time in
/// `Server-Timing`. The counts and latencies for `/metrics` are Vapor's own (see `EarnedMetrics`).
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let response = try await next.respond(to: request)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        request.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "route": .string(route),
                "status": .stringConvertible(response.status.code),
                "ms": .string(String(format: "%.1f", seconds * 1000)),
            ])
        response.headers.replaceOrAdd(name: "Server-Timing", value: String(format: "app;dur=%.1f", seconds * 1000))
        return response
    }
}
