import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

extension SavedForecastPage {
    var body: HTMLNode {
        let s = viewer.s
        let id = row.id
        let subtitle =
            s.t("сохранён ", "saved ") + Format.dateTime(row.createdAt, s.lang, zone: viewer.zone) + " · "
            + s.baselineOf(Format.dateTime(row.baselineAt, s.lang, zone: viewer.zone))
        return H.group([
            Layout.pageHead(row.name, subtitle: subtitle, action: (SiteURL.forecastFrom(id).path, s.openInForm)),
            ForecastViews.results(viewer, document, exportBase: SiteURL.forecastSaved(id).path, now: now),
            H.el(
                "section", [("class", "card")],
                [
                    Forms.form(
                        action: SiteURL.deleteForecast(id).path, csrf: viewer.csrf, cls: "inline-form",
                        [Forms.submit(s.deleteForecast, cls: "button danger")])
                ]),
        ])
    }
}
