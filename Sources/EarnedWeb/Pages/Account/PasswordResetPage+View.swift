import EarnedDomain
import Foundation

extension PasswordResetPage {
    var body: HTMLNode {
        switch state {
        case .form(let token, let staff, let errors, let csrf):
            func message(_ field: String) -> String? { errors.first { $0.field == field }.map(s.passwordError) }
            return H.el(
                "section", [("class", "sign-in card")],
                [
                    H.h1(s.resetTitle),
                    H.p("muted", s.resetFor(staff.name)),
                    Forms.summary(errors, s),
                    Forms.form(
                        action: SiteURL.passwordReset(token: token).path, csrf: csrf,
                        [
                            H.void(
                                "input",
                                [
                                    ("type", "email"), ("name", "username"), ("value", staff.email),
                                    ("autocomplete", "username"),
                                    ("hidden", ""), ("readonly", ""),
                                ])
                        ] + AccountPage.newPasswordFields(s, message: message) + [Forms.submit(s.resetButton)]),
                ])
        case .done:
            return H.el(
                "section", [("class", "sign-in card")],
                [
                    H.h1(s.resetTitle),
                    H.el("div", [("class", "alert success"), ("role", "status")], [H.text(s.resetDone)]),
                    H.a(SiteURL.signIn(next: nil).path, s.signInButton, cls: "button primary"),
                ])
        case .request(let csrf, let email, let errors, let mailSetUp):
            guard mailSetUp else {
                return H.el(
                    "section", [("class", "sign-in card")],
                    [
                        H.h1(s.forgotTitle), H.p(nil, s.forgotNoMail),
                        H.a(SiteURL.signIn(next: nil).path, s.signInButton),
                    ]
                )
            }
            return H.el(
                "section", [("class", "sign-in card")],
                [
                    H.h1(s.forgotTitle),
                    H.p("muted", s.forgotHint),
                    Forms.summary(errors, s),
                    Forms.form(
                        action: SiteURL.forgotPassword.path, csrf: csrf,
                        [
                            Forms.field(
                                "email", label: s.email, value: email, type: "email", required: true, errors: errors,
                                s: s, attributes: [("autocomplete", "username")]),
                            Forms.submit(s.forgotButton),
                        ]),
                    H.a(SiteURL.signIn(next: nil).path, s.signInButton),
                ])
        case .requested:
            return H.el(
                "section", [("class", "sign-in card")],
                [
                    H.h1(s.forgotTitle),
                    H.el("div", [("class", "alert success"), ("role", "status")], [H.text(s.forgotSent)]),
                    H.a(SiteURL.signIn(next: nil).path, s.signInButton),
                ])
        case .invalid:
            return H.el(
                "section", [("class", "sign-in card")],
                [
                    H.h1(s.resetTitle),
                    H.el("div", [("class", "alert error"), ("role", "alert")], [H.text(s.resetInvalid)]),
                    H.a(SiteURL.signIn(next: nil).path, s.signInButton),
                ])
        }
    }
}
