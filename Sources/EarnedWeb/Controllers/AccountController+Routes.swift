import Vapor

extension AccountController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        // Setting up the second factor must work while it is still owed.
        pages.signedIn.get(SiteURL.twoFactorSetup.pathComponents, use: setup)
        pages.signedIn.post(SiteURL.twoFactorSetup.pathComponents, use: confirm)
        let user = pages.user
        user.get(SiteURL.account.pathComponents, use: show)
        user.post(SiteURL.accountPassword.pathComponents, use: changePassword)
        user.post(SiteURL.twoFactorDisable.pathComponents, use: disable)
        user.post(SiteURL.recoveryCodes.pathComponents, use: newRecoveryCodes)
        user.post(SiteURL.accountNotifications.pathComponents, use: changeNotifications)
    }
}
