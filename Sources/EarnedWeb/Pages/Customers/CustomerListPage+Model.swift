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

    /// Suggested duplicate pairs the viewer may merge; 0 shows no link.
    var duplicates = 0
}
