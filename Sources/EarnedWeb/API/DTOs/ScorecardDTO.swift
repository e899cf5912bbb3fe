import EarnedAnalytics
import EarnedDomain
import Foundation

/// The scorecard of one scope and period as the last score run stored it, with the scopes
/// beneath it (the locations of the business, the people of a location or team) and, for a
/// person, their team beside them. `computed_at` is null (and every list empty) before the
/// first score run.
struct ScorecardDTO: APIObject {
    var scope: String
    var scope_name: String
    var period_days: Int
    var start: Date?
    var end: Date?
    var computed_at: Date?
    var figures: [ScorecardFigureDTO]
    var team: ScorecardPartDTO?
    var beneath: [ScorecardPartDTO]

    /// Another scope's figures, for comparison.
    struct ScorecardPartDTO: APIObject {
        var scope: String
        var scope_name: String
        var figures: [ScorecardFigureDTO]
    }

    init(_ page: ScorecardPage) {
        let filter = page.filter
        scope = filter.scope.key
        scope_name = filter.label(filter.scope)
        period_days = filter.days
        start = page.card?.start
        end = page.card?.end
        computed_at = page.computedAt
        func figures(_ card: Scorecard, _ scope: ScorecardScope) -> [ScorecardFigureDTO] {
            card.figures.map { ScorecardFigureDTO($0, scope: scope, days: filter.days) }
        }
        self.figures = page.card.map { figures($0, filter.scope) } ?? []
        team = page.team.map {
            ScorecardPartDTO(scope: $0.scope.key, scope_name: filter.label($0.scope), figures: figures($0, $0.scope))
        }
        beneath = page.parts.map {
            ScorecardPartDTO(
                scope: $0.scope.key, scope_name: filter.label($0.scope), figures: figures($0.card, $0.scope))
        }
    }
}
