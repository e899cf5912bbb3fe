import Vapor

extension DashboardsController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        let user = pages.user
        user.get(SiteURL.scorecard().pathComponents, use: scorecard)
        user.get(SiteURL.scorecardRecords(step: "", scope: "", period: 0).pathComponents, use: records)
        user.get(SiteURL.consistency().pathComponents, use: consistency)
        user.get(SiteURL.loyalty().pathComponents, use: loyalty)
    }
}
