import EarnedDomain
import Plot

/// The customers list: search by name, phone or e-mail, filter by location, page by cursor.
struct CustomerListPage {
    var viewer: ViewerContext
    var search: String?
    var location: LocationID?
    var customers: [Customer]
    var next: String?
    var isFirstPage: Bool
    var total: Int?

    /// Whether the viewer may merge customers, so the list links to the suggested duplicates.
    /// The number is on that page: finding the pairs reads every contact and name of a chain
    /// (over a second at 100,000 customers), too much for every visit to the list.
    var mayMerge = false
}
