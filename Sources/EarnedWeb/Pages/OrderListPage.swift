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

    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.ordersTitle, action: (SiteURL.newOrder().path, s.newOrder)),
            viewer.locations.count > 1
                ? H.el(
                    "form", [("class", "filters"), ("method", "get"), ("action", SiteURL.orders().path)],
                    [
                        H.div(
                            "field",
                            [
                                H.el("label", [("for", "location"), ("class", "sr-only")], [H.text(s.location)]),
                                H.el(
                                    "select", [("id", "location"), ("name", "location")],
                                    [
                                        H.el("option", [("value", "")], [H.text(s.allLocations)])
                                    ]
                                        + viewer.locations.map { loc in
                                            H.el(
                                                "option",
                                                [
                                                    ("value", loc.id.description),
                                                    ("selected", loc.id == location ? "" : nil),
                                                ], [H.text(loc.name)])
                                        }),
                            ]),
                        Forms.submit(s.search, cls: "button"),
                    ]) : H.empty,
            orders.isEmpty
                ? H.p("empty", s.noOrders)
                : OrderRows.table(
                    orders, viewer: viewer, staff: staff, showCustomer: true, customerNames: customerNames),
            H.el(
                "nav", [("class", "pager"), ("aria-label", "pages")],
                [
                    isFirstPage
                        ? H.empty : H.a(SiteURL.orders(location: location?.rawValue).path, s.firstPage, cls: "button"),
                    next.map {
                        H.a(SiteURL.orders(location: location?.rawValue, cursor: $0).path, s.nextPage, cls: "button")
                    } ?? H.empty,
                ]),
        ])
    }
}
