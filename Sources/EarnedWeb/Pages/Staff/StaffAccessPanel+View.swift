import EarnedDomain
import Foundation

extension StaffAccessPanel {
    var body: HTMLNode {
        let s = viewer.s
        return H.el(
            "section", [("class", "card"), ("aria-labelledby", "access-title")],
            [
                H.el("h2", [("id", "access-title")], [H.text(s.resetLinkTitle)]),
                link.map { link in
                    H.el(
                        "div", [("class", "alert success"), ("role", "status")],
                        [
                            H.p(nil, s.resetLinkShown(hours: Int(lifetime / 3600))),
                            H.el("code", [("class", "secret"), ("id", "reset-link")], [H.text(link)]),
                        ])
                } ?? H.empty,
                SettingsViews.notice(mailed),
                Forms.form(
                    action: SiteURL.staffResetLink(staffID.rawValue).path, csrf: viewer.csrf, cls: "inline",
                    [Forms.submit(s.resetLinkButton, cls: "button")]),
                mailTo.map { address in
                    Forms.form(
                        action: SiteURL.staffResetLink(staffID.rawValue).path, csrf: viewer.csrf, cls: "inline",
                        [
                            H.void("input", [("type", "hidden"), ("name", "send"), ("value", "email")]),
                            Forms.submit(s.resetLinkMailButton(address), cls: "button"),
                        ])
                } ?? H.empty,
                H.p(nil, twoFactorOn ? s.twoFactorIsOn : s.twoFactorIsOff),
                twoFactorOn
                    ? H.group([
                        H.p("hint", s.resetTwoFactorHint),
                        Forms.form(
                            action: SiteURL.staffTwoFactorReset(staffID.rawValue).path, csrf: viewer.csrf,
                            cls: "inline", [Forms.submit(s.resetTwoFactorButton, cls: "button danger")]),
                    ]) : H.empty,
            ])
    }
}
