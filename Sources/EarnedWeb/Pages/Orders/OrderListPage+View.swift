import EarnedDomain
import Plot

extension OrderListPage {
    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.ordersTitle, action: (SiteURL.newOrder().path, s.newOrder)),
            viewer.locations.count > 1
                ? H.el(
                    "form", [("class", "filters"), ("method", "get"), ("action", SiteURL.orders().path)],
                    [
                        Forms.locationFilter(viewer, selected: location),
                        Forms.submit(s.search, cls: "button"),
                    ]) : H.empty,
            orders.isEmpty
                ? H.p("empty", s.noOrders)
                : OrderRows.table(
                    orders, viewer: viewer, staff: staff, showCustomer: true, customerNames: customerNames),
            H.el(
                "nav", [("class", "pager"), ("aria-label", s.pages)],
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
