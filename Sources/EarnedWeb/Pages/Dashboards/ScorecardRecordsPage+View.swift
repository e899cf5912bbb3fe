import EarnedAnalytics
import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

extension ScorecardRecordsPage {
    /// Where a record opens: its own page, or its customer's.
    func link(_ row: ScoreObservationRow) -> String? {
        let subject = subjects[row.recordID]
        switch row.recordKind {
        case "promise": return SiteURL.promise(row.recordID).path
        case "contact": return SiteURL.contact(row.recordID).path
        case "case": return SiteURL.serviceCase(row.recordID).path
        case "answer":
            if let invitation = subject?.invitationID { return SiteURL.surveyInvitation(invitation).path }
            return subject?.customerID.map { SiteURL.customer($0.rawValue).path }
        default: return subject?.customerID.map { SiteURL.customer($0.rawValue).path }
        }
    }

    func table(_ viewer: ViewerContext) -> DataTable {
        let s = viewer.s
        return DataTable(
            id: "records", caption: s.recordsOf(s.stepName(step)),
            headers: [
                s.whenColumn, s.whatColumn, s.customerColumn, s.resultColumn, s.measuredColumn, s.location,
                s.personColumn,
            ],
            rows: rows.map { r in
                let subject = subjects[r.recordID]
                return [
                    .init(viewer.dateTime(r.at, at: r.locationID)),
                    .init(s.recordKind(r.recordKind)),
                    .init(subject?.customerName ?? s.none, href: link(r)),
                    .init(s.recordResult(step, success: r.success), tone: r.success ? "good" : "bad"),
                    .init(r.value.map { s.measured(step, $0) } ?? ""),
                    .init(viewer.locationName(r.locationID)),
                    .init(r.staffID.flatMap { filter.people[$0]?.name } ?? s.none),
                ]
            })
    }

    func body(_ viewer: ViewerContext) -> HTMLNode {
        let s = viewer.s
        let scope = filter.scope.key
        let pages = max(1, (listed + Self.pageSize - 1) / Self.pageSize)
        func url(_ result: Result, page: Int? = nil, export: Bool = false) -> String {
            SiteURL.scorecardRecords(
                step: step.rawValue, scope: scope, period: filter.days, result: result.rawValue, page: page,
                export: export
            ).path
        }
        return H.group([
            Layout.pageHead(
                s.recordsOf(s.stepName(step)),
                subtitle: filter.label(filter.scope) + " · " + Format.date(start, s.lang, zone: viewer.zone) + " — "
                    + Format.date(end, s.lang, zone: viewer.zone)),
            H.p(nil, s.recordsSummary(step, total: total, successes: successes, figure: figure)),
            H.el(
                "p", [("class", "small")],
                [H.a(SiteURL.scorecard(scope: scope, period: filter.days).path, "← " + s.scorecardTitle)]),
            H.el(
                "nav", [("class", "tabs"), ("aria-label", s.resultColumn)],
                Result.allCases.map { r in
                    H.el(
                        "a", [("href", url(r)), ("aria-current", r == result ? "page" : nil)],
                        [H.text(s.resultFilter(r.rawValue))])
                }),
            rows.isEmpty
                ? H.p("empty", s.noRecordsHere)
                : table(viewer).html(exportHref: url(result, export: true), exportLabel: s.downloadCSV),
            pages > 1
                ? H.el(
                    "nav", [("class", "pager"), ("aria-label", s.pages)],
                    [
                        page > 1 ? H.a(url(result, page: page - 1), s.previousPage) : H.empty,
                        H.span("muted", s.pageOf(page, pages)),
                        page < pages ? H.a(url(result, page: page + 1), s.nextPage) : H.empty,
                    ]) : H.empty,
        ])
    }
}
