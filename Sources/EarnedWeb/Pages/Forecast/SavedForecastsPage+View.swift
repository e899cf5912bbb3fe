import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

extension SavedForecastsPage {
    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.savedForecastsTitle, action: (SiteURL.forecast.path, s.forecastTitle)),
            H.el("section", [("class", "card")], [ForecastViews.savedList(viewer, rows)]),
        ])
    }
}
