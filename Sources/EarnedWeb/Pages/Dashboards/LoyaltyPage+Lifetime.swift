import EarnedAnalytics
import EarnedServices
import Foundation

/// The loyalty page's lifetime-model section: which model, how it did on the held-out weeks (in
/// words, a table and the tracking chart), the business's totals with their intervals, and what
/// the service customers received does to their buying.
enum LifetimePageParts {
    /// The instant of a day number's midnight (UTC), for showing it as a date.
    static func date(ofDay day: Int) -> Date { Date(timeIntervalSince1970: Double(day) * 86_400) }

    static func section(
        _ lifetime: LifetimeSummary, viewer: ViewerContext, numbers: (String) -> HTMLNode
    ) -> HTMLNode {
        let s = viewer.s
        var parts: [HTMLNode] = [
            H.h2(s.lifetimeModelTitle),
            H.p(nil, s.lifetimeModelUsed(lifetime.purchases.name, customers: lifetime.customers)),
        ]
        if let totals = lifetime.totals {
            func whole(_ e: IntervalEstimate) -> String {
                let f = { (x: Double) in Format.integer(Int(x.rounded()), s.lang) }
                return e.lower.isFinite && e.upper.isFinite
                    ? s.withInterval(f(e.estimate), f(e.lower), f(e.upper)) : f(e.estimate)
            }
            parts.append(
                H.p(nil, s.lifetimeTotals(active: whole(totals.activeCustomers), purchases: whole(totals.purchases))))
            let values = (lifetime.valueTotals ?? [:]).sorted(by: { $0.key < $1.key }).map { currency, value in
                let f = { (x: Double) in Format.wholeMoney(x, currency: currency, s.lang) }
                return value.lower.isFinite && value.upper.isFinite
                    ? s.withInterval(f(value.estimate), f(value.lower), f(value.upper)) : f(value.estimate)
            }
            if !values.isEmpty { parts.append(H.p(nil, s.lifetimeValueTotal(values.joined(separator: "; ")))) }
            parts.append(H.p("muted small", s.intervalExplained))
        }
        if let v = lifetime.validation, let chosen = v.chosenResult {
            parts.append(H.p(nil, s.holdoutChoice(v)))
            parts.append(
                H.el(
                    "p", [("class", v.verdict == .fits ? nil : "alert error"), ("id", "model-verdict")],
                    [H.text(s.holdoutVerdict(v))]))
            let held = Format.date(date(ofDay: v.calibrationEnd + 1), s.lang, zone: .gmt)
            let summary = s.trackingSummary(v, held: held)
            parts.append(H.h3(s.trackingTitle))
            parts.append(H.p("muted small", summary))
            parts.append(
                DashboardCharts.dual("tracking") { width, id in
                    var plot = ChartLinePlot(
                        kind: "tracking",
                        labels: chosen.tracking.map { Format.date(date(ofDay: $0.endDay), s.lang, zone: .gmt) },
                        values: chosen.tracking.map(\.predicted), domain: nil,
                        format: { Format.integer(Int($0.rounded()), s.lang) }, title: s.trackingTitle,
                        summary: summary, emptyText: "–", width: width)
                    plot.raw = chosen.tracking.map(\.actual)
                    plot.legend = [(.line, s.trackingModel), (.dots, s.trackingActual)]
                    return plot.svg(id: id)
                })
            parts.append(numbers("tracking"))
            parts.append(H.h3(s.holdoutTableCaption))
            parts.append(numbers("holdout"))
        }
        if let effects = lifetime.serviceEffects {
            parts.append(H.h3(s.serviceEffectsTitle))
            for effect in effects.effects where effect.exposed > 0 {
                parts.append(H.p(nil, s.serviceEffect(effect)))
            }
            parts.append(H.p(nil, s.serviceEffectsTest(effects)))
            parts.append(H.p("muted small", s.serviceEffectsExplained))
        }
        return H.el("section", [("class", "card"), ("id", "lifetime-model")], parts)
    }
}
