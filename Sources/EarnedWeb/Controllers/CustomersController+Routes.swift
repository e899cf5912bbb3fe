import Vapor

extension CustomersController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        let user = pages.user
        user.get(SiteURL.customers().pathComponents, use: list)
        user.get(SiteURL.newCustomer.pathComponents, use: new)
        user.post(SiteURL.customers().pathComponents, use: create)
        user.get(SiteURL.customer(.key).pathComponents, use: show)
        user.get(SiteURL.editCustomer(.key).pathComponents, use: edit)
        user.post(SiteURL.customer(.key).pathComponents, use: update)
        user.post(SiteURL.customerNotes(.key).pathComponents, use: addNote)
        user.post(SiteURL.customerReferrals(.key).pathComponents, use: addReferral)
        user.post(SiteURL.mergeCustomer(.key).pathComponents, use: merge)
        user.post(SiteURL.eraseCustomer(.key).pathComponents, use: erase)
        user.get(SiteURL.customerExport(.key).pathComponents, use: export)
    }
}
