import EarnedDomain
import Plot

/// All orders, newest first, with a location filter.
struct OrderListPage {
    var viewer: ViewerContext
    var location: LocationID?
    var orders: [Order]
    var customerNames: [CustomerID: String]
    var staff: [Staff]
    var next: String?
    var isFirstPage: Bool
}
