import EarnedDomain
import EarnedStore
import Vapor

/// The owner's sign-in rules: whether everyone must use two-factor sign-in; the limits in force.
struct SecuritySettingsController {
    struct Form: Content {
        var require_two_factor: String?
    }

    func show(_ req: Request) async throws -> Response {
        try await render(req, error: nil, saved: req.query[String.self, at: "saved"] != nil)
    }

    func render(_ req: Request, error: String?, saved: Bool = false) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageStaff)
        let page = SecuritySettingsPage(
            viewer: viewer, settings: try await req.settings.security(),
            peopleWithoutTwoFactor: try await req.accounts.activeStaffWithoutTwoFactor(), config: req.config,
            error: error, saved: saved)
        return Layout.response(
            page.body, title: viewer.s.securityTitle, request: req, status: error == nil ? .ok : .unprocessableEntity)
    }

    func save(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        try Policy.require(actor, .manageStaff)
        let form = try req.content.decode(Form.self)
        let require = form.require_two_factor == "true"
        if require {
            if req.application.secretBox == nil {
                return try await render(req, error: req.strings.twoFactorUnavailable)
            }
            // Otherwise the owner's own next page would be the set-up page, by surprise.
            if try await req.accounts.twoFactor(of: actor.id)?.isEnabled != true {
                return try await render(req, error: req.strings.requireOwnFirst)
            }
        }
        try await req.settings.changeSecurity(SecuritySettings(requireTwoFactor: require), actor: actor, now: req.now)
        return req.redirect(to: SiteURL.securitySettings.path + "?saved=1")
    }
}
