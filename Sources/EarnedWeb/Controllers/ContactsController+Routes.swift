import Vapor

extension ContactsController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        let user = pages.user
        user.get(SiteURL.contacts.pathComponents, use: list)
        user.get(SiteURL.newContact().pathComponents, use: new)
        user.post(SiteURL.contacts.pathComponents, use: create)
        user.get(SiteURL.contact(.key).pathComponents, use: show)
        user.post(SiteURL.contactAction(.key).pathComponents, use: action)
        user.post(SiteURL.contactReply(.key).pathComponents, use: reply)
        user.get(SiteURL.contactFile(.key, file: .key).pathComponents, use: file)
    }
}
