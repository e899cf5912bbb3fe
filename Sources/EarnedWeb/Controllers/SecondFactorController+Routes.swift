import Vapor

extension SecondFactorController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        pages.get(SiteURL.signInCode(next: nil).pathComponents, use: show)
        pages.post(SiteURL.signInCode(next: nil).pathComponents, use: submit)
    }
}
