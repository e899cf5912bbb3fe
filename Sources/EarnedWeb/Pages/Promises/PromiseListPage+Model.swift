import EarnedDomain
import EarnedStore
import Foundation
import Plot

/// Promises by state (open, due, late, broken, kept), with the link to the on-time report.
struct PromiseListPage {
    var viewer: ViewerContext
    var promises: [Promise]
    var filter: PromiseRepository.Filter
    var names: [CustomerID: String]
    var staff: [Staff]
    var now: Date
}
