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
        let s = viewer.s
        let settings = try await req.settings.security()
        let without = try await req.accounts.activeStaffWithoutTwoFactor()
        let config = req.config
        let body = H.group([
            Layout.pageHead(s.navSettings),
            SettingsPages.tabs(s, here: .securitySettings),
            saved ? H.el("div", [("class", "alert success"), ("role", "status")], [H.text(s.saved)]) : H.empty,
            error.map { H.el("div", [("class", "alert error"), ("role", "alert")], [H.text($0)]) } ?? H.empty,
            H.el(
                "section", [("class", "card")],
                [
                    H.h2(s.securityTitle),
                    Forms.form(
                        action: SiteURL.securitySettings.path, csrf: viewer.csrf, cls: "form",
                        [
                            Forms.checkbox(
                                "require_two_factor", label: s.requireTwoFactor, checked: settings.requireTwoFactor),
                            H.p("hint", s.requireTwoFactorHint),
                            H.p(nil, s.peopleWithoutTwoFactor(without)),
                            Forms.submit(s.save),
                        ]),
                ]),
            H.el(
                "section", [("class", "card")],
                [
                    H.h2(s.rateLimitsTitle),
                    H.p(
                        nil,
                        s.rateLimitsText(
                            apiPerMinute: config.apiRateLimit, failures: config.maxFailedSignIns,
                            minutes: Int((config.throttleWindow / 60).rounded(.up)))),
                ]),
        ])
        return Layout.response(
            body, title: s.securityTitle, request: req, status: error == nil ? .ok : .unprocessableEntity)
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
