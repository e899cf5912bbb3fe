import Vapor

extension PasswordResetController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        pages.get(SiteURL.passwordReset(token: .key).pathComponents, use: show)
        pages.post(SiteURL.passwordReset(token: .key).pathComponents, use: submit)
        let user = pages.user
        user.post(SiteURL.staffResetLink(.key).pathComponents, use: create)
        user.post(SiteURL.staffTwoFactorReset(.key).pathComponents, use: resetTwoFactor)
    }
}
