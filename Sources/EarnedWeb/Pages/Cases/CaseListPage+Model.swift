import EarnedDomain
import Foundation
import Plot

/// The cases: each with its customer, accountable owner, holder and priority.
struct CaseListPage {
    var viewer: ViewerContext
    var cases: [ServiceCase]
    var names: [CustomerID: String]
    var staff: [Staff]
    var now: Date
}
