import EarnedDomain
import EarnedServices
import Vapor

/// Exports under /api/v1: the export page's file, for the same person the same bytes.
extension APIRoutes {
    static func registerExports(_ api: any RoutesBuilder) {
        api.get(SiteURL.API.exports(.key).pathComponents, use: export)
    }

    /// `GET /exports/{kind}?dialect=comma|excel&from=&to=&location_id=`: the kind as CSV (commas
    /// unless asked otherwise), days read in the caller's home location's zone as the page reads them.
    static func export(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .exportData)
        var params = ExportParams(req)
        params.kind = req.parameters.get("kind")
        params.location = ExportParams.text(req, "location_id")
        let (query, errors) = params.read(
            zone: viewer.zone, actor: viewer.staff, locations: viewer.locations, defaultDialect: .comma,
            names: ["location": "location_id"])
        guard let query else { throw DomainError.invalid(errors) }
        return try await Export.download(query, actor: viewer.staff, zone: viewer.zone, req: req)
    }
}
