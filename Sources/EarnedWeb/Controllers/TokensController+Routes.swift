import Vapor

extension TokensController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        let user = pages.user
        user.get(SiteURL.tokens.pathComponents, use: list)
        user.post(SiteURL.tokens.pathComponents, use: create)
        user.post(SiteURL.revokeToken(.key).pathComponents, use: revoke)
    }
}
