import EarnedAnalytics
import Foundation

/// The dashboards' charts: page data turned into the SVG charts of `Charts/`, each in a box
/// that scales to its column. Every chart carries its own title and description; the numbers
/// sit beside it as a table (the pages add those).
enum DashboardCharts {
    /// A grid of slots for a heatmap: nil cells have too few records.
    struct Grid: Sendable {
        var rowLabels: [String]
        var columnLabels: [String]
        var rowTitle: String
        var columnTitle: String
        var cells: [[GridCell?]]
    }

    struct GridCell: Sendable {
        var value: Double
        var text: String
        var count: Int
        var flagged: Bool
    }

    struct QuadrantPoint: Sendable {
        var label: String
        var x: Double
        var y: Double
        var xLower: Double
        var xUpper: Double
        var yLower: Double
        var yUpper: Double
        var emphasis: Bool
    }

    struct BarItem: Sendable {
        var label: String
        var value: Double
        var valueText: String
        var emphasis: Bool
    }

    static func box(_ svg: String, cls: String = "chart-box") -> HTMLNode {
        H.el("div", [("class", cls)], [.raw(svg)])
    }

    static func sparkline(_ values: [Double?], id: String, title: String, description: String) -> HTMLNode {
        let chart = SparklineChart(
            values: values, range: 0...1, title: title, summary: description, emptyText: "–", width: 120, height: 32)
        return box(chart.svg(id: id), cls: "sparkline")
    }

    static func quadrant(
        _ points: [QuadrantPoint], id: String, title: String, description: String, xTitle: String, yTitle: String,
        xLine: Double, yLine: Double, captions: [String], format: @escaping (Double) -> String
    ) -> HTMLNode {
        let chart = QuadrantChart(
            dots: points.map {
                .init(
                    label: $0.label, x: $0.x, y: $0.y, xInterval: $0.xLower...$0.xUpper,
                    yInterval: $0.yLower...$0.yUpper, emphasis: $0.emphasis)
            }, xThreshold: xLine, yThreshold: yLine,
            captions: .init(
                topLeft: captions[0], topRight: captions[1], bottomLeft: captions[2], bottomRight: captions[3]),
            xTitle: xTitle, yTitle: yTitle, format: format, title: title, summary: description, emptyText: "–")
        return box(chart.svg(id: id))
    }

    static func bars(_ items: [BarItem], id: String, title: String, description: String) -> HTMLNode {
        let chart = BarChart(
            bars: items.map { .init(label: $0.label, value: $0.value, valueText: $0.valueText, emphasis: $0.emphasis) },
            title: title, summary: description, emptyText: "–")
        return box(chart.svg(id: id))
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
                cells: grid.cells.map { row in
                    row.map { c in
                        c.map { HeatmapCell(value: $0.value, text: $0.text, count: $0.count, flagged: $0.flagged) }
                    }
                }, higherIsBetter: higherIsBetter, format: { _ in "" },
                legendTitle: legend.worse + " → " + legend.better,
                noDataText: noData, flaggedText: flagged, transposed: transposed, title: title, summary: description,
                emptyText: noData, width: width
            ).svg(id: id + (transposed ? "-narrow" : "-wide"))
        }
        let wide = grid.columnLabels.count > 8
        return H.group([
            box(chart(false, width: wide ? 760 : 480), cls: wide ? "chart-box wide-only" : "chart-box"),
            wide ? box(chart(true, width: 400), cls: "chart-box narrow-only") : H.empty,
        ])
    }

    static func control(
        _ charts: WeeklyCharts, id: String, title: String, description: String, weekLabel: (Date) -> String,
        format: @escaping (Double) -> String, s: Strings
    ) -> HTMLNode {
        let points = charts.ewma.points
        let chart = ControlChartSVG(
            samples: points.map {
                .init(label: weekLabel(charts.weekStarts[$0.index]), value: $0.statistic, signal: $0.signal != nil)
            }, centre: charts.ewma.centre, lower: points.map(\.lowerLimit), upper: points.map(\.upperLimit),
            raw: points.map(\.value), format: format, xTitle: s.weekColumn, yTitle: nil,
            legend: .init(
                statistic: s.ewmaColumn, raw: s.weeklyValue, limits: s.controlLimits, centre: s.baselineLevel,
                signal: s.signalColumn), title: title, summary: description, emptyText: s.notEnoughWeeks)
        return box(chart.svg(id: id))
    }

    static func histogram(
        _ d: LoyaltySummary.ValueDistribution, id: String, title: String, description: String,
        format: @escaping (Double) -> String, s: Strings
    ) -> HTMLNode {
        let chart = HistogramChart(
            // The open last bin is drawn as wide as the others; its label says "and more".
            bins: d.bins.map { b in
                .init(
                    lower: b.lower,
                    upper: b.upper ?? (b.lower + (d.bins.first.map { ($0.upper ?? 0) - $0.lower } ?? 1)),
                    count: b.count)
            },
            markers: [.init(value: d.median, label: s.medianWord), .init(value: d.mean, label: s.meanWord)],
            format: format, xTitle: s.lifetimeValueColumn, yTitle: s.customersColumn, title: title,
            summary: description, emptyText: s.notEnoughData)
        return box(chart.svg(id: id))
    }
}
