import EarnedDomain
import Foundation
import Plot

/// Open inbound contacts: each with its channel, priority, customer, owner and when a reply is due.
struct ContactListPage {
    var viewer: ViewerContext
    var queue: [ContactQueue.Item]
    var names: [CustomerID: String]
    var staff: [Staff]
    var now: Date
}
