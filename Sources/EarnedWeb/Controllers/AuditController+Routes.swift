import Vapor

extension AuditController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        pages.user.get(SiteURL.audit.pathComponents, use: list)
    }
}
