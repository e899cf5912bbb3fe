import EarnedDomain
import Plot

extension OrderListPage {
    var body: HTMLNode {
        let s = viewer.s
        var choices: [ListViews.Choice] = [
            .init(
                name: "status", label: s.orderState,
                options: Order.State.allCases.map { ($0.rawValue, s.orderState($0)) }, selected: params.status,
                any: s.anyOrderState),
            .init(
                name: "person", label: s.seller, options: staff.filter(\.isActive).map { ($0.id.description, $0.name) },
                selected: params.person, any: s.anyPerson),
        ]
        if viewer.locations.count > 1 {
            choices.append(
                .init(
                    name: "location", label: s.location, options: viewer.locationOptions, selected: params.location,
                    any: s.allLocations))
        }
        return H.group([
            Layout.pageHead(s.ordersTitle, action: (SiteURL.newOrder().path, s.newOrder)),
            Forms.summary(errors, s),
            ListViews.filters(
                action: SiteURL.orders().path, params: params, choices: choices, dates: true,
                searchLabel: s.searchCustomer, errors: errors, s: s),
            ListViews.summary(
                total: page.total, orMore: page.totalIsLowerBound,
                excel: SiteURL.orderList(params.download("excel")).path,
                comma: SiteURL.orderList(params.download("comma")).path, s: s),
            page.items.isEmpty
                ? H.p("empty", s.noOrders)
                : OrderRows.table(
                    page.items, viewer: viewer, staff: staff, showCustomer: true, customerNames: customerNames),
            ListViews.pager(
                first: params.cursor == nil ? nil : SiteURL.orderList(params.page(nil)).path,
                next: page.nextCursor.map { SiteURL.orderList(params.page($0)).path }, s: s),
        ])
    }
}
