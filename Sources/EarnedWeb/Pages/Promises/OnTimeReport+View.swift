import EarnedDomain
import EarnedServices
import Foundation
import Plot
import Vapor

extension OnTimeReport {
    func rate(_ row: OnTimeBreakdown.Row, s: Strings) -> String {
        guard row.tally.decided >= OnTimeBreakdown.minimumDecided, let rate = row.tally.onTimeRate, let i = row.interval
        else {
            return s.notEnoughData
        }
        func pct(_ x: Double) -> String { "\(Int((x * 100).rounded())) %" }
        return pct(rate) + " (" + pct(i.lower) + "–" + pct(i.upper) + ")"
    }

    func body(viewer: ViewerContext) -> HTMLNode {
        let s = viewer.s
        let tabs = H.el(
            "nav", [("class", "tabs"), ("aria-label", s.onTimeTitle)],
            OnTimeBreakdown.Grouping.allCases.map { g in
                H.el(
                    "a",
                    [
                        ("href", SiteURL.onTime(by: g.rawValue).path),
                        ("aria-current", g == breakdown.grouping ? "page" : nil),
                    ], [H.text(s.onTimeGrouping(g.rawValue))])
            })
        return H.group([
            Layout.pageHead(
                s.onTimeTitle,
                subtitle: s.onTimeHint + " " + Format.date(breakdown.from, s.lang, zone: viewer.zone) + " — "
                    + Format.date(breakdown.to, s.lang, zone: viewer.zone)),
            tabs,
            breakdown.rows.isEmpty
                ? H.p("empty", s.noPromises)
                : H.table(
                    headers: [
                        s.onTimeGrouping(breakdown.grouping.rawValue), s.decided, s.onTimeRate, s.lateColumn, s.broken,
                        s.overdue,
                    ],
                    rows: breakdown.rows.map { r in
                        [
                            H.text(r.label), H.text(Format.integer(r.tally.decided, s.lang)), H.text(rate(r, s: s)),
                            H.text(Format.integer(r.tally.late, s.lang)),
                            H.text(Format.integer(r.tally.broken, s.lang)),
                            H.text(Format.integer(r.tally.overdue, s.lang)),
                        ]
                    }, numeric: [1, 3, 4, 5]),
        ])
    }
}
