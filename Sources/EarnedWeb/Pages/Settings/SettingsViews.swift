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

    /// The word after saving or testing: good news as a status, a problem as an alert.
    static func notice(_ notice: (text: String, good: Bool)?) -> HTMLNode {
        notice.map {
            H.el(
                "div", [("class", $0.good ? "alert success" : "alert error"), ("role", $0.good ? "status" : "alert")],
                [H.text($0.text)])
        } ?? H.empty
    }
}
