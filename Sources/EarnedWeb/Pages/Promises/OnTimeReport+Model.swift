import EarnedDomain
import EarnedServices
import Foundation
import Plot
import Vapor

/// The on-time report's page: promises kept on time, per person, team, location, kind or period,
/// with a 95 % interval; fewer than `OnTimeBreakdown.minimumDecided` decided promises is "not enough data".
struct OnTimeReport {
    /// The rows come from the service, the same as the API's.
    var breakdown: OnTimeBreakdown

    static func load(_ req: Request, viewer: ViewerContext) async throws -> OnTimeReport {
        OnTimeReport(breakdown: try await OnTimeBreakdown.load(req, viewer: viewer))
    }
}
