import EarnedDomain
import EarnedServices
import Foundation
import Plot
import Vapor

/// The on-time report's page: promises kept on time, per person, team, location, kind or period,
/// with a 95 % interval; fewer than `minimumDecided` decided promises is "not enough data".
struct OnTimeReport {
    typealias Grouping = OnTimeBreakdown.Grouping
    typealias Row = OnTimeBreakdown.Row
    static let minimumDecided = OnTimeBreakdown.minimumDecided
    var grouping: Grouping
    var from: Date
    var to: Date
    var rows: [Row]

    /// The rows come from the service (`OnTimeBreakdown`), the same as the API's.
    static func load(_ req: Request, viewer: ViewerContext) async throws -> OnTimeReport {
        let breakdown = try await OnTimeBreakdown.load(req, viewer: viewer)
        return OnTimeReport(grouping: breakdown.grouping, from: breakdown.from, to: breakdown.to, rows: breakdown.rows)
    }
}
