import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// The link every message to a customer carries (`List-Unsubscribe`): opening it asks to
/// confirm (a link checker that opens it changes nothing); the button, or a mail program's
/// one-click POST (RFC 8058), withdraws the customer's e-mail consent with its source and time.
/// The token is the authority: 32 random bytes, kept only as a hash, good for a year, once.
struct UnsubscribeController {
    func token(_ req: Request) throws -> String {
        guard let token = req.parameters.get("token"), token.count == 43 else { throw DomainError.notFound("link") }
        return token
    }

    func show(_ req: Request) async throws -> Response {
        let s = req.strings
        let token = try token(req)
        switch try await OutboxStore(db: req.database).unsubscribeLink(hash: Secrets.sha256(token), now: req.now) {
        case .invalid:
            return page(req, H.group([H.h1(s.unsubscribeTitle), H.p(nil, s.unsubscribeInvalid)]), status: .notFound)
        case .used:
            return page(req, H.group([H.h1(s.unsubscribeTitle), H.p(nil, s.unsubscribeDone)]))
        case .valid(_, let message):
            let language = message.language == "en" ? Strings(lang: .en) : Strings(lang: .ru)
            return page(
                req,
                H.group([
                    H.h1(language.unsubscribeTitle), H.p(nil, language.unsubscribeAsk(message.address)),
                    Forms.form(
                        action: SiteURL.unsubscribe(token: .value(token)).path, csrf: nil, cls: "stack",
                        [Forms.submit(language.unsubscribeButton)]),
                ]), language: message.language)
        }
    }

    /// The page's button, or a mail program's one-click POST.
    func confirm(_ req: Request) async throws -> Response {
        let token = try token(req)
        let outbox = OutboxStore(db: req.database)
        let hash = Secrets.sha256(token)
        let link = try await outbox.unsubscribeLink(hash: hash, now: req.now)
        let language: String
        switch link {
        case .invalid:
            return page(
                req, H.group([H.h1(req.strings.unsubscribeTitle), H.p(nil, req.strings.unsubscribeInvalid)]),
                status: .notFound)
        case .used: language = req.lang.rawValue
        case .valid(_, let message):
            language = message.language
            try await outbox.unsubscribe(hash: hash, now: req.now)
        }
        let s = language == "en" ? Strings(lang: .en) : Strings(lang: .ru)
        return page(req, H.group([H.h1(s.unsubscribeTitle), H.p(nil, s.unsubscribeDone)]), language: language)
    }

    func page(_ req: Request, _ content: HTMLNode, language: String? = nil, status: HTTPResponseStatus = .ok)
        -> Response
    {
        let language = language ?? req.lang.rawValue
        let s = language == "en" ? Strings(lang: .en) : Strings(lang: .ru)
        return Layout.html(
            SurveyPublicPage.document(content, title: s.unsubscribeTitle, language: language), status: status)
    }
}

extension UnsubscribeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.unsubscribe(token: .key).pathComponents, use: show)
        // No session and no CSRF token: a mail program posts here on its own (RFC 8058), and the
        // link's token is what allows it.
        routes.post(SiteURL.unsubscribe(token: .key).pathComponents, use: confirm)
    }
}
