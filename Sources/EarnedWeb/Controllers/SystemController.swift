import EarnedStore
import Vapor

/// What is not a page: the health probe, the metrics for the scraper, the stylesheet and script,
/// and the API's OpenAPI document. No session.
struct SystemController: RouteCollection {
    let metrics: EarnedMetrics
    let metricsAccess: MetricsAccessMiddleware

    init(metrics: EarnedMetrics, config: Config) {
        self.metrics = metrics
        metricsAccess = MetricsAccessMiddleware(config: config)
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.health.pathComponents, use: health)
        routes.grouped(metricsAccess).get(SiteURL.metrics.pathComponents, use: metricsText)
        routes.get(SiteURL.stylesheet.pathComponents, use: stylesheet)
        routes.get(SiteURL.importScript.pathComponents, use: importScript)
        routes.get(SiteURL.forecastScript.pathComponents, use: forecastScript)
        routes.get(SiteURL.openAPI.pathComponents, use: openAPI)
    }

    func health(_ req: Request) async throws -> Response {
        do {
            try await DatabaseHealth.probe(req.database)
            return try await ["status": "ok", "database": "reachable"].encodeResponse(for: req)
        } catch {
            req.logger.error("health check failed: \(String(reflecting: error))")
            let response = try await ["status": "failing", "database": "unreachable"].encodeResponse(for: req)
            response.status = .serviceUnavailable
            return response
        }
    }

    func metricsText(_ req: Request) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(
            type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: metrics.render()))
    }

    func stylesheet(_ req: Request) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .css
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
    }

    func importScript(_ req: Request) -> Response { script(ImportProgressScript.js) }

    func forecastScript(_ req: Request) -> Response { script(ForecastFormScript.js) }

    func script(_ js: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: js))
    }

    func openAPI(_ req: Request) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
    }
}
