import EarnedDomain
import Plot

extension RecoveryCodesPage {
    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.recoveryCodesTitle),
            H.el(
                "section", [("class", "card")],
                [
                    H.el("div", [("class", "alert success"), ("role", "status")], [H.text(s.recoveryCodesExplain)]),
                    H.el(
                        "ol", [("class", "recovery-codes")],
                        codes.map { H.el("li", [], [H.el("code", [], [H.text($0)])]) }),
                    H.a(SiteURL.today(team: false).path, s.recoveryCodesDone, cls: "button primary"),
                ]),
        ])
    }
}
