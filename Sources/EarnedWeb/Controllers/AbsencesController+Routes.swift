import Vapor

extension AbsencesController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        let user = pages.user
        user.get(SiteURL.absences.pathComponents, use: list)
        user.post(SiteURL.absences.pathComponents, use: create)
        user.post(SiteURL.endAbsence(.key).pathComponents, use: end)
    }
}
