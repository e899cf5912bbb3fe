import Vapor

extension StaffController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        let user = pages.user
        user.get(SiteURL.staffList.pathComponents, use: list)
        user.get(SiteURL.newStaff.pathComponents, use: new)
        user.post(SiteURL.staffList.pathComponents, use: save)
        user.get(SiteURL.editStaff(.key).pathComponents, use: edit)
        user.post(SiteURL.editStaff(.key).pathComponents, use: save)
    }
}
