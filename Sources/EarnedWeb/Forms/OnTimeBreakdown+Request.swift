import EarnedServices
import Vapor

extension OnTimeBreakdown {
    /// The rows a request asks for with `?by=` (a grouping), `from` and `to` (ISO 8601): the
    /// same reading for the page and the API, labels in the viewer's language.
    static func load(_ req: Request, viewer: ViewerContext) async throws -> OnTimeBreakdown {
        let by = try req.choice(Grouping.self, at: "by") ?? .owner
        let to = try req.queryDate("to")
        let from = try req.queryDate("from")
        return try await load(
            Query(grouping: by, from: from, to: to), viewer: viewer.staff, locations: viewer.locations,
            zone: viewer.zone, names: viewer.s.onTimeNames, in: req.serviceContext)
    }
}
