import EarnedDomain
import Foundation
import Plot

extension TwoFactorSetupPage {
    /// The key in groups of four, as apps show it and people type it.
    var groupedKey: String {
        let key = Base32.encode(secret, padding: false)
        return stride(from: 0, to: key.count, by: 4).map { start in
            let from = key.index(key.startIndex, offsetBy: start)
            return String(key[from..<(key.index(from, offsetBy: 4, limitedBy: key.endIndex) ?? key.endIndex)])
        }.joined(separator: " ")
    }

    var body: HTMLNode {
        let s = viewer.s
        let uri = TOTP.provisioningURI(secret: secret, issuer: "Earned", account: viewer.staff.email)
        return H.group([
            Layout.pageHead(s.twoFactorTitle),
            required
                ? H.el("div", [("class", "alert error"), ("role", "alert")], [H.text(s.twoFactorRequiredNotice)])
                : H.empty,
            H.el(
                "section", [("class", "card")],
                [
                    H.p("muted", s.twoFactorExplain),
                    H.p(nil, s.setupStep1),
                    H.el("p", [], [H.a(uri, s.setupLink, cls: "button")]),
                    H.el(
                        "p", [],
                        [
                            H.text(s.setupKey + ": "),
                            H.el("code", [("class", "secret"), ("id", "totp-key")], [H.text(groupedKey)]),
                        ]),
                    H.p("hint", s.setupKeyHint),
                    H.el("p", [("class", "hint")], [H.el("code", [("class", "secret")], [H.text(uri)])]),
                    H.p(nil, s.setupStep2),
                    Forms.form(
                        action: SiteURL.twoFactorSetup.path, csrf: viewer.csrf, cls: "form inline-form",
                        [
                            AccountPage.codeField(
                                "code", label: s.code, message: error,
                                attributes: [
                                    ("autocomplete", "one-time-code"), ("inputmode", "numeric"),
                                    ("pattern", "[0-9 ]{6,7}"),
                                ]),
                            Forms.submit(s.confirmCode),
                        ]),
                ]),
        ])
    }
}
