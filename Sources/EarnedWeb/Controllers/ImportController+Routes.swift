import Vapor

extension ImportController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        let user = pages.user
        user.get(SiteURL.importData.pathComponents, use: show)
        user.on(.POST, SiteURL.importData.pathComponents, body: .collect(maxSize: "64mb"), use: upload)
        user.get(SiteURL.importUpload(.key).pathComponents, use: preview)
        user.get(SiteURL.importProgress(.key).pathComponents, use: progress)
        user.post(SiteURL.importUpload(.key).pathComponents, use: decide).ownTransactions()
    }
}
