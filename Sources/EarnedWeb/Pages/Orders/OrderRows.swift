import EarnedDomain
import Plot

/// The orders table shared by the orders list and the customer's page.
enum OrderRows {
    static func table(
        _ orders: [Order], viewer: ViewerContext, staff: [Staff], showCustomer: Bool,
        customerNames: [CustomerID: String] = [:]
    ) -> HTMLNode {
        let s = viewer.s
        var headers = [s.placedAt]
        if showCustomer { headers.append(s.customer) }
        headers += [s.amount, s.discount, s.items, s.seller, s.deliveredAt]
        let amountColumn = showCustomer ? 2 : 1
        return H.table(
            caption: s.ordersTitle, headers: headers,
            rows: orders.map { o in
                var row: [HTMLNode] = [
                    H.a(SiteURL.order(o.id.rawValue).path, viewer.dateTime(o.placedAt, at: o.locationID))
                ]
                if showCustomer {
                    row.append(
                        H.a(SiteURL.customer(o.customerID.rawValue).path, customerNames[o.customerID] ?? s.customer))
                }
                row += [
                    H.text(Format.money(o.amount, viewer.lang)),
                    H.text(
                        o.discountMinorUnits > 0
                            ? Format.money(
                                Money(minorUnits: o.discountMinorUnits, currency: o.amount.currency), viewer.lang)
                            : s.none),
                    H.text(o.itemsSummary ?? s.none),
                    H.text(staff.first { $0.id == o.sellerID }?.name ?? s.none),
                    delivery(o, viewer: viewer),
                ]
                return row
            }, numeric: [amountColumn, amountColumn + 1])
    }

    /// When it was delivered against the promise; in a list, a cancelled or returned order
    /// says so here (`showState`), where its page has a line of its own for it.
    static func delivery(_ o: Order, viewer: ViewerContext, showState: Bool = true) -> HTMLNode {
        let s = viewer.s
        if o.state != .active, showState {
            return H.group([
                o.deliveredAt.map { H.text(viewer.dateTime($0, at: o.locationID) + " ") } ?? H.empty,
                H.badge(s.orderState(o.state), tone: "warn"),
            ])
        }
        switch o.deliveredLate {
        case .some(true):
            return H.group([
                H.text(viewer.dateTime(o.deliveredAt, at: o.locationID) + " "), H.badge("! " + s.late, tone: "bad"),
            ])
        case .some(false):
            return H.group([
                H.text(viewer.dateTime(o.deliveredAt, at: o.locationID) + " "), H.badge("✓ " + s.onTime, tone: "good"),
            ])
        case nil:
            if o.promisedAt != nil, o.deliveredAt == nil { return H.badge(s.waiting, tone: "neutral") }
            return H.text(o.deliveredAt.map { viewer.dateTime($0, at: o.locationID) } ?? s.none)
        }
    }
}
