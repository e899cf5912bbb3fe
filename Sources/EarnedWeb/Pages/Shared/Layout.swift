import EarnedDomain
import Plot
import Vapor

/// The frame of every page: navigation for the person's role, the language switch, sign-out.
enum Layout {
    static func response(
        _ content: HTMLNode, title: String, request: Request, status: HTTPResponseStatus = .ok
    ) -> Response {
        html(document(content, title: title, request: request), status: status)
    }

    /// A rendered page as a response, never cached (pages show one person's data).
    static func html(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: html))
    }

    static func document(_ content: HTMLNode, title: String, request: Request) -> String {
        let s = request.strings
        let user = request.currentUser
        let here = request.url.string
        let doc = HTML(
            .lang(request.lang == .ru ? .russian : .english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .raw("<title>" + H.escape("\(title) · Earned") + "</title>"),
                .stylesheet(SiteURL.stylesheet.path),
                .raw("<link rel=\"icon\" href=\"data:,\">")
            ),
            .body(
                .group([
                    H.a("#main", s.skipToContent, cls: "skip"),
                    header(s, user: user, here: here, lang: request.lang),
                    H.el("main", [("id", "main")], [content]),
                ])
            )
        )
        return doc.render()
    }

    static func header(_ s: Strings, user: CurrentUser?, here: String, lang: Lang) -> HTMLNode {
        let other = lang == .ru ? "en" : "ru"
        var links: [(String, String)] = []
        if let staff = user?.staff {
            links.append((SiteURL.today(team: false).path, s.navToday))
            links.append((SiteURL.scorecard().path, s.scorecardTitle))
            if Policy.may(staff, .viewBusinessAnalytics) {
                links.append((SiteURL.consistency().path, s.consistencyTitle))
                links.append((SiteURL.loyalty().path, s.loyaltyTitle))
            }
            if Policy.may(staff, .forecastPrograms) { links.append((SiteURL.forecast.path, s.navForecast)) }
            links.append((SiteURL.promises(filter: nil).path, s.promisesTitle))
            links.append((SiteURL.customers().path, s.navCustomers))
            links.append((SiteURL.orders().path, s.navOrders))
            links.append((SiteURL.contacts.path, s.navContacts))
            links.append((SiteURL.cases.path, s.navCases))
            links.append((SiteURL.incidents.path, s.navIncidents))
            links.append(
                (
                    Policy.may(staff, .viewSurveys) ? SiteURL.surveys().path : SiteURL.surveyInvitations().path,
                    s.navSurveys
                ))
            if Policy.may(staff, .importData) { links.append((SiteURL.importData.path, s.navImport)) }
            if Policy.may(staff, .exportData) { links.append((SiteURL.exportData().path, s.navExport)) }
            if Policy.may(staff, .manageLocations) { links.append((SiteURL.locations.path, s.navLocations)) }
            if Policy.may(staff, .manageStaff) { links.append((SiteURL.staffList.path, s.navStaff)) }
            links.append((SiteURL.tokens.path, s.navTokens))
            if Policy.may(staff, .manageIntegrations) { links.append((SiteURL.serviceSettings.path, s.navSettings)) }
            if Policy.may(staff, .viewAuditLog) { links.append((SiteURL.audit.path, s.navAudit)) }
        }
        let path = here.split(separator: "?").first.map(String.init) ?? here
        return H.el(
            "header", [("class", "top")],
            [
                H.a(SiteURL.home.path, "Earned", cls: "brand"),
                H.el(
                    "nav", [("aria-label", s.menu)],
                    [
                        H.el(
                            "ul", [],
                            links.map { href, label in
                                H.el(
                                    "li", [],
                                    [
                                        H.el(
                                            "a",
                                            [("href", href), ("aria-current", path.hasPrefix(href) ? "page" : nil)],
                                            [H.text(label)])
                                    ])
                            })
                    ]),
                H.div(
                    "top-actions",
                    [
                        H.el(
                            "a",
                            [("href", SiteURL.language(other, next: here).path), ("lang", other), ("class", "lang")],
                            [H.text(s.otherLanguage)]),
                        user.map { user in
                            H.group([
                                H.a(SiteURL.account.path, user.staff.name, cls: "who"),
                                Forms.form(
                                    action: SiteURL.signOut.path, csrf: user.csrfToken, cls: "inline",
                                    [
                                        H.el("button", [("type", "submit"), ("class", "link")], [H.text(s.signOut)])
                                    ]),
                            ])
                        } ?? H.empty,
                    ]),
            ])
    }

    /// The top of a page: its title, the filters that apply, and the main action.
    static func pageHead(_ title: String, subtitle: String? = nil, action: (href: String, label: String)? = nil)
        -> HTMLNode
    {
        H.div(
            "page-head",
            [
                H.div(nil, [H.h1(title), subtitle.map { H.p("muted", $0) } ?? H.empty]),
                action.map { H.a($0.href, $0.label, cls: "button primary") } ?? H.empty,
            ])
    }
}
