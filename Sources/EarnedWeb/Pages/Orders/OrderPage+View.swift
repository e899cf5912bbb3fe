import EarnedDomain
import Foundation
import Plot

extension OrderPage {
    var body: HTMLNode {
        let s = viewer.s
        let o = order
        let zone = viewer.zone(of: o.locationID)
        func time(_ date: Date?) -> String { date.map { Format.dateTime($0, s.lang, zone: zone) } ?? s.none }
        let title =
            o.itemsSummary.map { "\(s.orderTitle): \($0)" } ?? "\(s.orderTitle) · \(Format.money(o.amount, s.lang))"
        var facts: [(String, HTMLNode)] = [
            (
                s.customer,
                customer.map {
                    H.a(SiteURL.customer($0.id.rawValue).path, $0.erasedAt == nil ? $0.name : s.erasedCustomer)
                }
                    ?? H.text(s.none)
            ),
            (s.placedAt, H.text(time(o.placedAt))),
            (s.amount, H.text(Format.money(o.amount, s.lang))),
        ]
        if o.discountMinorUnits > 0 {
            facts.append(
                (
                    s.discount,
                    H.text(Format.money(Money(minorUnits: o.discountMinorUnits, currency: o.amount.currency), s.lang))
                ))
        }
        if o.quantity != 1 { facts.append((s.quantity, H.text(Format.integer(o.quantity, s.lang)))) }
        facts += [
            (s.seller, H.text(staff.first { $0.id == o.sellerID }?.name ?? s.none)),
            (s.location, H.text(viewer.locationName(o.locationID))),
            (s.channel, H.text(s.salesChannel(o.channel))),
            (s.promisedAt, H.text(time(o.promisedAt))),
            (s.deliveredAt, OrderRows.delivery(o, viewer: viewer, showState: false)),
            (s.orderState, H.badge(s.orderState(o.state), tone: o.state == .active ? "neutral" : "warn")),
        ]
        if o.state != .active {
            facts.append((s.endedAt(o.state), H.text(time(o.endedAt))))
            facts.append((s.reason, H.text(o.endReason ?? s.none)))
        }
        if let external = o.externalID { facts.append((s.externalID, H.text(external))) }
        return H.group([
            Layout.pageHead(title, action: (SiteURL.editOrder(o.id.rawValue).path, s.editOrder)),
            notice.map { H.el("div", [("class", "alert error"), ("role", "alert")], [H.text($0)]) } ?? H.empty,
            Forms.summary(errors, s),
            CaseViews.facts(facts),
            actions(s, zone: zone),
            H.el("section", [("class", "card")], [H.h2(s.afterSaleSteps), stepsTable(s, zone: zone)]),
            historySection(s),
        ])
    }

    func actions(_ s: Strings, zone: TimeZone) -> HTMLNode {
        guard order.state == .active else { return H.empty }
        let path = SiteURL.orderAction(order.id.rawValue).path
        var forms: [HTMLNode] = []
        if order.deliveredAt == nil {
            forms.append(
                Forms.form(
                    action: path, csrf: viewer.csrf, cls: "card stack",
                    [
                        H.h2(s.markDelivered), H.p("hint", s.markDeliveredHint), Forms.hidden("action", "deliver"),
                        Forms.field(
                            "delivered_at", label: s.deliveredAt, value: FormDates.inputValue(now, zone: zone),
                            type: "datetime-local", required: true, errors: errors, s: s),
                        Forms.submit(s.markDelivered),
                    ]))
        }
        if mayEnd {
            let returning = order.deliveredAt != nil
            forms.append(
                Forms.form(
                    action: path, csrf: viewer.csrf, cls: "card stack",
                    [
                        H.h2(returning ? s.returnOrder : s.cancelOrder),
                        H.p("hint", returning ? s.returnOrderHint : s.cancelOrderHint),
                        Forms.hidden("action", returning ? "return" : "cancel"),
                        Forms.field("reason", label: s.reason, value: nil, required: true, errors: errors, s: s),
                        Forms.submit(returning ? s.returnOrder : s.cancelOrder, cls: "button danger"),
                    ]))
        }
        return H.group(forms)
    }

    func stepsTable(_ s: Strings, zone: TimeZone) -> HTMLNode {
        guard !steps.isEmpty else {
            return H.p("muted", order.deliveredAt == nil ? s.afterSaleNotStarted : s.afterSaleNone)
        }
        return H.table(
            caption: s.afterSaleSteps, headers: [s.step, s.due, s.assignee, s.channel, s.status, s.outcome],
            rows: steps.map { task in
                [
                    H.text(task.kind == .handover ? s.handoverStep : s.followUpStep(task.text)),
                    H.text(Format.dateTime(task.dueAt, s.lang, zone: zone)),
                    H.text(staff.first { $0.id == task.assigneeID }?.name ?? s.none),
                    H.text(s.channelName(task.channel)),
                    H.badge(
                        s.taskStatus(task.status),
                        tone: task.status == .done ? "good" : task.status == .skipped ? "neutral" : "warn"),
                    H.text(task.outcome.map(s.taskOutcome) ?? ""),
                ]
            })
    }

    func historySection(_ s: Strings) -> HTMLNode {
        guard !history.isEmpty else { return H.empty }
        return H.el(
            "section", [("class", "card")],
            [
                H.h2(s.history),
                H.el(
                    "ul", [("class", "history")],
                    history.map { entry in
                        H.el(
                            "li", [],
                            [
                                H.text(
                                    "\(viewer.dateTime(entry.at, at: order.locationID)) · \(staff.first { $0.id == entry.actorID }?.name ?? s.system) · \(s.orderEvent(entry))"
                                )
                            ])
                    }),
            ])
    }
}
