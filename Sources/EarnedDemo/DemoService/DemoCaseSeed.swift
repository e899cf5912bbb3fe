import EarnedDomain
import Foundation

/// How a demo case opens: everything `ServiceCaseDraft` needs, and the order it is about.
struct DemoCaseSeed: Sendable {
    var id: CaseID
    var customer: Customer
    var site: DemoSite
    var openedAt: Date
    var source: ServiceCase.Source
    var link: UUID?
    var title: String
    var ownerID: StaffID
    var openedByID: StaffID
    var priority: Priority = .normal
    var topic: DemoCaseTopic
    var order: Order?
}
