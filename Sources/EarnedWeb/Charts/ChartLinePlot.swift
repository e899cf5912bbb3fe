import Foundation

/// The engine behind `ControlChartSVG` and `TrendChart`: a series over periods with gaps, a shaded
/// band (control limits or an interval), a centre or reference line, light raw dots, signal
/// diamonds, axes and a legend.
struct ChartLinePlot {
    enum Key {
        case line, dots, band, centre, signal, reference
    }

    var kind: String
    var labels: [String]
    var values: [Double?]
    var signals: [Bool] = []
    var raw: [Double?] = []
    var lower: [Double?] = []
    var upper: [Double?] = []
    var centre: Double?
    var reference: Double?
    var domain: ClosedRange<Double>?
    var format: (Double) -> String
    var xTitle: String?
    var yTitle: String?
    var legend: [(key: Key, text: String)] = []
    var title: String
    var summary: String
    var emptyText: String
    var width: Double

    private static let margin = 8.0
    static let signalMark = "!"

    private func hasBand(_ index: Int) -> Bool {
        ChartGeometry.finite(lower, index) != nil && ChartGeometry.finite(upper, index) != nil
    }

    func svg(id: String) -> String {
        let count = max(values.count, raw.count, labels.count)
        let present = (0..<count).filter {
            ChartGeometry.finite(values, $0) != nil || ChartGeometry.finite(raw, $0) != nil
        }
        guard !present.isEmpty else {
            return ChartSVG.empty(
                id: id, kind: kind, width: width, height: 120, title: title, summary: summary, text: emptyText)
        }
        let m = Self.margin
        let small = ChartSVG.smallFontSize
        let (yDomain, ticks) = valueAxis(count: count)
        let tickWidth = ChartAxes.labelWidth(ticks: ticks, format: format)
        let plotLeft = m + tickWidth + 6
        let plotRight = width - m
        let plotTop = yTitle == nil ? 12.0 : 30
        let plotHeight = min(max(width * 0.45, 160), 260)
        let plotBottom = plotTop + plotHeight
        let step = (plotRight - plotLeft) / Double(max(count, 1))
        let x = { (index: Int) in plotLeft + step * (Double(index) + 0.5) }
        let y = ChartLinearMap(domain: yDomain, from: plotBottom, to: plotTop)

        var legendBox = legendBlock()
        legendBox.size = small
        var cursor = plotBottom + (labels.isEmpty ? 6 : 26)
        let xTitleY = cursor + 2
        if xTitle != nil { cursor += 18 }
        let legendTop = cursor + 4
        let height = legendTop + legendBox.height(left: m, right: width - m) + 4

        var out = ChartSVG.open(id: id, kind: kind, width: width, height: height, title: title, summary: summary)
        if let yTitle {
            out += ChartAxes.title(yTitle, x: m, y: 10, maxWidth: width - 2 * m)
        }
        out += ChartAxes.y(ticks: ticks, map: y, left: plotLeft, right: plotRight, format: format)

        for run in ChartGeometry.runs(count: count, where: hasBand) {
            let top = run.map { (x($0), y(upper[$0]!)) }
            let bottom = run.map { (x($0), y(lower[$0]!)) }
            // A lone period gets a band as wide as its slot so it still reads as a band.
            let widen = { (points: [(Double, Double)]) in
                points.count == 1
                    ? [(points[0].0 - step / 2, points[0].1), (points[0].0 + step / 2, points[0].1)] : points
            }
            out += "<polygon class=\"band\" points=\"\(ChartGeometry.band(upper: widen(top), lower: widen(bottom)))\""
            out += " fill=\"\(ChartPalette.skyBlue)\" fill-opacity=\"0.3\" stroke=\"\(ChartPalette.skyBlue)\""
            out += " stroke-width=\"1\"/>"
        }
        if let centre, centre.isFinite {
            out += ChartSVG.line(
                x1: plotLeft, y1: y(centre), x2: plotRight, y2: y(centre), stroke: ChartSVG.muted, width: 1.5,
                className: "centre")
        }
        if let reference, reference.isFinite {
            out += ChartSVG.line(
                x1: plotLeft, y1: y(reference), x2: plotRight, y2: y(reference), stroke: ChartSVG.ink, width: 1.5,
                dash: "5 3", className: "reference")
        }
        if !raw.isEmpty {
            out += "<g class=\"raw\">"
            for index in 0..<count {
                guard let value = ChartGeometry.finite(raw, index) else { continue }
                out += "<circle cx=\"\(ChartSVG.num(x(index)))\" cy=\"\(ChartSVG.num(y(value)))\" r=\"2.5\""
                out += " fill=\"#8C959F\" fill-opacity=\"0.8\"/>"
            }
            out += "</g>"
        }

        let runs = ChartGeometry.runs(count: count) { ChartGeometry.finite(values, $0) != nil }
        let d = ChartGeometry.path(runs.map { run in run.map { (x($0), y(values[$0]!)) } })
        if !d.isEmpty {
            out += "<path class=\"line\" d=\"\(d)\" fill=\"none\" stroke=\"\(ChartPalette.blue)\" stroke-width=\"2\""
            out += " stroke-linejoin=\"round\"/>"
        }
        out += "<g class=\"points\">"
        for index in 0..<count {
            guard let value = ChartGeometry.finite(values, index) else { continue }
            let px = x(index)
            let py = y(value)
            let label = index < labels.count ? labels[index] : ""
            let hover = H.escape(label.isEmpty ? format(value) : "\(label): \(format(value))")
            if index < signals.count && signals[index] {
                out += "<g class=\"signal\"><title>\(hover)</title>"
                out += "<polygon points=\"\(ChartGeometry.diamond(x: px, y: py, r: 6.5))\""
                out += " fill=\"\(ChartPalette.vermillion)\" stroke=\"#000000\" stroke-width=\"1\"/>"
                // The mark goes above the diamond, or below it when the diamond touches the top.
                let markY = py - 16 < plotTop ? py + 16 : py - 16
                out += ChartSVG.text(
                    Self.signalMark, x: px, y: markY, size: ChartSVG.fontSize, anchor: "middle", weight: "700",
                    fill: ChartSVG.ink, className: "signal-mark")
                out += "</g>"
            } else {
                out += "<circle cx=\"\(ChartSVG.num(px))\" cy=\"\(ChartSVG.num(py))\" r=\"3\""
                out += " fill=\"\(ChartPalette.blue)\"><title>\(hover)</title></circle>"
            }
        }
        out += "</g>"
        out += ChartSVG.line(
            x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: ChartSVG.muted, width: 1,
            className: "x-baseline")
        if !labels.isEmpty {
            out += ChartAxes.x(
                labels: Array(labels.prefix(count)), positions: (0..<min(labels.count, count)).map(x),
                y: plotBottom + 18, maxLabelWidth: max(min(96, width / 3), 40), width: width)
        }
        if let xTitle {
            out += ChartAxes.title(
                xTitle, x: (plotLeft + plotRight) / 2, y: xTitleY + 10, maxWidth: width - 2 * m, anchor: "middle")
        }
        out += legendBox.render(left: m, right: width - m, top: legendTop)
        return out + ChartSVG.close
    }

    /// The value axis: the caller's domain, or one spanning every value, raw dot, limit and line.
    private func valueAxis(count: Int) -> (ClosedRange<Double>, [Double]) {
        if let domain, domain.lowerBound.isFinite, domain.upperBound.isFinite,
            domain.upperBound > domain.lowerBound
        {
            let ticks = ChartTicks.nice(domain.lowerBound, domain.upperBound).ticks
                .filter { domain.contains($0) }
            return (domain, ticks)
        }
        var all: [Double] = []
        for index in 0..<count {
            for series in [values, raw] {
                if let value = ChartGeometry.finite(series, index) { all.append(value) }
            }
            if hasBand(index) { all += [lower[index]!, upper[index]!] }
        }
        for line in [centre, reference] {
            if let line, line.isFinite { all.append(line) }
        }
        let nice = ChartTicks.nice(all.min() ?? 0, all.max() ?? 1)
        return (nice.domain, nice.ticks)
    }

    private func legendBlock() -> ChartLegend {
        var legend = ChartLegend()
        for (key, text) in self.legend where !text.isEmpty {
            switch key {
            case .line:
                legend.add(text, className: "legend-line", swatchWidth: 18) { x, y in
                    ChartSVG.line(x1: x, y1: y, x2: x + 18, y2: y, stroke: ChartPalette.blue, width: 2)
                        + "<circle cx=\"\(ChartSVG.num(x + 9))\" cy=\"\(ChartSVG.num(y))\" r=\"3\""
                        + " fill=\"\(ChartPalette.blue)\"/>"
                }
            case .dots:
                legend.add(text, className: "legend-dots", swatchWidth: 12) { x, y in
                    "<circle cx=\"\(ChartSVG.num(x + 6))\" cy=\"\(ChartSVG.num(y))\" r=\"2.5\" fill=\"#8C959F\"/>"
                }
            case .band:
                legend.add(text, className: "legend-band", swatchWidth: 18) { x, y in
                    "<rect x=\"\(ChartSVG.num(x))\" y=\"\(ChartSVG.num(y - 6))\" width=\"18\" height=\"12\""
                        + " fill=\"\(ChartPalette.skyBlue)\" fill-opacity=\"0.3\" stroke=\"\(ChartPalette.skyBlue)\"/>"
                }
            case .centre:
                legend.add(text, className: "legend-centre", swatchWidth: 18) { x, y in
                    ChartSVG.line(x1: x, y1: y, x2: x + 18, y2: y, stroke: ChartSVG.muted, width: 1.5)
                }
            case .reference:
                legend.add(text, className: "legend-reference", swatchWidth: 18) { x, y in
                    ChartSVG.line(x1: x, y1: y, x2: x + 18, y2: y, stroke: ChartSVG.ink, width: 1.5, dash: "5 3")
                }
            case .signal:
                legend.add(text, className: "legend-signal", swatchWidth: 24) { x, y in
                    "<polygon points=\"\(ChartGeometry.diamond(x: x + 7, y: y, r: 6.5))\""
                        + " fill=\"\(ChartPalette.vermillion)\" stroke=\"#000000\" stroke-width=\"1\"/>"
                        + ChartSVG.text(Self.signalMark, x: x + 20, y: y, anchor: "middle", weight: "700")
                }
            }
        }
        return legend
    }
}
