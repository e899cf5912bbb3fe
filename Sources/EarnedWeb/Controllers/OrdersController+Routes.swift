import Vapor

extension OrdersController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        let user = pages.user
        user.get(SiteURL.orders().pathComponents, use: list)
        user.get(SiteURL.newOrder().pathComponents, use: new)
        user.post(SiteURL.orders().pathComponents, use: create)
        user.get(SiteURL.order(.key).pathComponents, use: show)
        user.get(SiteURL.editOrder(.key).pathComponents, use: edit)
        user.post(SiteURL.editOrder(.key).pathComponents, use: update)
        user.post(SiteURL.orderAction(.key).pathComponents, use: action)
    }
}
