import EarnedDomain
import EarnedServices
import Vapor

extension SignInPage {
    func body(_ s: Strings) -> HTMLNode {
        H.el(
            "section", [("class", "sign-in card")],
            [
                H.h1(s.signInTitle),
                H.p("muted", s.tagline),
                message.map { H.el("div", [("class", "alert error"), ("role", "alert")], [H.text($0)]) } ?? H.empty,
                Forms.form(
                    action: SiteURL.signIn(next: nil).path, csrf: csrf,
                    [
                        H.void("input", [("type", "hidden"), ("name", "next"), ("value", next ?? "")]),
                        Forms.field(
                            "email", label: s.email, value: email, type: "email", required: true, errors: [], s: s,
                            attributes: [("autocomplete", "username")]),
                        Forms.field(
                            "password", label: s.password, value: nil, type: "password", required: true, errors: [],
                            s: s, attributes: [("autocomplete", "current-password")]),
                        Forms.submit(s.signInButton),
                    ]),
                H.el("p", [], [H.a(SiteURL.forgotPassword.path, s.forgotLink)]),
            ])
    }
}
