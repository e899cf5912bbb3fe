import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// The second step of signing in, for people with two-factor sign-in on. The password step
/// leaves only a short-lived challenge cookie that nothing but this page reads: no session
/// exists until the code is right, so a half-signed-in browser reaches no other page or the API.
struct SecondFactorController {
    static let cookieName = "earned_challenge"
    static let lifetime: TimeInterval = 10 * 60
    /// Wrong codes before the password must be given again.
    static let maxAttempts = 5

    struct Form: Content {
        var code: String?
        var next: String?
    }

    /// After a right password: the challenge and its cookie, then on to the code page.
    func challenge(_ req: Request, staff: Staff, next: String?) async throws -> Response {
        let token = Secrets.token()
        try await req.accounts.createChallenge(
            tokenHash: Secrets.sha256(token), staffID: staff.id, now: req.now, lifetime: Self.lifetime)
        let response = req.redirect(to: SiteURL.signInCode(next: next).path)
        response.cookies[Self.cookieName] = SessionMiddleware.cookie(
            token, config: req.config, maxAge: Int(Self.lifetime))
        return response
    }

    func current(_ req: Request) async throws -> SignInChallenge? {
        guard let token = req.cookies[Self.cookieName]?.string, !token.isEmpty else { return nil }
        return try await req.accounts.challenge(tokenHash: Secrets.sha256(token), now: req.now)
    }

    func show(_ req: Request) async throws -> Response {
        let next = req.query[String.self, at: "next"]
        guard try await current(req) != nil else { return try startOver(req, message: nil, next: next) }
        return page(req, message: nil, next: next)
    }

    func submit(_ req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let s = req.strings
        guard let challenge = try await current(req) else {
            return try startOver(req, message: s.codeStepExpired, next: form.next)
        }
        let config = req.config
        let keys = SignInController.throttleKeys(req, email: challenge.staff.email)
        if let refused = try await SignInController.throttled(
            req, keys: keys,
            page: { message in
                page(req, message: message, next: form.next, status: .tooManyRequests)
            })
        {
            return refused
        }
        switch try await SecondFactorCheck.verify(form.code ?? "", staff: challenge.staff, req: req) {
        case .app, .recovery:
            try await req.accounts.deleteChallenge(challenge.id)
            try await req.security.clearFailures(key: keys[0])
            let response = try await SignInController.startSession(
                req, staff: challenge.staff, next: form.next, how: "password and code")
            response.cookies[Self.cookieName] = SessionMiddleware.cookie("", config: config, maxAge: 0)
            return response
        case .unavailable:
            return page(req, message: s.secretKeyMissing, next: form.next, status: .serviceUnavailable)
        case .wrong:
            for key in keys { try await req.security.recordFailure(key: key, now: req.now) }
            try await req.audit.record(
                .signInFailed, "staff", challenge.staff.id.rawValue, by: nil,
                summary: "wrong second-factor code" + SignInController.from(req), at: req.now)
            guard try await req.accounts.failChallenge(challenge.id, limit: Self.maxAttempts) else {
                return try startOver(req, message: s.codeStepTooMany, next: form.next)
            }
            return page(req, message: nil, fieldMessage: s.wrongCode, next: form.next, status: .unauthorized)
        }
    }

    /// Back to the password, the challenge cookie cleared.
    func startOver(_ req: Request, message: String?, next: String?) throws -> Response {
        let response = SignInController().page(
            req, email: nil, message: message, next: next, status: message == nil ? .ok : .unauthorized)
        response.cookies[Self.cookieName] = SessionMiddleware.cookie("", config: req.config, maxAge: 0)
        return response
    }

    /// The code form; `message` above it (the whole step), `fieldMessage` beside the field (the code).
    func page(
        _ req: Request, message: String?, fieldMessage: String? = nil, next: String?,
        status: HTTPResponseStatus = .ok
    ) -> Response {
        let s = req.strings
        let csrf = PublicCSRF.token(req)
        let body = SignInCodePage(s: s, csrf: csrf, message: message, fieldMessage: fieldMessage, next: next).body
        let response = Layout.response(body, title: s.codeStepTitle, request: req, status: status)
        PublicCSRF.setCookie(csrf, on: response, req)
        return response
    }
}

/// Checks a code typed by a person with two-factor sign-in on: an app's code (each time step
/// good once) or one of their recovery codes (each good once).
enum SecondFactorCheck {
    enum Outcome: Equatable {
        case app
        case recovery
        case wrong
        /// The secret cannot be opened: the server's key is missing or changed.
        case unavailable
    }

    static func verify(_ typed: String, staff: Staff, req: Request) async throws -> Outcome {
        guard let state = try await req.accounts.twoFactor(of: staff.id), state.isEnabled else { return .wrong }
        if OneTimePassword.looksLikeAppCode(typed) {
            guard let box = req.application.secretBox,
                let secret = box.open(state.sealedSecret, for: staff.id.rawValue)
            else {
                req.logger.error("the two-factor secret of \(staff.id) does not open with this server's key")
                return .unavailable
            }
            guard let step = OneTimePassword.totp(secret).matchingCounter(typed, at: req.now),
                try await req.accounts.claimStep(staff.id, step: step)
            else { return .wrong }
            return .app
        }
        let cleaned = typed.filter { $0.isLetter || $0.isNumber }
        guard cleaned.count == 16 else { return .wrong }
        return try await req.accounts.useRecoveryCode(
            staff, codeHash: OneTimePassword.recoveryHash(typed), now: req.now) ? .recovery : .wrong
    }
}
