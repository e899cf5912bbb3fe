import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// The survey link's page: `/s/<token>`. Anyone with the link may answer, once, before it
/// expires; an unknown, expired or answered link gets a plain page that says which and
/// nothing more. Posts are limited per address, and so are unknown links (so tokens cannot
/// be tried one after another).
struct SurveyPublicController {
    /// Answers (and unknown links) allowed per address in `window`.
    static let postLimit = 20
    static let unknownLimit = 30
    static let window: TimeInterval = 15 * 60

    struct Form: Content {
        var csat: String?
        var nps: String?
        var ces: String?
        var share_of_wallet: String?
        var fast_enough: String?
        var comment: String?
        var may_quote: String?
        var may_ask_referral: String?

        /// The answer as typed, and the scores that are not whole numbers; questions the survey
        /// does not ask give no permission either way.
        func draft(for definition: SurveyDefinition) -> (SurveyAnswerDraft, [FieldError]) {
            var problems: [FieldError] = []
            func score(_ name: String, _ text: String?) -> Int? {
                guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
                guard let value = Int(text) else {
                    problems.append(FieldError(field: name, code: .invalidFormat))
                    return nil
                }
                return value
            }
            let draft = SurveyAnswerDraft(
                csat: score("csat", csat), nps: score("nps", nps), ces: score("ces", ces),
                shareOfWallet: share_of_wallet,
                fastEnough: fast_enough.flatMap { ["yes": true, "no": false][$0] },
                comment: comment,
                mayQuote: definition.asks(.quotePermission) ? may_quote == "true" : nil,
                mayAskReferral: definition.asks(.referralPermission) ? may_ask_referral == "true" : nil)
            return (draft, problems)
        }
    }

    func show(_ req: Request) async throws -> Response {
        let (invitation, definition, refusal) = try await open(req)
        if let refusal { return refusal }
        guard let invitation, let definition else { throw Abort(.notFound) }
        return page(
            req,
            SurveyPublicPage(
                definition: definition, language: invitation.language, action: req.url.path, csrf: "",
                asker: try await asker(invitation, req)))
    }

    func submit(_ req: Request) async throws -> Response {
        let ip = "survey-post:" + (req.remoteAddress?.ipAddress ?? "unknown")
        let now = req.now
        if try await req.security.failures(key: ip, since: now - Self.window) >= Self.postLimit {
            return tooMany(req)
        }
        try await req.security.recordFailure(key: ip, now: now)
        let (invitation, definition, refusal) = try await open(req)
        if let refusal { return refusal }
        guard let invitation, let definition else { throw Abort(.notFound) }
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let (draft, problems) = form.draft(for: definition)
        let base = SurveyPublicPage(
            definition: definition, language: invitation.language, action: req.url.path, csrf: "",
            asker: try await asker(invitation, req), values: draft)
        guard problems.isEmpty else {
            var page = base
            page.errors = problems
            return self.page(req, page, status: .unprocessableEntity)
        }
        do {
            let submission = try await SurveyAnswering(db: req.database).submit(
                tokenHash: invitation.tokenHash, draft: draft, now: now)
            let s = base.s
            let low = submission.openedCase != nil
            // The customer's own link to the business's bot, unless they started it already.
            let telegram = try await req.application.telegramActions(db: req.database, logger: req.logger)
                .invitation(for: invitation.customerID, now: now)
            return notice(
                req, language: invitation.language, title: s.surveyThanksTitle, text: s.surveyThanks,
                extra: low ? s.surveySorry : nil, link: telegram.map { ($0, s.telegramSurveyInvite) })
        } catch let error as SurveyAnswerError {
            switch error {
            case .refused(let access): return refused(req, access, language: invitation.language)
            case .invalid(let errors):
                var page = base
                page.errors = errors
                return self.page(req, page, status: .unprocessableEntity)
            }
        }
    }

    /// The invitation and survey of the link, or the page that refuses it.
    /// The name of the location that served the customer, which the page says is asking.
    func asker(_ invitation: SurveyInvitation, _ req: Request) async throws -> String? {
        guard let id = invitation.attribution.locationID else { return nil }
        return try await LocationRepository(db: req.database).find(id)?.name
    }

    func open(_ req: Request) async throws -> (SurveyInvitation?, SurveyDefinition?, Response?) {
        let now = req.now
        let language = req.lang.rawValue
        guard let text = req.parameters.get("token"), let token = SurveyToken(text: text),
            let invitation = try await SurveyRepository(db: req.database).invitation(
                tokenHash: Secrets.sha256(token.text))
        else {
            let key = "survey-unknown:" + (req.remoteAddress?.ipAddress ?? "unknown")
            if try await req.security.failures(key: key, since: now - Self.window) >= Self.unknownLimit {
                return (nil, nil, tooMany(req))
            }
            try await req.security.recordFailure(key: key, now: now)
            return (nil, nil, refused(req, .unknown, language: language))
        }
        let access = SurveyAccess.check(invitation, now: now)
        guard access == .ok else { return (nil, nil, refused(req, access, language: invitation.language)) }
        let definition = try await SurveyRepository(db: req.database).definition(invitation.definitionID)
        return (invitation, definition, nil)
    }

    func refused(_ req: Request, _ access: SurveyAccess, language: String) -> Response {
        let s = Strings(lang: language == "en" ? .en : .ru)
        switch access {
        case .alreadyAnswered:
            return notice(
                req, language: language, title: s.surveyAnsweredTitle, text: s.surveyAnswered, status: .conflict)
        case .expired:
            return notice(req, language: language, title: s.surveyExpiredTitle, text: s.surveyExpired, status: .gone)
        case .unknown, .ok:
            return notice(
                req, language: language, title: s.surveyUnknownTitle, text: s.surveyUnknown, status: .notFound)
        }
    }

    func tooMany(_ req: Request) -> Response {
        let s = req.strings
        let response = notice(
            req, language: req.lang.rawValue, title: s.surveyTitle, text: s.surveyTooMany, status: .tooManyRequests)
        response.headers.replaceOrAdd(name: "Retry-After", value: "\(Int(Self.window))")
        return response
    }

    func notice(
        _ req: Request, language: String, title: String, text: String, extra: String? = nil,
        link: (href: String, label: String)? = nil, status: HTTPResponseStatus = .ok
    ) -> Response {
        Layout.html(
            SurveyPublicPage.document(
                SurveyPublicPage.notice(title, text, extra: extra, link: link), title: title, language: language),
            status: status)
    }

    /// The form with this visitor's CSRF token (their session's, or a double-submit cookie).
    func page(_ req: Request, _ page: SurveyPublicPage, status: HTTPResponseStatus = .ok) -> Response {
        let cookieToken = req.cookies[CSRFMiddleware.cookieName]?.string ?? Secrets.token()
        var page = page
        page.csrf = req.currentUser?.csrfToken ?? cookieToken
        let response = Layout.html(
            SurveyPublicPage.document(page.body(), title: page.s.surveyTitle, language: page.language), status: status)
        response.cookies[CSRFMiddleware.cookieName] = HTTPCookies.Value(
            string: cookieToken, maxAge: 86_400, path: "/", isSecure: req.config.secureCookies, isHTTPOnly: true,
            sameSite: .lax)
        return response
    }
}
