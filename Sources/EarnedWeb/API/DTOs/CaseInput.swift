import EarnedDomain
import Vapor

struct CaseInput: Content {
    var customer_id: UUID?
    var location_id: UUID?
    var title: String?
    var detail: String?
    var source: ServiceCase.Source?
    var link_id: UUID?
    var owner_id: UUID?
    var department: String?
    var priority: Priority?
    var accepted_on_customers_word: Bool?

    var draft: ServiceCaseDraft {
        ServiceCaseDraft(
            customerID: customer_id.map(CustomerID.init), locationID: location_id.map(LocationID.init), title: title,
            detail: detail, source: source, link: link_id, ownerID: owner_id.map(StaffID.init), department: department,
            priority: priority, acceptedOnCustomersWord: accepted_on_customers_word)
    }
}
