import Vapor

extension ExportController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        pages.user.get(SiteURL.exportData().pathComponents, use: show)
    }
}
