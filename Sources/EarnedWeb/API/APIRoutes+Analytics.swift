import EarnedDomain
import EarnedStore
import Vapor

/// The analyses under /api/v1, read-only: the scorecard of a scope and period with the records
/// behind each figure, loyalty segments and their movement, one customer's scores, and the
/// consistency results. Each loads the same page model its page renders, so the figures, the
/// scopes a viewer may choose and the refusals are the page's.
extension APIRoutes {
    static func registerAnalytics(_ api: any RoutesBuilder) {
        api.get(SiteURL.API.scorecard.pathComponents, use: scorecard)
        api.get(SiteURL.API.scorecardRecords.pathComponents, use: scorecardRecords)
        api.get(SiteURL.API.loyalty.pathComponents, use: loyalty)
        api.get(SiteURL.API.consistency.pathComponents, use: consistency)
        api.get(SiteURL.API.customerScore(.key).pathComponents, use: customerScore)
    }

    static func scorecard(_ req: Request) async throws -> ScorecardDTO {
        let viewer = try await ViewerContext.load(req)
        return ScorecardDTO(try await ScorecardPage.load(req, viewer: viewer))
    }

    static func scorecardRecords(_ req: Request) async throws -> ScorecardRecordsDTO {
        let viewer = try await ViewerContext.load(req)
        return ScorecardRecordsDTO(try await ScorecardRecordsPage.load(req, viewer: viewer, export: false))
    }

    static func loyalty(_ req: Request) async throws -> LoyaltyDTO {
        let viewer = try await ViewerContext.load(req)
        return LoyaltyDTO(try await LoyaltyPage.load(req, viewer: viewer), s: viewer.s)
    }

    static func consistency(_ req: Request) async throws -> ConsistencyDTO {
        let viewer = try await ViewerContext.load(req)
        return ConsistencyDTO(try await ConsistencyPage.load(req, viewer: viewer), s: viewer.s)
    }

    /// A customer's scores for whoever may see the customer (as their page); 404 before the
    /// first score run counted them.
    static func customerScore(_ req: Request) async throws -> CustomerScoreDTO {
        let customer = try await req.customers.get(try id(req, "customer"), actor: try req.actor())
        guard let row = try await ScoreStore(db: req.database).customerScore(customer.id) else {
            throw DomainError.notFound("score")
        }
        return CustomerScoreDTO(row, name: customer.name, s: Strings(lang: req.lang))
    }
}
