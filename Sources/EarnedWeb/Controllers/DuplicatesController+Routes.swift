import Vapor

extension DuplicatesController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        let user = pages.user
        user.get(SiteURL.customerDuplicates().pathComponents, use: list)
        user.post(SiteURL.mergeDuplicate.pathComponents, use: merge)
        user.post(SiteURL.dismissDuplicate.pathComponents, use: dismiss)
    }
}
