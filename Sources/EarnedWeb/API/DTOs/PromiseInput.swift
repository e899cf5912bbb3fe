import EarnedDomain
import Vapor

struct PromiseInput: Content {
    var customer_id: UUID?
    var kind: Promise.Kind?
    var text: String?
    var owner_id: UUID?
    var location_id: UUID?
    var due_at: Date?
    var link_kind: Promise.Link.Kind?
    var link_id: UUID?

    var draft: PromiseDraft {
        PromiseDraft(
            customerID: customer_id.map(CustomerID.init), kind: kind, text: text, ownerID: owner_id.map(StaffID.init),
            locationID: location_id.map(LocationID.init),
            link: link_kind.flatMap { k in link_id.map { .init(kind: k, id: $0) } },
            dueAt: due_at)
    }
}
