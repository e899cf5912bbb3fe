import Vapor

extension SecuritySettingsController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        pages.user.get(SiteURL.securitySettings.pathComponents, use: show)
        pages.user.post(SiteURL.securitySettings.pathComponents, use: save)
    }
}
