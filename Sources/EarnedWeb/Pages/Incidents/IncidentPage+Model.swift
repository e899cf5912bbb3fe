import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation
import Plot

/// One incident with every affected customer and whether each was told first.
struct IncidentPage {
    var viewer: ViewerContext
    var report: IncidentRepository.Report
    var names: [CustomerID: String]
    var mayClose: Bool
}
