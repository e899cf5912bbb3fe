import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation
import Plot

/// Call-first incidents: each with the share of affected customers told first.
struct IncidentListPage {
    var viewer: ViewerContext
    var reports: [IncidentRepository.Report]
    var mayRecord: Bool
}
