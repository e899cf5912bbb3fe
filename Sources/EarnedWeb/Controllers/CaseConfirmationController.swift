import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// The customer's page behind a resolved case's link: "is it solved?", answered once with a
/// button ("solved" closes the case as confirmed by them) or a few words ("not yet" reopens it).
/// Opening the link changes nothing: a mail program that follows links does not answer.
struct CaseConfirmationController {
    func token(_ req: Request) throws -> String {
        guard let token = req.parameters.get("token"), token.count == 43 else { throw DomainError.notFound("link") }
        return token
    }

    func show(_ req: Request) async throws -> Response {
        let token = try token(req)
        switch try await CaseConfirmationStore(db: req.database).link(hash: Secrets.sha256(token), now: req.now) {
        case .invalid: return notice(req, req.strings, \.caseConfirmInvalid, status: .notFound)
        case .used: return notice(req, req.strings, \.caseConfirmThanks)
        case .valid(let c):
            let customer = try await CustomerRepository(db: req.database).byIDs([c.customerID])[c.customerID]
            let s = Strings(lang: customer?.language == "en" ? .en : .ru)
            guard c.status == .resolved else { return notice(req, s, \.caseConfirmMovedOn) }
            let csrf = PublicCSRF.token(req)
            let action = SiteURL.caseConfirmation(token: .value(token)).path
            let content = H.group([
                H.h1(s.caseConfirmTitle), H.p(nil, "«" + c.title + "»"),
                Forms.form(
                    action: action, csrf: csrf, cls: "stack",
                    [
                        H.void("input", [("type", "hidden"), ("name", "answer"), ("value", "solved")]),
                        Forms.submit(s.caseConfirmSolved, cls: "button primary"),
                    ]),
                Forms.form(
                    action: action, csrf: csrf, cls: "stack",
                    [
                        H.void("input", [("type", "hidden"), ("name", "answer"), ("value", "not_yet")]),
                        Forms.textarea("reason", label: s.caseConfirmWhat, value: nil, rows: 3, errors: [], s: s),
                        Forms.submit(s.caseConfirmNotYet, cls: "button"),
                    ]),
            ])
            let response = Layout.html(
                SurveyPublicPage.document(content, title: s.caseConfirmTitle, language: s.lang.rawValue))
            PublicCSRF.setCookie(csrf, on: response, req)
            return response
        }
    }

    func answer(_ req: Request) async throws -> Response {
        let token = try token(req)
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        let store = CaseConfirmationStore(db: req.database)
        guard case .valid(let c) = try await store.link(hash: Secrets.sha256(token), now: req.now) else {
            return try await show(req)
        }
        let customer = try await CustomerRepository(db: req.database).byIDs([c.customerID])[c.customerID]
        let language = customer?.language == "en" ? "en" : "ru"
        let s = Strings(lang: language == "en" ? .en : .ru)
        let answer: CaseConfirmation.Answer
        switch form["answer"] {
        case "solved": answer = .solved
        case "not_yet":
            answer = .notYet(form["reason"]?.trimmingCharacters(in: .whitespacesAndNewlines))
        default: return try await show(req)
        }
        guard
            try await CaseConfirmation.answer(token, answer, language: language, now: req.now, on: req.database)
                != nil
        else { return notice(req, s, \.caseConfirmMovedOn) }
        return notice(req, s, answer == .solved ? \.caseConfirmThanks : \.caseConfirmReopened)
    }

    func notice(
        _ req: Request, _ s: Strings, _ text: KeyPath<Strings, String>, status: HTTPResponseStatus = .ok
    ) -> Response {
        Layout.html(
            SurveyPublicPage.document(
                SurveyPublicPage.notice(s.caseConfirmTitle, s[keyPath: text]), title: s.caseConfirmTitle,
                language: s.lang.rawValue), status: status)
    }
}

extension CaseConfirmationController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        pages.get(SiteURL.caseConfirmation(token: .key).pathComponents, use: show)
        pages.post(SiteURL.caseConfirmation(token: .key).pathComponents, use: answer)
    }
}
