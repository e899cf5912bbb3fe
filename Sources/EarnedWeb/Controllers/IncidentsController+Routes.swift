import Vapor

extension IncidentsController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        let user = pages.user
        user.get(SiteURL.incidents.pathComponents, use: list)
        user.get(SiteURL.newIncident.pathComponents, use: new)
        user.post(SiteURL.incidents.pathComponents, use: create)
        user.get(SiteURL.incident(.key).pathComponents, use: show)
        user.post(SiteURL.closeIncident(.key).pathComponents, use: close)
    }
}
