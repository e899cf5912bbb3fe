import EarnedDomain
import Plot
import Vapor

extension OrderForm {
    var body: HTMLNode {
        let s = viewer.s
        let e = errors
        return H.group([
            Layout.pageHead(editing == nil ? s.newOrder : s.editOrder, subtitle: customerName),
            Forms.summary(e, s),
            Forms.form(
                action: editing.map { SiteURL.editOrder($0.id.rawValue).path } ?? SiteURL.orders().path,
                csrf: viewer.csrf, cls: "card form",
                [
                    // A customer the page came from is named in the heading and carried along.
                    customerName == nil
                        ? Forms.field(
                            "customer_id", label: s.customerLabel, value: values.customer_id, required: true,
                            errors: e, s: s)
                        : H.group([
                            Forms.hidden("customer_id", values.customer_id ?? ""), Forms.errorText("customer_id", e, s),
                        ]),
                    Forms.field(
                        "amount", label: s.amount, value: values.amount, required: true, errors: e, s: s,
                        attributes: [("inputmode", "decimal")]),
                    Forms.field("items_summary", label: s.items, value: values.items_summary, errors: e, s: s),
                    Forms.select(
                        "location_id", label: s.location, options: viewer.locationOptions,
                        selected: values.location_id ?? viewer.staff.homeLocationID?.description, errors: e, s: s),
                    Forms.field(
                        "promised_at", label: s.promisedAt, value: values.promised_at, type: "datetime-local",
                        errors: e, s: s),
                    H.el(
                        "details", [("class", "more"), ("open", e.isEmpty ? nil : "")],
                        [
                            H.el("summary", [], [H.text(s.more)]),
                            Forms.field(
                                "discount", label: s.discount, value: values.discount, errors: e, s: s,
                                attributes: [("inputmode", "decimal")]),
                            Forms.field("currency", label: s.currency, value: values.currency, errors: e, s: s),
                            Forms.field(
                                "quantity", label: s.quantity, value: values.quantity, type: "number", errors: e, s: s),
                            Forms.select(
                                "seller_id", label: s.seller,
                                options: staff.filter(\.isActive).map { ($0.id.description, $0.name) },
                                selected: values.seller_id ?? viewer.staff.id.description, errors: e, s: s,
                                includeBlank: s.none),
                            Forms.select(
                                "channel", label: s.channel,
                                options: Order.SalesChannel.allCases.map { ($0.rawValue, s.salesChannel($0)) },
                                selected: values.channel, errors: e, s: s),
                            Forms.field(
                                "placed_at", label: s.placedAt, value: values.placed_at, type: "datetime-local",
                                errors: e, s: s),
                            editing?.state == .active || editing == nil
                                ? Forms.field(
                                    "delivered_at", label: s.deliveredAt, value: values.delivered_at,
                                    type: "datetime-local", errors: e, s: s) : H.empty,
                            Forms.field("external_id", label: s.externalID, value: values.external_id, errors: e, s: s),
                        ]),
                    H.div("form-actions", [Forms.submit(s.save)]),
                ]),
        ])
    }
}
