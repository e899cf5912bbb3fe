import EarnedDomain
import EarnedStore
import Foundation

extension SecuritySettingsPage {
    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.navSettings),
            SettingsViews.tabs(s, here: .securitySettings),
            saved ? H.el("div", [("class", "alert success"), ("role", "status")], [H.text(s.saved)]) : H.empty,
            error.map { H.el("div", [("class", "alert error"), ("role", "alert")], [H.text($0)]) } ?? H.empty,
            H.el(
                "section", [("class", "card")],
                [
                    H.h2(s.securityTitle),
                    Forms.form(
                        action: SiteURL.securitySettings.path, csrf: viewer.csrf, cls: "form",
                        [
                            Forms.checkbox(
                                "require_two_factor", label: s.requireTwoFactor, checked: settings.requireTwoFactor),
                            H.p("hint", s.requireTwoFactorHint),
                            H.p(nil, s.peopleWithoutTwoFactor(peopleWithoutTwoFactor)),
                            Forms.submit(s.save),
                        ]),
                ]),
            H.el(
                "section", [("class", "card")],
                [
                    H.h2(s.rateLimitsTitle),
                    H.p(
                        nil,
                        s.rateLimitsText(
                            apiPerMinute: config.apiRateLimit, failures: config.maxFailedSignIns,
                            minutes: Int((config.throttleWindow / 60).rounded(.up)))),
                ]),
        ])
    }
}
