import EarnedAnalytics
import EarnedServices
import Foundation

/// The dashboards' charts: page data turned into the SVG charts of `Charts/`, each in a box
/// that scales to its column. Every chart carries its own title and description; the numbers
/// sit beside it as a table (the pages add those).
enum DashboardCharts {
    /// A grid of slots for a heatmap: nil cells have too few records.
    struct Grid: Sendable {
        var rowLabels: [String]
        var columnLabels: [String]
        var cells: [[HeatmapCell?]]
    }

    static func box(_ svg: String, cls: String = "chart-box") -> HTMLNode {
        H.el("div", [("class", cls)], [.raw(svg)])
    }

    /// The phone's width in the charts' units, and the laptop's.
    static let narrowWidth = 360.0
    static let wideWidth = 560.0

    /// A chart drawn at a laptop's width and a phone's, so its text stays legible on both; CSS
    /// shows the one that fits.
    static func dual(_ id: String, _ make: (_ width: Double, _ id: String) -> String) -> HTMLNode {
        H.group([
            box(make(wideWidth, id + "-wide"), cls: "chart-box wide-only"),
            box(make(narrowWidth, id + "-narrow"), cls: "chart-box narrow-only"),
        ])
    }

    /// A range for shares that starts a little below the lowest value or line shown, in tenths,
    /// so points bunched near 100 % spread out.
    static func zoomed(_ values: [Double]) -> ClosedRange<Double> {
        let low = values.filter(\.isFinite).min() ?? 0
        let start = max(0, ((low - 0.05) * 10).rounded(.down) / 10)
        return start...1
    }

    static func sparkline(_ values: [Double?], id: String, title: String, description: String) -> HTMLNode {
        let chart = SparklineChart(
            values: values, range: 0...1, title: title, summary: description, emptyText: "–", width: 120, height: 32)
        return box(chart.svg(id: id), cls: "sparkline")
    }

    static func quadrant(
        _ dots: [QuadrantChart.Dot], id: String, title: String, description: String, xTitle: String, yTitle: String,
        xLine: Double, yLine: Double, captions: [String], format: @escaping (Double) -> String
    ) -> HTMLNode {
        let xDomain = zoomed(dots.map { $0.xInterval?.lowerBound ?? $0.x } + [xLine])
        let yDomain = zoomed(dots.map { $0.yInterval?.lowerBound ?? $0.y } + [yLine])
        return dual(id) { width, id in
            QuadrantChart(
                dots: dots, xThreshold: xLine, yThreshold: yLine,
                captions: .init(
                    topLeft: captions[0], topRight: captions[1], bottomLeft: captions[2], bottomRight: captions[3]),
                xDomain: xDomain, yDomain: yDomain, xTitle: xTitle, yTitle: yTitle, format: format, title: title,
                summary: description, emptyText: "–", width: width
            ).svg(id: id)
        }
    }

    static func bars(_ bars: [BarChart.Bar], id: String, title: String, description: String) -> HTMLNode {
        dual(id) { width, id in
            BarChart(bars: bars, title: title, summary: description, emptyText: "–", width: width).svg(id: id)
        }
    }

    /// A heatmap drawn twice: as given for wide screens, transposed (rows become columns) for a
    /// phone, where 24 hour columns would not fit; CSS shows one of them.
    static func heatmap(
        _ grid: Grid, id: String, title: String, description: String, higherIsBetter: Bool,
        legend: (worse: String, better: String), noData: String, flagged: String
    ) -> HTMLNode {
        func chart(_ transposed: Bool, width: Double) -> String {
            HeatmapChart(
                rowLabels: grid.rowLabels, columnLabels: grid.columnLabels,
                cells: grid.cells, higherIsBetter: higherIsBetter, format: { _ in "" },
                legendTitle: legend.worse + " → " + legend.better,
                noDataText: noData, flaggedText: flagged, transposed: transposed, title: title, summary: description,
                emptyText: noData, width: width
            ).svg(id: id + (width == narrowWidth ? "-narrow" : "-wide"))
        }
        // Many columns (hours) turn into rows on a phone.
        let many = grid.columnLabels.count > 8
        return H.group([
            box(chart(false, width: many ? 760 : wideWidth), cls: "chart-box wide-only"),
            box(chart(many, width: narrowWidth), cls: "chart-box narrow-only"),
        ])
    }

    static func control(
        _ charts: WeeklyCharts, id: String, title: String, description: String, weekLabel: (Date) -> String,
        format: @escaping (Double) -> String, s: Strings
    ) -> HTMLNode {
        // The chart works on standardised weekly values; it is drawn in the measure's own units,
        // each week scaled back by its own standard error (so limits widen in thin weeks).
        let points = charts.ewma.points
        let target = charts.target
        func raw(_ z: Double, _ k: Int) -> Double {
            target.centre + z * target.standardError(count: charts.points[k].count)
        }
        let samples = points.map {
            ControlChartSVG.Sample(
                label: weekLabel(charts.weekStarts[$0.index]), value: raw($0.statistic, $0.index),
                signal: $0.signal != nil)
        }
        let lower = points.map { raw($0.lowerLimit, $0.index) }
        let upper = points.map { raw($0.upperLimit, $0.index) }
        let weekly = points.map { charts.points[$0.index].value }
        return dual(id) { width, id in
            ControlChartSVG(
                samples: samples, centre: target.centre, lower: lower, upper: upper, raw: weekly, format: format,
                xTitle: s.weekColumn,
                yTitle: nil,
                legend: .init(
                    statistic: s.ewmaColumn, raw: s.weeklyValue, limits: s.controlLimits, centre: s.baselineLevel,
                    signal: s.signalColumn), title: title, summary: description, emptyText: s.notEnoughWeeks,
                width: width
            ).svg(id: id)
        }
    }

    static func histogram(
        _ d: LoyaltySummary.ValueDistribution, id: String, title: String, description: String,
        format: @escaping (Double) -> String, s: Strings
    ) -> HTMLNode {
        // The open last bin is drawn as wide as the others; the table says "and more".
        let step = d.bins.first.map { ($0.upper ?? $0.lower + 1) - $0.lower } ?? 1
        let bins = d.bins.map {
            HistogramChart.Bin(lower: $0.lower, upper: $0.upper ?? $0.lower + step, count: $0.count)
        }
        return dual(id) { width, id in
            HistogramChart(
                bins: bins, markers: [.init(value: d.median, label: s.medianWord)], format: format,
                xTitle: s.lifetimeValueColumn, yTitle: s.customersColumn, title: title, summary: description,
                emptyText: s.notEnoughData, width: width
            ).svg(id: id)
        }
    }
}
