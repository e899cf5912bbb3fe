import EarnedDomain
import Plot

extension CustomerListPage {
    var body: HTMLNode {
        let s = viewer.s
        let searching = !(search ?? "").isEmpty || location != nil
        return H.group([
            Layout.pageHead(
                s.customersTitle, subtitle: total.map(s.customersCount),
                action: (SiteURL.newCustomer.path, s.newCustomer)),
            mayMerge ? H.el("p", [], [H.a(SiteURL.customerDuplicates().path, s.duplicatesLink)]) : H.empty,
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
