import Vapor

extension OrdersController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        let user = pages.user
        user.get(SiteURL.orders().pathComponents, use: list)
        user.get(SiteURL.newOrder().pathComponents, use: new)
        user.post(SiteURL.orders().pathComponents, use: create)
    }
}
