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
}
