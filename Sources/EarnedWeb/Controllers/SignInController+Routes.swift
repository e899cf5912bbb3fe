import Vapor

extension SignInController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        pages.get(SiteURL.signIn(next: nil).pathComponents, use: show)
        pages.post(SiteURL.signIn(next: nil).pathComponents, use: submit)
        pages.get(SiteURL.language(.key).pathComponents, use: language)
        pages.signedIn.post(SiteURL.signOut.pathComponents, use: signOut)
    }
}
