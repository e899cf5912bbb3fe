import EarnedDomain
import EarnedServices
import Vapor

/// Signing in and out: bcrypt passwords, a hashed session token in an HttpOnly SameSite
/// cookie, failed attempts throttled per e-mail and per address.
struct SignInController {
    struct Form: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    func show(_ req: Request) async throws -> Response {
        if req.currentUser != nil { return req.redirect(to: SiteURL.safeNext(req.query[String.self, at: "next"])) }
        return page(req, email: nil, message: nil, next: req.query[String.self, at: "next"])
    }

    func page(_ req: Request, email: String?, message: String?, next: String?, status: HTTPResponseStatus = .ok)
        -> Response
    {
        let token = PublicCSRF.token(req)
        let response = Layout.response(
            SignInPage(email: email, message: message, next: next, csrf: token).body(req.strings),
            title: req.strings.signInTitle, request: req, status: status)
        PublicCSRF.setCookie(token, on: response, req)
        return response
    }

    func submit(_ req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let s = req.strings
        let now = req.now
        let keys = Self.throttleKeys(req, email: email)
        if let refused = try await Self.throttled(
            req, keys: keys,
            page: { message in
                page(req, email: email, message: message, next: form.next, status: .tooManyRequests)
            })
        {
            return refused
        }
        let found = try await req.staffAccounts.credentials(email: email)
        let password = form.password ?? ""
        var verified = false
        if let found, let hash = found.passwordHash, found.staff.isActive {
            verified = (try? await req.password.async.verify(password, created: hash)) ?? false
        } else {
            // Spend the same time as a real check, so timing does not reveal which e-mails exist.
            _ = try? await req.password.async.hash(password)
        }
        guard verified, let staff = found?.staff else {
            for key in keys { try await req.security.recordFailure(key: key, now: now) }
            try await req.audit.record(
                .signInFailed, found == nil ? "sign_in" : "staff", found?.staff.id.rawValue ?? UUID(), by: nil,
                summary: (found == nil ? "unknown e-mail" : "wrong password") + Self.from(req), at: now)
            return page(req, email: email, message: s.wrongCredentials, next: form.next, status: .unauthorized)
        }
        try await req.security.clearFailures(key: keys[0])
        if try await req.accounts.twoFactor(of: staff.id)?.isEnabled == true {
            return try await SecondFactorController().challenge(req, staff: staff, next: form.next)
        }
        return try await Self.startSession(req, staff: staff, next: form.next, how: "password")
    }

    /// Signs `staff` in: a new session, its cookie, the audit entry, and on to `next`.
    static func startSession(_ req: Request, staff: Staff, next: String?, how: String) async throws -> Response {
        let config = req.config
        let token = Secrets.token()
        try await req.security.createSession(
            tokenHash: Secrets.sha256(token), staffID: staff.id, csrfToken: Secrets.token(), now: req.now,
            lifetime: config.sessionLifetime)
        try await req.audit.record(
            .signedIn, "staff", staff.id.rawValue, by: staff, summary: "signed in with \(how)" + from(req), at: req.now)
        let response = req.redirect(to: SiteURL.safeNext(next))
        response.cookies[SessionMiddleware.cookieName] = SessionMiddleware.cookie(
            token, config: config, maxAge: Int(config.sessionLifetime))
        return response
    }

    /// The failure counters a sign-in attempt (its password or its code) counts against: its
    /// e-mail and its address.
    static func throttleKeys(_ req: Request, email: String) -> [String] {
        ["email:" + email, "ip:" + (req.remoteAddress?.ipAddress ?? "unknown")]
    }

    /// The 429 answer (`page` with the message, and Retry-After) when either counter is over its
    /// allowance; nil to go on. One address may be a whole office behind one router: it gets ten
    /// times the allowance of one e-mail, so a stranger's guessing cannot lock everyone out.
    static func throttled(_ req: Request, keys: [String], page: (String) -> Response) async throws -> Response? {
        let config = req.config
        let limits = [config.maxFailedSignIns, config.maxFailedSignIns * 10]
        let since = req.now.addingTimeInterval(-config.throttleWindow)
        for (key, limit) in zip(keys, limits) where try await req.security.failures(key: key, since: since) >= limit {
            let minutes = Int((config.throttleWindow / 60).rounded(.up))
            let response = page(req.strings.throttled(minutes: minutes))
            response.headers.replaceOrAdd(name: "Retry-After", value: "\(Int(config.throttleWindow))")
            return response
        }
        return nil
    }

    /// " from 203.0.113.5" for the audit log.
    static func from(_ req: Request) -> String {
        req.remoteAddress?.ipAddress.map { " from \($0)" } ?? ""
    }

    func signOut(_ req: Request) async throws -> Response {
        if let token = req.cookies[SessionMiddleware.cookieName]?.string {
            try await req.security.deleteSession(tokenHash: Secrets.sha256(token))
        }
        if let staff = req.currentUser?.staff {
            try await req.audit.record(
                .signedOut, "staff", staff.id.rawValue, by: staff, summary: "signed out" + Self.from(req), at: req.now)
        }
        let response = req.redirect(to: SiteURL.signIn(next: nil).path)
        response.cookies[SessionMiddleware.cookieName] = SessionMiddleware.cookie("", config: req.config, maxAge: 0)
        return response
    }

    func language(_ req: Request) async throws -> Response {
        let code = req.parameters.get("code") ?? "ru"
        let response = req.redirect(to: SiteURL.safeNext(req.query[String.self, at: "next"]))
        if Lang(rawValue: code) != nil {
            response.cookies["earned_lang"] = HTTPCookies.Value(
                string: code, maxAge: 365 * 86_400, path: "/", isSecure: req.config.secureCookies, isHTTPOnly: true,
                sameSite: .lax)
        }
        return response
    }
}
