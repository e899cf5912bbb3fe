import NIOConcurrencyHelpers
import Vapor

/// Request counts, errors and latencies for `/metrics`, in Prometheus text format.
final class Metrics: Sendable {
    static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    struct Series: Sendable {
        var count: Int = 0
        var sum: Double = 0
        var buckets: [Int] = Array(repeating: 0, count: Metrics.buckets.count)
    }

    private let state = NIOLockedValueBox<(requests: [String: Int], latency: [String: Series], errors: Int)>(
        ([:], [:], 0))

    func record(method: String, route: String, status: UInt, seconds: Double) {
        state.withLockedValue { value in
            let label = "method=\"\(method)\",route=\"\(route)\",status=\"\(status)\""
            value.requests[label, default: 0] += 1
            if status >= 500 { value.errors += 1 }
            let key = "method=\"\(method)\",route=\"\(route)\""
            var series = value.latency[key] ?? Series()
            series.count += 1
            series.sum += seconds
            for (index, bound) in Metrics.buckets.enumerated() where seconds <= bound { series.buckets[index] += 1 }
            value.latency[key] = series
        }
    }

    func render() -> String {
        state.withLockedValue { value in
            var out = "# HELP earned_http_requests_total HTTP requests by route and status.\n"
            out += "# TYPE earned_http_requests_total counter\n"
            for (label, count) in value.requests.sorted(by: { $0.key < $1.key }) {
                out += "earned_http_requests_total{\(label)} \(count)\n"
            }
            out += "# HELP earned_http_server_errors_total Answers with a 5xx status.\n"
            out += "# TYPE earned_http_server_errors_total counter\n"
            out += "earned_http_server_errors_total \(value.errors)\n"
            out += "# HELP earned_http_request_duration_seconds Time to answer a request.\n"
            out += "# TYPE earned_http_request_duration_seconds histogram\n"
            for (key, series) in value.latency.sorted(by: { $0.key < $1.key }) {
                for (index, bound) in Metrics.buckets.enumerated() {
                    out +=
                        "earned_http_request_duration_seconds_bucket{\(key),le=\"\(bound)\"} \(series.buckets[index])\n"
                }
                out += "earned_http_request_duration_seconds_bucket{\(key),le=\"+Inf\"} \(series.count)\n"
                out += "earned_http_request_duration_seconds_sum{\(key)} \(series.sum)\n"
                out += "earned_http_request_duration_seconds_count{\(key)} \(series.count)\n"
            }
            return out
        }
    }
}

/// Times every request, counts it for `/metrics`, and logs one structured line.
struct MetricsMiddleware: AsyncMiddleware {
    let metrics: Metrics

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let response = try await next.respond(to: request)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        metrics.record(method: request.method.rawValue, route: route, status: response.status.code, seconds: seconds)
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
