import Vapor

extension TasksController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        let user = pages.user
        user.get(SiteURL.newTask().pathComponents, use: new)
        user.get(SiteURL.tasks.pathComponents, use: list)
        user.post(SiteURL.tasks.pathComponents, use: create)
        user.get(SiteURL.task(.key).pathComponents, use: show)
        user.post(SiteURL.taskAction(.key).pathComponents, use: action)
    }
}
