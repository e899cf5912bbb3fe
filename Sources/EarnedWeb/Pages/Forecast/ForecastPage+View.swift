import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

extension ForecastPage {
    var body: HTMLNode {
        let s = viewer.s
        let head = Layout.pageHead(s.forecastTitle, action: (SiteURL.forecastList.path, s.savedForecastsTitle))
        guard let baseline else { return H.group([head, H.p("empty", s.noBaselineYet)]) }
        var nodes: [HTMLNode] = [
            head, H.p("lede", s.forecastIntro),
            H.p("hint", s.baselineOf(Format.dateTime(baseline.computedAt, s.lang, zone: viewer.zone))),
        ]
        if let document {
            nodes.append(ForecastViews.results(viewer, document, exportBase: nil, now: now))
            nodes.append(ForecastViews.saveForm(viewer, scenario: document.scenario, name: name, errors: saveErrors))
        }
        nodes.append(ForecastViews.form(viewer, form, errors: errors, baseline: baseline))
        // Only the chosen program's fields, where the browser runs it.
        nodes.append(H.el("script", [("src", SiteURL.forecastScript.path), ("defer", "")], []))
        return H.group(nodes)
    }
}
