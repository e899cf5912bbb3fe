import Vapor

extension ServiceController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        let user = pages.user
        user.get(SiteURL.home.pathComponents, use: home)
        user.get(SiteURL.today(team: false).pathComponents, use: today)
        user.post(SiteURL.completeTask(.key).pathComponents, use: completeTask)
        user.get(SiteURL.promises(filter: nil).pathComponents, use: promises)
        user.get(SiteURL.onTime(by: nil).pathComponents, use: onTime)
        user.get(SiteURL.newPromise(customer: nil).pathComponents, use: newPromise)
        user.post(SiteURL.promises(filter: nil).pathComponents, use: createPromise)
        user.get(SiteURL.promise(.key).pathComponents, use: showPromise)
        user.post(SiteURL.promiseAction(.key).pathComponents, use: promiseAction)
        user.get(SiteURL.cases.pathComponents, use: cases)
        user.get(SiteURL.newCase(customer: nil).pathComponents, use: newCase)
        user.post(SiteURL.cases.pathComponents, use: createCase)
        user.get(SiteURL.serviceCase(.key).pathComponents, use: showCase)
        user.post(SiteURL.caseAction(.key).pathComponents, use: caseAction)
    }

    /// The home page is the day's work.
    func home(_ req: Request) -> Response { req.redirect(to: SiteURL.today(team: false).path) }
}
