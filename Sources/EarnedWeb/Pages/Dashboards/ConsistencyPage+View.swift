import EarnedAnalytics
import EarnedDomain
import EarnedServices
import Vapor

extension ConsistencyPage {
    func body(_ viewer: ViewerContext, now: Date) -> HTMLNode {
        let s = viewer.s
        guard let report else {
            return H.group([Layout.pageHead(s.consistencyTitle), H.p("empty", s.noScoresYet)])
        }
        let tables = Dictionary(tables(viewer).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func export(_ id: String) -> String { SiteURL.consistency(measure: measure.rawValue, export: id).path }
        func numbers(_ id: String) -> HTMLNode {
            tables[id].map { table in
                H.el(
                    "details", [("class", "numbers")],
                    [
                        H.el("summary", [], [H.text(s.showNumbers)]),
                        table.html(exportHref: export(id), exportLabel: s.downloadCSV),
                    ])
            } ?? H.empty
        }
        var subtitle =
            s.consistencyWindow + " " + Format.date(report.from, s.lang, zone: viewer.zone) + " — "
            + Format.date(report.to, s.lang, zone: viewer.zone)
        if let computedAt { subtitle += " · " + s.computedWhen(Format.relative(computedAt, now: now, s.lang)) }
        let weekdayHour = weekdayHourGrid(s)
        let shifts = shiftGrid(s)
        let name = s.measureName(measure)
        return H.group([
            Layout.pageHead(s.consistencyTitle, subtitle: subtitle),
            H.el(
                "section", [("class", "card"), ("aria-labelledby", "weak-heading")],
                [
                    H.el("h2", [("id", "weak-heading")], [H.text(s.weakestSlots)]),
                    report.flags.isEmpty
                        ? H.p(nil, s.noWeakSlots(report.testCount))
                        : H.group([
                            H.p("muted small", s.weakSlotsRule(report.testCount, report.falseDiscoveryRate)),
                            H.el(
                                "ol", [("class", "findings")],
                                report.flags.prefix(12).map { f in
                                    H.el(
                                        "li", [],
                                        [
                                            H.text(
                                                s.flagSentence(
                                                    f.measure, slot: slotName(f.slot, s), slotMean: f.slotMean,
                                                    restMean: f.restMean, gap: f.gap, count: f.count))
                                        ])
                                }),
                        ]),
                    numbers("weak-slots"),
                ]),
            H.el(
                "nav", [("class", "tabs"), ("aria-label", s.measureColumn)],
                ServiceRecord.Measure.allCases.map { m in
                    H.el(
                        "a",
                        [
                            ("href", SiteURL.consistency(measure: m.rawValue).path),
                            ("aria-current", m == measure ? "page" : nil),
                        ], [H.text(s.measureName(m))])
                }),
            heatmapSection(weekdayHour, id: "heat-weekday", title: s.byWeekdayHour(name), numbers("weekday-hour"), s),
            heatmapSection(shifts, id: "heat-shift", title: s.byShiftLocation(name), numbers("shift"), s),
            H.el(
                "section", [("class", "card")],
                [
                    H.h2(s.weeklyChartTitle(name)),
                    result?.charts.map { chart in
                        H.group([
                            H.p(nil, s.controlChartSummary(chart.ewma.signals.count, cusum: chart.cusum.signals.count)),
                            DashboardCharts.control(
                                chart, id: "control", title: s.weeklyChartTitle(name),
                                description: s.controlChartSummary(
                                    chart.ewma.signals.count, cusum: chart.cusum.signals.count),
                                weekLabel: { Format.date($0, s.lang, zone: viewer.zone) },
                                format: { s.measureValue(measure, $0) }, s: s),
                        ])
                    } ?? H.p("muted", s.notEnoughWeeks),
                    numbers("weekly"),
                ]),
            H.el(
                "section", [("class", "card")],
                [
                    H.h2(s.consistencyIndexTitle(name)),
                    H.p("muted small", s.indexExplained),
                    tables["index"].map { $0.html(exportHref: export("index"), exportLabel: s.downloadCSV) }
                        ?? H.empty,
                ]),
        ])
    }
}

extension ConsistencyPage {
    /// A heatmap of the measure in its own card, with its numbers beneath.
    func heatmapSection(
        _ grid: DashboardCharts.Grid?, id: String, title: String, _ numbers: HTMLNode, _ s: Strings
    ) -> HTMLNode {
        H.el(
            "section", [("class", "card")],
            [
                H.h2(title),
                grid.map {
                    DashboardCharts.heatmap(
                        $0, id: id, title: title, description: s.heatmapDescription(s.measureName(measure)),
                        higherIsBetter: measure.serviceMeasure.higherIsBetter, legend: s.heatmapLegend,
                        noData: s.noDataCell,
                        flagged: s.flaggedWord)
                } ?? H.p("muted", s.notEnoughData),
                numbers,
            ])
    }
}
