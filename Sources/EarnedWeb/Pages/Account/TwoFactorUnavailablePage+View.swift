import EarnedDomain

extension TwoFactorUnavailablePage {
    var body: HTMLNode {
        H.group([
            Layout.pageHead(s.twoFactorTitle),
            H.el("div", [("class", "alert error"), ("role", "alert")], [H.text(s.twoFactorUnavailable)]),
        ])
    }
}
