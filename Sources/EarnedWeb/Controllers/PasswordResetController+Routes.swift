import Vapor

extension PasswordResetController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        pages.get(SiteURL.passwordReset(token: .key).pathComponents, use: show)
        pages.post(SiteURL.passwordReset(token: .key).pathComponents, use: submit)
        pages.get(SiteURL.forgotPassword.pathComponents, use: forgot)
        pages.post(SiteURL.forgotPassword.pathComponents, use: requestLink).waitsOnOtherServers()
        let user = pages.user
        user.post(SiteURL.staffResetLink(.key).pathComponents, use: create).waitsOnOtherServers()
        user.post(SiteURL.staffTwoFactorReset(.key).pathComponents, use: resetTwoFactor)
    }
}
