import EarnedDomain
import Foundation
import Plot

/// What the settings pages share: the tabs between them.
enum SettingsViews {
    static func tabs(_ s: Strings, here: SiteURL) -> HTMLNode {
        H.el(
            "nav", [("class", "tabs"), ("aria-label", s.navSettings)],
            [
                (SiteURL.serviceSettings, s.serviceRulesTitle), (SiteURL.outreachSettings, s.outreachTitle),
                (SiteURL.mailSettings(), s.mailTitle), (SiteURL.telegramSettings, s.telegramTitle),
                (SiteURL.webhooks, s.webhooksTitle),
                (SiteURL.securitySettings, s.securityTitle),
            ].map { target, label in
                H.el(
                    "a",
                    [
                        ("href", target.path),
                        (
                            "aria-current",
                            target.path.split(separator: "?").first == here.path.split(separator: "?").first
                                ? "page" : nil
                        ),
                    ],
                    [H.text(label)])
            })
    }
}
