import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// Password reset links. Earned sends no e-mail yet: the owner makes a one-time link on the
/// person's staff page and hands it over. The token is 256 random bits; only its SHA-256 is
/// stored; it works once, for `PasswordReset.lifetime`, and the person sets a new password without signing in.
/// A second factor stays on: the next sign-in still asks for the code.
struct PasswordResetController {
    struct Form: Content {
        var new_password: String?
        var new_password_repeat: String?
    }

    /// The "account access" box of a staff page.
    static func panel(_ req: Request, viewer: ViewerContext, staff: Staff, link: String?) async throws -> HTMLNode {
        let twoFactorOn = try await req.accounts.twoFactor(of: staff.id)?.isEnabled == true
        return StaffAccessPanel(
            viewer: viewer, staffID: staff.id, link: link, lifetime: PasswordReset.lifetime, twoFactorOn: twoFactorOn
        )
        .body
    }

    /// The owner makes a link; the staff page shows it once.
    func create(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageStaff)
        let target = try await req.staffAccounts.get(try req.entityID("staff"), actor: viewer.staff)
        let token = Secrets.token()
        _ = try await req.accounts.createReset(
            for: target.id, tokenHash: Secrets.sha256(token), actor: viewer.staff, now: req.now,
            lifetime: PasswordReset.lifetime)
        let link = req.config.publicBase + SiteURL.passwordReset(token: token).path
        var form = StaffForm(viewer: viewer, id: target.id, values: .init(target), errors: [])
        form.access = try await Self.panel(req, viewer: viewer, staff: target, link: link)
        return Layout.response(form.body, title: target.name, request: req)
    }

    /// The owner turns off a person's second factor (a lost phone and lost codes).
    func resetTwoFactor(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        try Policy.require(actor, .manageStaff)
        let target = try await req.staffAccounts.get(try req.entityID("staff"), actor: actor)
        try await req.accounts.disable(target.id, actor: actor, now: req.now)
        return req.redirect(to: SiteURL.editStaff(target.id.rawValue).path)
    }

    func show(_ req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        guard let staff = try await req.accounts.resetOwner(tokenHash: Secrets.sha256(token), now: req.now) else {
            return invalid(req)
        }
        return page(req, token: token, staff: staff, errors: [])
    }

    func submit(_ req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let hash = Secrets.sha256(token)
        guard let staff = try await req.accounts.resetOwner(tokenHash: hash, now: req.now) else {
            return invalid(req)
        }
        let form = try req.content.decode(Form.self)
        let new = form.new_password ?? ""
        let errors = PasswordRules.problems(new, repeated: form.new_password_repeat, field: "new_password")
        guard errors.isEmpty else {
            return page(req, token: token, staff: staff, errors: errors, status: .unprocessableEntity)
        }
        let passwordHash = try await req.password.async.hash(new)
        guard try await req.accounts.completeReset(tokenHash: hash, passwordHash: passwordHash, now: req.now) != nil
        else { return invalid(req) }
        let page = PasswordResetPage(s: req.strings, state: .done)
        return Layout.response(page.body, title: req.strings.resetTitle, request: req)
    }

    func invalid(_ req: Request) -> Response {
        let page = PasswordResetPage(s: req.strings, state: .invalid)
        return Layout.response(page.body, title: req.strings.resetTitle, request: req, status: .notFound)
    }

    func page(
        _ req: Request, token: String, staff: Staff, errors: [FieldError], status: HTTPResponseStatus = .ok
    ) -> Response {
        let csrf = PublicCSRF.token(req)
        let page = PasswordResetPage(
            s: req.strings, state: .form(token: token, staff: staff, errors: errors, csrf: csrf))
        let response = Layout.response(page.body, title: req.strings.resetTitle, request: req, status: status)
        PublicCSRF.setCookie(csrf, on: response, req)
        return response
    }
}
