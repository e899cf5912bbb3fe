import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// When the owner requires two-factor sign-in, nobody without it gets past this: a page sends
/// them to set it up; an API call is refused, and so is a token made before its owner turned
/// the factor on (it may have been made by someone who had only the password).
struct TwoFactorRequirementMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.currentUser, try await request.settings.security().requireTwoFactor else {
            return try await next.respond(to: request)
        }
        if request.isAPI {
            let bearer = request.headers.bearerAuthorization?.token ?? ""
            guard
                try await request.accounts.tokenPassesTwoFactor(
                    tokenHash: Secrets.sha256(bearer), staffID: user.staff.id)
            else {
                throw DomainError.forbidden(
                    "two-factor sign-in is required: its owner must turn it on (under /account) and then make a new token"
                )
            }
        } else if try await request.accounts.twoFactor(of: user.staff.id)?.isEnabled != true {
            return request.redirect(to: SiteURL.twoFactorSetup.path)
        }
        return try await next.respond(to: request)
    }
}
