import Vapor

extension LocationsController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        let user = pages.user
        user.get(SiteURL.locations.pathComponents, use: list)
        user.get(SiteURL.newLocation.pathComponents, use: new)
        user.post(SiteURL.locations.pathComponents, use: save)
        user.get(SiteURL.editLocation(.key).pathComponents, use: edit)
        user.post(SiteURL.editLocation(.key).pathComponents, use: save)
    }
}
