import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// The signed-in person's own account: their password and their second factor.
struct AccountController {
    struct PasswordForm: Content {
        var current_password: String?
        var new_password: String?
        var new_password_repeat: String?
    }

    struct CodeForm: Content {
        var code: String?
        var password: String?
    }

    func show(_ req: Request) async throws -> Response {
        let notice: String? =
            switch req.query[String.self, at: "done"] ?? "" {
            case "password": req.strings.passwordChanged
            case "two-factor-off": req.strings.twoFactorTurnedOff
            case "notifications": req.strings.saved
            default: nil
            }
        return try await render(req, notice: notice)
    }

    func render(
        _ req: Request, notice: String? = nil, passwordErrors: [FieldError] = [], twoFactorError: String? = nil,
        notificationErrors: [FieldError] = [], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let state = try await req.accounts.twoFactor(of: viewer.staff.id)
        let left = state?.isEnabled == true ? try await req.accounts.remainingRecoveryCodes(viewer.staff.id) : 0
        let required = try await req.settings.security().requireTwoFactor
        let page = AccountPage(
            viewer: viewer, notice: notice, passwordErrors: passwordErrors, twoFactorError: twoFactorError,
            enabledAt: state?.enabledAt, recoveryCodesLeft: left, canSetUp: req.application.secretBox != nil,
            required: required, notifications: try await req.settings.notificationPreferences(of: viewer.staff.id),
            notificationErrors: notificationErrors, mailSetUp: try await req.settings.mail().sendsMail,
            telegramBot: try await req.settings.telegram() != nil,
            telegramChat: try await TelegramStore(db: req.database).chats(staff: [viewer.staff.id])[viewer.staff.id])
        return Layout.response(page.body, title: viewer.s.accountTitle, request: req, status: status)
    }

    /// The person's own choices about notices by e-mail.
    func changeNotifications(_ req: Request) async throws -> Response {
        let staff = try req.actor()
        let form = try req.content.decode([String: String].self)
        var errors: [FieldError] = []
        let from = DayPeriod.minutes(form["send_from"] ?? "08:00", field: "send_from", into: &errors)
        let until = DayPeriod.minutes(form["send_until"] ?? "21:00", field: "send_until", into: &errors)
        let preferences = NotificationPreferences(
            email: form["email"] == "true",
            kinds: Set(NotificationKind.allCases.filter { form["kind_\($0.rawValue)"] == "true" }),
            hours: QuietHours(sendFrom: from ?? 0, sendUntil: until ?? 0), digest: form["digest"] == "true")
        do {
            if !errors.isEmpty { throw DomainError.invalid(errors) }
            try await req.settings.changeNotificationPreferences(preferences, actor: staff, now: req.now)
        } catch DomainError.invalid(let fields) {
            return try await render(req, notificationErrors: fields, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.account.path + "?done=notifications#notifications")
    }

    func changePassword(_ req: Request) async throws -> Response {
        let staff = try req.actor()
        let form = try req.content.decode(PasswordForm.self)
        let current = form.current_password ?? ""
        let new = form.new_password ?? ""
        var errors: [FieldError] = []
        if try await !Self.passwordMatches(current, of: staff, req) {
            errors.append(FieldError(field: "current_password", code: .inconsistent, detail: "wrong"))
        }
        errors += PasswordRules.problems(new, repeated: form.new_password_repeat, field: "new_password")
        guard errors.isEmpty else {
            return try await render(req, passwordErrors: errors, status: .unprocessableEntity)
        }
        let keep = req.cookies[SessionMiddleware.cookieName].map { Secrets.sha256($0.string) }
        try await req.accounts.changePassword(
            staff, passwordHash: try await req.password.async.hash(new), keepSession: keep, now: req.now)
        return req.redirect(to: SiteURL.account.path + "?done=password")
    }

    /// Whether `password` is the person's current one (bcrypt, off the event loop).
    static func passwordMatches(_ password: String, of staff: Staff, _ req: Request) async throws -> Bool {
        guard let hash = try await req.accounts.passwordHash(of: staff.id) else { return false }
        return try await req.password.async.verify(password, created: hash)
    }

    // MARK: Two-factor sign-in

    /// The enrolment page: a new secret (kept until confirmed, so reloading does not change
    /// what the app already holds), its otpauth:// address and the key to type in.
    func setup(_ req: Request) async throws -> Response {
        try await renderSetup(req, error: nil)
    }

    func renderSetup(_ req: Request, error: String?) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let staff = viewer.staff
        guard let box = req.application.secretBox else {
            // Said here rather than by a redirect to /account: under the owner's requirement
            // that page leads back here.
            return Layout.response(
                TwoFactorUnavailablePage(s: viewer.s).body, title: viewer.s.twoFactorTitle, request: req,
                status: .serviceUnavailable)
        }
        let state = try await req.accounts.twoFactor(of: staff.id)
        if state?.isEnabled == true { return req.redirect(to: SiteURL.account.path) }
        let secret: [UInt8]
        if let sealed = state?.sealedSecret, let opened = box.open(sealed, for: staff.id.rawValue) {
            secret = opened
        } else {
            secret = OneTimePassword.newSecret()
            try await req.accounts.startEnrolment(
                staff.id, sealedSecret: try box.seal(secret, for: staff.id.rawValue), now: req.now)
        }
        let required = try await req.settings.security().requireTwoFactor
        let page = TwoFactorSetupPage(viewer: viewer, secret: secret, error: error, required: required)
        return Layout.response(
            page.body, title: viewer.s.twoFactorTitle, request: req, status: error == nil ? .ok : .unprocessableEntity)
    }

    func confirm(_ req: Request) async throws -> Response {
        let staff = try req.actor()
        let form = try req.content.decode(CodeForm.self)
        guard let box = req.application.secretBox, let state = try await req.accounts.twoFactor(of: staff.id),
            !state.isEnabled, let secret = box.open(state.sealedSecret, for: staff.id.rawValue)
        else { return req.redirect(to: SiteURL.twoFactorSetup.path) }
        guard let step = OneTimePassword.totp(secret).matchingCounter(form.code ?? "", at: req.now) else {
            return try await renderSetup(req, error: req.strings.wrongCode)
        }
        let codes = OneTimePassword.newRecoveryCodes()
        try await req.accounts.enable(
            staff, step: step, recoveryCodeHashes: codes.map(OneTimePassword.recoveryHash), now: req.now)
        return try await showCodes(req, codes)
    }

    func showCodes(_ req: Request, _ codes: [String]) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        return Layout.response(
            RecoveryCodesPage(viewer: viewer, codes: codes).body, title: viewer.s.recoveryCodesTitle, request: req)
    }

    func disable(_ req: Request) async throws -> Response {
        let staff = try req.actor()
        let s = req.strings
        if try await req.settings.security().requireTwoFactor {
            return try await render(req, twoFactorError: s.disableTwoFactorRequired, status: .conflict)
        }
        let form = try req.content.decode(CodeForm.self)
        guard try await Self.passwordMatches(form.password ?? "", of: staff, req) else {
            return try await render(req, twoFactorError: s.wrongCurrentPassword, status: .unprocessableEntity)
        }
        switch try await SecondFactorCheck.verify(form.code ?? "", staff: staff, req: req) {
        case .app, .recovery:
            try await req.accounts.disable(staff.id, actor: staff, now: req.now)
            return req.redirect(to: SiteURL.account.path + "?done=two-factor-off")
        case .unavailable:
            return try await render(req, twoFactorError: s.secretKeyMissing, status: .serviceUnavailable)
        case .wrong:
            return try await render(req, twoFactorError: s.wrongCode, status: .unprocessableEntity)
        }
    }

    func newRecoveryCodes(_ req: Request) async throws -> Response {
        let staff = try req.actor()
        let s = req.strings
        let form = try req.content.decode(CodeForm.self)
        guard OneTimePassword.looksLikeAppCode(form.code ?? "") else {
            return try await render(req, twoFactorError: s.wrongCode, status: .unprocessableEntity)
        }
        switch try await SecondFactorCheck.verify(form.code ?? "", staff: staff, req: req) {
        case .app, .recovery:
            let codes = OneTimePassword.newRecoveryCodes()
            try await req.accounts.replaceRecoveryCodes(
                staff, hashes: codes.map(OneTimePassword.recoveryHash), now: req.now)
            return try await showCodes(req, codes)
        case .unavailable:
            return try await render(req, twoFactorError: s.secretKeyMissing, status: .serviceUnavailable)
        case .wrong:
            return try await render(req, twoFactorError: s.wrongCode, status: .unprocessableEntity)
        }
    }
}
