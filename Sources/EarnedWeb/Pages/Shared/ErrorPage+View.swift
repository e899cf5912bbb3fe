import EarnedDomain
import Plot
import Vapor

extension ErrorPage {
    func body(_ s: Strings) -> HTMLNode {
        H.el(
            "section", [("class", "error-page")],
            [
                H.h1(title), H.p(nil, text), H.p("muted", "HTTP \(status.code)"), H.a(SiteURL.home.path, s.backHome),
            ])
    }
}
