import EarnedAnalytics
import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// The ten-step scorecard of one scope and period (PRODUCT.md N), as the last score run stored
/// it, with the scopes beneath it for the "good service + reliability" picture (T9), the
/// person's team beside a person, and a team's people ranked where their samples allow.
struct ScorecardPage: Sendable {
    var filter: DashboardFilter
    var card: Scorecard?
    var computedAt: Date?
    /// The scopes drawn in the T9 picture: the scope itself and the ones beneath it.
    var parts: [(scope: ScorecardScope, card: Scorecard)]
    /// A person's team's scorecard.
    var team: Scorecard?
    /// The step a team's people are ranked by.
    var rankStep: ScorecardStep

    static func load(_ req: Request, viewer: ViewerContext) async throws -> ScorecardPage {
        let filter = try await DashboardFilter.load(req, viewer: viewer)
        let rankStep = try req.choice(ScorecardStep.self, at: "rank") ?? .neverLate
        var beneath: [ScorecardScope] = []
        var team: ScorecardScope?
        switch filter.scope {
        case .business:
            beneath = filter.choices.compactMap { if case .location = $0.scope { $0.scope } else { nil } }
        case .location(let id):
            beneath = filter.choices.compactMap {
                if case .person(let p) = $0.scope, filter.people[p]?.homeLocationID == id { $0.scope } else { nil }
            }
        case .team(let name):
            beneath = filter.choices.compactMap {
                if case .person(let p) = $0.scope, filter.people[p]?.department == name { $0.scope } else { nil }
            }
        case .person(let id):
            team = filter.team(of: id)
        }
        let keys = ([filter.scope] + beneath + (team.map { [$0] } ?? [])).map {
            Score.scorecardKey(days: filter.days, scope: $0)
        }
        let found = try await req.application.earned.snapshots.values(Scorecard.self, keys: keys, db: req.database)
        let card = found[keys[0]]
        return ScorecardPage(
            filter: filter, card: card?.0, computedAt: card?.1,
            parts: beneath.compactMap { scope in
                found[Score.scorecardKey(days: filter.days, scope: scope)].map { (scope, $0.0) }
            },
            team: team.flatMap { found[Score.scorecardKey(days: filter.days, scope: $0)]?.0 }, rankStep: rankStep)
    }

    /// The tables the page shows, each downloadable as CSV.
    func tables(_ viewer: ViewerContext) -> [DataTable] {
        guard let card else { return [] }
        let s = viewer.s
        var tables = [
            DataTable(
                id: "steps", caption: s.scorecardTitle,
                headers: [
                    s.stepColumn, s.figureColumn, s.intervalColumn, s.sampleColumn, s.changeColumn,
                    s.trendColumn,
                ],
                rows: card.figures.map { f in
                    [
                        .init(s.stepName(f.step)), .init(s.figureValue(f)), .init(s.figureInterval(f)),
                        .init(Format.integer(f.sampleSize, s.lang)), .init(s.changeText(f)),
                        .init(
                            f.trend.map { p in p.value.map { s.value($0, kind: f.kind) } ?? "–" }.joined(
                                separator: " → ")),
                    ]
                }, numeric: [1, 3])
        ]
        if let team {
            tables.append(
                DataTable(
                    id: "team", caption: s.besideTeam,
                    headers: [s.stepColumn, filter.label(filter.scope), s.teamColumn, s.comparisonColumn],
                    rows: card.figures.map { f in
                        let t = team.figure(f.step)
                        return [
                            .init(s.stepName(f.step)), .init(s.figureWithSample(f)),
                            .init(t.map(s.figureWithSample) ?? s.notEnoughData),
                            .init(s.comparedWithTeam(f, t)),
                        ]
                    }))
        }
        if case .team = filter.scope {
            tables.append(ranking(viewer))
        }
        if parts.count > 0 {
            tables.append(
                DataTable(
                    id: "service-reliability", caption: s.serviceAndReliability,
                    headers: [s.scopeColumn, s.stepName(.qualityService), s.stepName(.neverLate)],
                    rows: parts.map { part in
                        [
                            .init(filter.label(part.scope)),
                            .init(part.card.figure(.qualityService).map(s.figureWithSample) ?? s.notEnoughData),
                            .init(part.card.figure(.neverLate).map(s.figureWithSample) ?? s.notEnoughData),
                        ]
                    }))
        }
        return tables
    }

    /// A team's people ranked by one step: only those with enough records get a place; the rest
    /// are listed after them, unranked, with their sample size.
    func ranking(_ viewer: ViewerContext) -> DataTable {
        let s = viewer.s
        let rows = parts.map { ($0.scope, $0.card.figure(rankStep)) }
        let ranked = rows.filter { $0.1?.estimate != nil }.sorted {
            ($0.1!.estimate!.value, filter.label($1.0)) > ($1.1!.estimate!.value, filter.label($0.0))
        }
        let unranked = rows.filter { $0.1?.estimate == nil }.sorted { filter.label($0.0) < filter.label($1.0) }
        var out: [[DataTable.Cell]] = []
        for (k, row) in ranked.enumerated() {
            out.append([
                .init(Format.integer(k + 1, s.lang)),
                .init(filter.label(row.0), href: SiteURL.scorecard(scope: row.0.key, period: filter.days).path),
                .init(s.figureValue(row.1!)), .init(s.figureInterval(row.1!)),
                .init(Format.integer(row.1!.sampleSize, s.lang)),
            ])
        }
        for row in unranked {
            out.append([
                .init(s.notRanked),
                .init(filter.label(row.0), href: SiteURL.scorecard(scope: row.0.key, period: filter.days).path),
                .init(s.notEnoughData), .init("–"), .init(Format.integer(row.1?.sampleSize ?? 0, s.lang)),
            ])
        }
        return DataTable(
            id: "people", caption: s.peopleRankedBy(s.stepName(rankStep)),
            headers: [s.rankColumn, s.personColumn, s.figureColumn, s.intervalColumn, s.sampleColumn], rows: out,
            numeric: [0, 2, 4])
    }
}
