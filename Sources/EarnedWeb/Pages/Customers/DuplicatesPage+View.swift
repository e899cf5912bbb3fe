import EarnedDomain
import EarnedStore
import Plot

extension DuplicatesPage {
    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.duplicatesTitle, subtitle: s.duplicatePairs(total)),
            H.p("muted", s.duplicatesHint),
            CustomerPage.alert(problem),
            pairs.isEmpty ? H.p("empty", s.noDuplicates) : H.group(pairs.map { pairSection($0, s) }),
            H.el(
                "nav", [("class", "pager"), ("aria-label", s.pages)],
                [
                    isFirstPage ? H.empty : H.a(SiteURL.customerDuplicates().path, s.firstPage, cls: "button"),
                    next.map { H.a(SiteURL.customerDuplicates(cursor: $0).path, s.nextPage, cls: "button") } ?? H.empty,
                ]),
        ])
    }

    func pairSection(_ pair: DuplicatePair, _ s: Strings) -> HTMLNode {
        let ids = [
            H.void("input", [("type", "hidden"), ("name", "first"), ("value", pair.first.id.description)]),
            H.void("input", [("type", "hidden"), ("name", "second"), ("value", pair.second.id.description)]),
        ]
        func keep(_ customer: Customer) -> HTMLNode {
            H.el(
                "button",
                [("type", "submit"), ("class", "button"), ("name", "survivor"), ("value", customer.id.description)],
                [H.text(s.keepCard(customer.name))])
        }
        return H.el(
            "section", [("class", "card duplicate-pair")],
            [
                H.div("tags", pair.reasons.map { H.badge(s.duplicateReason($0), tone: "warn") }),
                H.div(
                    "grid-2",
                    [card(pair.first, orders: pair.firstOrders, s), card(pair.second, orders: pair.secondOrders, s)]),
                H.div(
                    "actions-row",
                    [
                        Forms.form(
                            action: SiteURL.mergeDuplicate.path, csrf: viewer.csrf, cls: "inline",
                            ids + [keep(pair.first), keep(pair.second)]),
                        Forms.form(
                            action: SiteURL.dismissDuplicate.path, csrf: viewer.csrf, cls: "inline",
                            ids + [Forms.submit(s.notSamePerson, cls: "button")]),
                    ]),
            ])
    }

    func card(_ c: Customer, orders: Int, _ s: Strings) -> HTMLNode {
        H.div(
            "duplicate-card",
            [
                H.el("h2", [], [H.a(SiteURL.customer(c.id.rawValue).path, c.name)]),
                CaseViews.facts([
                    (
                        s.phones,
                        H.text(c.phones.isEmpty ? s.none : c.phones.map(PhoneFormat.display).joined(separator: ", "))
                    ),
                    (s.emails, H.text(c.emails.isEmpty ? s.none : c.emails.joined(separator: ", "))),
                    (s.externalID, H.text(c.externalID ?? s.none)),
                    (s.birthday, H.text(c.birthday.map { Format.localDate($0, viewer.lang) } ?? s.none)),
                    (s.city, H.text(c.city ?? s.none)),
                    (s.address, H.text(c.address ?? s.none)),
                    (s.cardOrders, H.text(Format.integer(orders, viewer.lang))),
                    (s.location, H.text(viewer.locationName(c.homeLocationID))),
                    (s.cardCreated, H.text(viewer.dateTime(c.createdAt, at: c.homeLocationID))),
                ]),
            ])
    }
}
