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

    var body: HTMLNode {
        let s = viewer.s
        let searching = !(search ?? "").isEmpty || location != nil
        return H.group([
            Layout.pageHead(
                s.customersTitle, subtitle: total.map(s.customersCount),
                action: (SiteURL.newCustomer.path, s.newCustomer)),
            duplicates > 0
                ? H.el("p", [], [H.a(SiteURL.customerDuplicates().path, s.duplicatesLink(duplicates))]) : H.empty,
            H.el(
                "form",
                [("class", "filters"), ("method", "get"), ("action", SiteURL.customers().path), ("role", "search")],
                [
                    H.div(
                        "field grow",
                        [
                            H.el("label", [("for", "q"), ("class", "sr-only")], [H.text(s.searchCustomers)]),
                            H.void(
                                "input",
                                [
                                    ("type", "search"), ("id", "q"), ("name", "q"), ("value", search ?? ""),
                                    ("placeholder", s.searchCustomers),
                                ]),
                        ]),
                    Forms.locationFilter(viewer, selected: location),
                    Forms.submit(s.search, cls: "button"),
                ]),
            customers.isEmpty
                ? H.p("empty", searching ? s.noMatches : s.noCustomers)
                : H.table(
                    caption: s.customersTitle,
                    headers: [s.name, s.phone, s.email, s.location],
                    rows: customers.map { c in
                        [
                            H.a(SiteURL.customer(c.id.rawValue).path, c.name),
                            H.text(c.phones.first.map(PhoneFormat.display) ?? s.none),
                            H.text(c.emails.first ?? s.none),
                            H.text(viewer.locationName(c.homeLocationID)),
                        ]
                    }),
            pager(s),
        ])
    }

    func pager(_ s: Strings) -> HTMLNode {
        H.el(
            "nav", [("class", "pager"), ("aria-label", s.pages)],
            [
                isFirstPage
                    ? H.empty
                    : H.a(
                        SiteURL.customers(search: search, location: location?.rawValue).path, s.firstPage, cls: "button"
                    ),
                next.map {
                    H.a(
                        SiteURL.customers(search: search, location: location?.rawValue, cursor: $0).path, s.nextPage,
                        cls: "button")
                } ?? H.empty,
            ])
    }
}

/// Phone numbers grouped for reading: +7 916 123-45-67.
enum PhoneFormat {
    static func display(_ phone: String) -> String {
        let digits = Array(phone.dropFirst())
        if phone.hasPrefix("+7"), digits.count == 11 {
            let d = digits.map(String.init)
            return "+7 \(d[1...3].joined()) \(d[4...6].joined())-\(d[7...8].joined())-\(d[9...10].joined())"
        }
        return phone
    }
}
