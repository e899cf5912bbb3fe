import EarnedAnalytics
import EarnedDomain
import EarnedServices
import Vapor

extension LoyaltyPage {
    func body(_ viewer: ViewerContext, now: Date) -> HTMLNode {
        let s = viewer.s
        guard let summary else {
            return H.group([Layout.pageHead(s.loyaltyTitle), H.p("empty", s.noScoresYet)])
        }
        let tables = Dictionary(tables(viewer).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func export(_ id: String) -> String {
            SiteURL.loyalty(segment: segment.rawValue, page: page > 1 ? page : nil, export: id).path
        }
        func numbers(_ id: String) -> HTMLNode {
            tables[id].map { table in
                H.el(
                    "details", [("class", "numbers")],
                    [
                        H.el("summary", [], [H.text(s.showNumbers)]),
                        table.html(exportHref: export(id), exportLabel: s.downloadCSV),
                    ])
            } ?? H.empty
        }
        var subtitle = s.customersScored(summary.customers)
        if let computedAt { subtitle += " · " + s.computedWhen(Format.relative(computedAt, now: now, s.lang)) }
        let bought = WilsonInterval(successes: summary.discountedRepeatPurchases, trials: summary.repeatPurchases)
        let segmentItems = LoyaltySegment.allCases.map { seg in
            let n = summary.counts[seg.rawValue] ?? 0
            return BarChart.Bar(
                label: s.segmentName(seg.rawValue), value: Double(n), valueText: Format.integer(n, s.lang),
                emphasis: seg == .spuriousLoyalty)
        }
        let pages = max(1, ((summary.counts[segment.rawValue] ?? 0) + Self.pageSize - 1) / Self.pageSize)
        return H.group([
            Layout.pageHead(s.loyaltyTitle, subtitle: subtitle),
            H.el(
                "section", [("class", "card")],
                [
                    H.h2(s.segmentSizes),
                    H.p(nil, s.segmentsSummary(summary.counts, total: summary.customers)),
                    DashboardCharts.bars(
                        segmentItems, id: "segments", title: s.segmentSizes,
                        description: s.segmentsSummary(summary.counts, total: summary.customers)),
                    numbers("segments"),
                ]),
            lifetime.map { LifetimePageParts.section($0, viewer: viewer, numbers: numbers) } ?? H.empty,
            H.el(
                "section", [("class", "card")],
                [
                    H.h2(s.boughtLoyaltyTitle),
                    H.p(
                        nil,
                        s.boughtLoyaltyText(
                            bought, discounted: summary.discountedRepeatPurchases,
                            of: summary.repeatPurchases)),
                ]),
            summary.movement.map { m in
                H.el(
                    "section", [("class", "card")],
                    [
                        H.h2(s.movementTitle(Format.date(m.since, s.lang, zone: viewer.zone))),
                        H.p(nil, s.movementSummary(m)),
                        tables["movement"]!.html(exportHref: export("movement"), exportLabel: s.downloadCSV),
                    ])
            } ?? H.empty,
            summary.lifetimeValue.map { d in
                H.el(
                    "section", [("class", "card")],
                    [
                        H.h2(s.lifetimeValueSpread),
                        H.p(
                            nil,
                            s.lifetimeValueSummary(
                                customers: d.customers, median: money(Int64(d.median.rounded()), d.currency, s),
                                mean: money(Int64(d.mean.rounded()), d.currency, s))),
                        DashboardCharts.histogram(
                            d, id: "clv", title: s.lifetimeValueSpread,
                            description: s.lifetimeValueSummary(
                                customers: d.customers, median: money(Int64(d.median.rounded()), d.currency, s),
                                mean: money(Int64(d.mean.rounded()), d.currency, s)),
                            // Bin edges in whole currency units: "₽11 229", not "₽11,229.31".
                            format: { Format.wholeMoney($0, currency: d.currency, s.lang) }, s: s),
                        numbers("lifetime-value"),
                    ])
            } ?? H.empty,
            H.el(
                "section", [("class", "card")],
                [
                    H.h2(s.atRiskTitle),
                    H.p(nil, s.atRiskSummary(summary.atRisk)),
                    atRisk.isEmpty
                        ? H.empty : tables["at-risk"]!.html(exportHref: export("at-risk"), exportLabel: s.downloadCSV),
                ]),
            H.el(
                "section", [("class", "card"), ("id", "segment-list")],
                [
                    H.h2(s.segmentCustomers(s.segmentName(segment.rawValue))),
                    H.p("muted small", s.segmentExplained(segment.rawValue)),
                    H.el(
                        "nav", [("class", "tabs"), ("aria-label", s.segmentColumn)],
                        LoyaltySegment.allCases.map { seg in
                            H.el(
                                "a",
                                [
                                    ("href", SiteURL.loyalty(segment: seg.rawValue).path + "#segment-list"),
                                    ("aria-current", seg == segment ? "page" : nil),
                                ], [H.text(s.segmentName(seg.rawValue))])
                        }),
                    customers.isEmpty
                        ? H.p("empty", s.noCustomersInSegment)
                        : tables["segment"]!.html(exportHref: export("segment"), exportLabel: s.downloadCSV),
                    pages > 1
                        ? H.el(
                            "nav", [("class", "pager"), ("aria-label", s.pages)],
                            [
                                page > 1
                                    ? H.a(
                                        SiteURL.loyalty(segment: segment.rawValue, page: page - 1).path
                                            + "#segment-list",
                                        s.previousPage) : H.empty,
                                H.span("muted", s.pageOf(page, pages)),
                                page < pages
                                    ? H.a(
                                        SiteURL.loyalty(segment: segment.rawValue, page: page + 1).path
                                            + "#segment-list",
                                        s.nextPage) : H.empty,
                            ]) : H.empty,
                ]),
            H.el(
                "section", [("class", "card")],
                [
                    H.h2(s.referralCircle),
                    summary.referrals.map { r in H.p(nil, s.referralSummary(r, money: { money($0, r.currency, s) })) }
                        ?? H.empty,
                    referrers.isEmpty
                        ? H.p("muted", s.noReferralsYet)
                        : tables["referrers"]!.html(exportHref: export("referrers"), exportLabel: s.downloadCSV),
                ]),
        ])
    }
}
