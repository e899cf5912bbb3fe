import EarnedAnalytics
import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// The records behind one scorecard figure: exactly those the last score run counted for that
/// step, scope and period (for the consistency step, only the slots that reached the slot
/// minimum), newest first, those that missed the step or all of them.
struct ScorecardRecordsPage: Sendable {
    enum Result: String, CaseIterable, Sendable {
        case missed, met, all
    }

    static let pageSize = 50
    static let exportLimit = 100_000

    var filter: DashboardFilter
    var step: ScorecardStep
    var figure: ScorecardFigure
    var start: Date
    var end: Date
    var result: Result
    var page: Int
    var total: Int
    var successes: Int
    var listed: Int
    var rows: [ScoreObservationRow]
    var subjects: [UUID: ScoreRecordSubject]

    static func load(_ req: Request, viewer: ViewerContext, export: Bool) async throws -> ScorecardRecordsPage {
        let filter = try await DashboardFilter.load(req, viewer: viewer)
        // The step is required: its absence is refused like a wrong one.
        guard let step = try req.choice(ScorecardStep.self, at: "step") else {
            throw DomainError.invalid([
                FieldError(
                    field: "step", code: .invalidChoice,
                    detail: ScorecardStep.allCases.map(\.rawValue).joined(separator: ", "))
            ])
        }
        let result = try req.choice(Result.self, at: "result") ?? .all
        let page = try req.pageNumber()
        let store = ScoreStore(db: req.database)
        guard
            let (card, _) = try await req.application.earned.snapshots.value(
                Scorecard.self, key: Score.scorecardKey(days: filter.days, scope: filter.scope), db: req.database),
            let figure = card.figure(step)
        else { throw DomainError.notFound("scorecard") }
        var query = ScoreObservationFilter(step: step.rawValue, from: card.start, to: card.end)
        switch filter.scope {
        case .business: break
        case .location(let id): query.locationID = id
        case .team(let name): query.team = name
        case .person(let id): query.staffID = id
        }
        if step == .buildTrust {
            query.slots = figure.details.keys.filter { $0.hasPrefix(Scorecard.slotDetailPrefix) }
                .map { String($0.dropFirst(Scorecard.slotDetailPrefix.count)) }.sorted()
        }
        // The figure's own counts: the records listed are exactly the ones it counted.
        let counts = (total: figure.sampleSize, successes: figure.successes)
        switch result {
        case .missed: query.success = false
        case .met: query.success = true
        case .all: break
        }
        let listed = result == .all ? counts.total : result == .met ? counts.successes : counts.total - counts.successes
        let rows = try await store.observations(
            query, limit: export ? exportLimit : pageSize, offset: export ? 0 : (page - 1) * pageSize)
        var subjects: [UUID: ScoreRecordSubject] = [:]
        for (kind, group) in Dictionary(grouping: rows, by: { $0.recordKind ?? "" }) {
            subjects.merge(try await store.subjects(kind: kind, ids: group.map(\.recordID))) { a, _ in a }
        }
        return ScorecardRecordsPage(
            filter: filter, step: step, figure: figure, start: card.start, end: card.end, result: result,
            page: page, total: counts.total, successes: counts.successes, listed: listed, rows: rows,
            subjects: subjects)
    }

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
