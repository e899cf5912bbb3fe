import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// Password reset links: the owner makes a one-time link on the person's staff page and hands it
/// over or has it e-mailed, or the person asks for one by e-mail from the sign-in page. The token
/// is 256 random bits; only its SHA-256 is stored; it works once, for `PasswordReset.lifetime`,
/// and the person sets a new password without signing in.
/// A second factor stays on: the next sign-in still asks for the code.
struct PasswordResetController {
    struct Form: Content {
        var new_password: String?
        var new_password_repeat: String?
    }

    /// The "account access" box of a staff page.
    static func panel(
        _ req: Request, viewer: ViewerContext, staff: Staff, link: String?, mailed: (String, Bool)? = nil
    ) async throws -> HTMLNode {
        let twoFactorOn = try await req.accounts.twoFactor(of: staff.id)?.isEnabled == true
        let byMail = PasswordResetMail.available(for: staff, mail: try await req.settings.mail()) && staff.isActive
        return StaffAccessPanel(
            viewer: viewer, staffID: staff.id, link: link, lifetime: PasswordReset.lifetime, twoFactorOn: twoFactorOn,
            mailTo: byMail ? staff.email : nil, mailed: mailed.map { (text: $0.0, good: $0.1) }
        )
        .body
    }

    static func mailer(_ req: Request) -> PasswordResetMail {
        PasswordResetMail(
            db: req.database, transport: req.application.mailTransport, secrets: req.application.secretBox,
            logger: req.logger)
    }

    /// The owner makes a link; the staff page shows it once.
    func create(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageStaff)
        let target = try await req.staffAccounts.get(try req.entityID("staff"), actor: viewer.staff)
        if (try? req.content.decode([String: String].self))?["send"] == "email" {
            let sent = try await Self.mailer(req).send(
                to: target, actor: viewer.staff, linkBase: req.config.publicBase,
                resetPath: { SiteURL.passwordReset(token: .value($0)).path }, language: req.lang.rawValue, now: req.now)
            let mailed: (String, Bool) =
                sent?.status == .sent
                ? (viewer.s.resetLinkMailed(target.email), true)
                : (viewer.s.resetLinkNotMailed(sent?.lastResult ?? viewer.s.forgotNoMail), false)
            var form = StaffForm(viewer: viewer, id: target.id, values: .init(target), errors: [])
            form.access = try await Self.panel(req, viewer: viewer, staff: target, link: nil, mailed: mailed)
            return Layout.response(form.body, title: target.name, request: req)
        }
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

    /// Tries a person may make from one address, and for one e-mail address, per window.
    static let forgotLimit = 5
    static let forgotWindow: TimeInterval = 15 * 60

    func forgot(_ req: Request) async throws -> Response {
        try await forgotPage(req, email: nil, errors: [])
    }

    func forgotPage(_ req: Request, email: String?, errors: [FieldError], status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let csrf = PublicCSRF.token(req)
        let page = PasswordResetPage(
            s: req.strings,
            state: .request(
                csrf: csrf, email: email, errors: errors, mailSetUp: try await req.settings.mail().sendsMail))
        let response = Layout.response(page.body, title: req.strings.forgotTitle, request: req, status: status)
        PublicCSRF.setCookie(csrf, on: response, req)
        return response
    }

    /// Sends a link to the address if it is a member of staff's; the answer is the same either
    /// way, so the page tells nobody who works here. Tries are limited per address and per
    /// e-mail.
    func requestLink(_ req: Request) async throws -> Response {
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard let address = ContactNormalizer.email(email) else {
            return try await forgotPage(
                req, email: form["email"],
                errors: [FieldError(field: "email", code: email.isEmpty ? .required : .invalidFormat)],
                status: .unprocessableEntity)
        }
        let now = req.now
        let keys = ["forgot-ip:" + (req.remoteAddress?.ipAddress ?? "unknown"), "forgot-email:" + address]
        for key in keys
        where try await req.security.failures(key: key, since: now - Self.forgotWindow) >= Self.forgotLimit {
            let s = req.strings
            let response = Layout.response(
                PasswordResetPage(s: s, state: .invalid).body, title: s.forgotTitle, request: req,
                status: .tooManyRequests)
            response.headers.replaceOrAdd(name: "Retry-After", value: "\(Int(Self.forgotWindow))")
            return response
        }
        for key in keys { try await req.security.recordFailure(key: key, now: now) }
        if let staff = try await StaffRepository(db: req.database).credentials(email: address)?.staff, staff.isActive {
            let sent = try await Self.mailer(req).send(
                to: staff, actor: nil, linkBase: req.config.publicBase,
                resetPath: { SiteURL.passwordReset(token: .value($0)).path }, language: req.lang.rawValue, now: now)
            if let sent, sent.status != .sent {
                req.logger.info("password reset mail to staff \(staff.id) not sent: \(sent.lastResult ?? "")")
            }
        }
        let page = PasswordResetPage(s: req.strings, state: .requested)
        return Layout.response(page.body, title: req.strings.forgotTitle, request: req)
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
