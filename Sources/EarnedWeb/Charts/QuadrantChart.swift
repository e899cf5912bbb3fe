import Foundation

/// Two shares against each other (x: reliability, y: liked service, both 0…1) split by threshold
/// lines into four quadrants with a caption in each corner ("reliable and liked: potential
/// loyalty"); each point may carry error bars and is labelled beside itself, never off the chart.
struct QuadrantChart {
    struct Dot {
        var label: String
        var x: Double
        var y: Double
        var xInterval: ClosedRange<Double>?
        var yInterval: ClosedRange<Double>?
        var emphasis: Bool

        init(
            label: String, x: Double, y: Double, xInterval: ClosedRange<Double>? = nil,
            yInterval: ClosedRange<Double>? = nil, emphasis: Bool = false
        ) {
            self.label = label
            self.x = x
            self.y = y
            self.xInterval = xInterval
            self.yInterval = yInterval
            self.emphasis = emphasis
        }
    }

    struct Captions {
        var topLeft: String
        var topRight: String
        var bottomLeft: String
        var bottomRight: String
    }

    var dots: [Dot]
    var xThreshold: Double
    var yThreshold: Double
    var captions: Captions
    /// The shares' span on each axis; 0…1 unless the page zooms in (e.g. 0.4…1).
    var xDomain: ClosedRange<Double>
    var yDomain: ClosedRange<Double>
    var xTitle: String
    var yTitle: String
    /// Writes the 0…1 ticks and hover values ("50 %").
    var format: (Double) -> String
    var title: String
    var summary: String
    var emptyText: String
    var width: Double

    init(
        dots: [Dot], xThreshold: Double, yThreshold: Double, captions: Captions, xDomain: ClosedRange<Double> = 0...1,
        yDomain: ClosedRange<Double> = 0...1, xTitle: String, yTitle: String, format: @escaping (Double) -> String,
        title: String, summary: String, emptyText: String, width: Double = 480
    ) {
        self.dots = dots
        self.xThreshold = xThreshold
        self.yThreshold = yThreshold
        self.captions = captions
        self.xDomain = Self.usable(xDomain)
        self.yDomain = Self.usable(yDomain)
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.format = format
        self.title = title
        self.summary = summary
        self.emptyText = emptyText
        self.width = max(width, 240)
    }

    private struct Box {
        var left, top, right, bottom: Double

        func overlap(_ other: Box) -> Double {
            max(0, min(right, other.right) - max(left, other.left))
                * max(0, min(bottom, other.bottom) - max(top, other.top))
        }

        func padded(_ by: Double) -> Box {
            Box(left: left - by, top: top - by, right: right + by, bottom: bottom + by)
        }

        func inside(_ other: Box) -> Bool {
            left >= other.left && right <= other.right && top >= other.top && bottom <= other.bottom
        }
    }

    private struct Placement {
        var x: Double
        var y: Double
        var anchor: String
        var box: Box
    }

    private static let margin = 8.0

    private static func usable(_ domain: ClosedRange<Double>) -> ClosedRange<Double> {
        domain.lowerBound.isFinite && domain.upperBound.isFinite && domain.upperBound > domain.lowerBound
            ? domain : 0...1
    }

    /// Ticks inside `domain`: quarters (or halves when narrow) of 0…1, nice steps otherwise.
    private func ticks(_ domain: ClosedRange<Double>, wide: Bool) -> [Double] {
        if domain == 0...1 { return wide ? [0, 0.25, 0.5, 0.75, 1] : [0, 0.5, 1] }
        return ChartTicks.nice(domain.lowerBound, domain.upperBound, maxCount: wide ? 5 : 4).ticks
            .filter { domain.contains($0) }
    }

    func svg(id: String) -> String {
        let shown = dots.filter { $0.x.isFinite && $0.y.isFinite }
        guard !shown.isEmpty else {
            return ChartSVG.empty(
                id: id, kind: "quadrant", width: width, height: 120, title: title, summary: summary,
                text: emptyText)
        }
        let m = Self.margin
        let small = ChartSVG.smallFontSize
        let xTicks = ticks(xDomain, wide: width >= 400)
        let yTicks = ticks(yDomain, wide: true)
        let plotLeft = m + ChartAxes.labelWidth(ticks: yTicks, format: format) + 6
        let plotRight = width - m
        let plotWidth = plotRight - plotLeft
        let x = ChartLinearMap(domain: xDomain, from: plotLeft, to: plotRight)
        let tx = x(xThreshold.isFinite ? xThreshold : (xDomain.lowerBound + xDomain.upperBound) / 2)

        // Captions sit in the corners of their quadrants, wrapped to three lines inside their own
        // quadrant (a caption crossing a threshold reads as the neighbour's), cut with "…" and
        // whole on hover. They get strips of their own at the top and bottom of the frame where no
        // data is drawn, so a point in a corner (98 %, 97 %) can never hide its quadrant's caption.
        let corners: [(text: String, isLeft: Bool, isTop: Bool, lines: [String])] = [
            (captions.topLeft, true, true), (captions.topRight, false, true),
            (captions.bottomLeft, true, false), (captions.bottomRight, false, false),
        ].map { text, isLeft, isTop in
            let quadrantWidth = isLeft ? tx - plotLeft : plotRight - tx
            let lines =
                text.isEmpty
                ? [] : ChartText.wrap(text, maxWidth: max(quadrantWidth - 12, 30), size: small, maxLines: 3)
            return (text, isLeft, isTop, lines)
        }
        let strip = { (top: Bool) in
            let lines = corners.filter { $0.isTop == top }.map(\.lines.count).max() ?? 0
            // The caption block plus the largest point's radius and a little air.
            return lines == 0 ? 0 : Double(lines) * 16 + 12
        }
        let topStrip = strip(true)
        let bottomStrip = strip(false)
        let plotTop = 28.0
        let dataHeight = min(plotWidth * 0.75, 320)
        let plotBottom = plotTop + topStrip + dataHeight + bottomStrip
        let height = plotBottom + 48
        let y = ChartLinearMap(domain: yDomain, from: plotBottom - bottomStrip, to: plotTop + topStrip)
        let plot = Box(left: plotLeft, top: plotTop, right: plotRight, bottom: plotBottom)

        var out = ChartSVG.open(
            id: id, kind: "quadrant", width: width, height: height, title: title, summary: summary)
        out += "<rect class=\"frame\" x=\"\(ChartSVG.num(plotLeft))\" y=\"\(ChartSVG.num(plotTop))\""
        out += " width=\"\(ChartSVG.num(plotWidth))\" height=\"\(ChartSVG.num(plotBottom - plotTop))\""
        out += " fill=\"none\" stroke=\"\(ChartSVG.grid)\" stroke-width=\"1\"/>"
        out += ChartAxes.title(yTitle, x: m, y: 10, maxWidth: width - 2 * m)
        out += ChartAxes.y(ticks: yTicks, map: y, left: plotLeft, right: plotRight, format: format)
        out += "<g class=\"x-axis\">"
        for tick in xTicks {
            let text = format(tick)
            let w = ChartText.width(text, size: small)
            let px = x(tick)
            out += ChartSVG.line(x1: px, y1: plotTop, x2: px, y2: plotBottom, stroke: ChartSVG.grid, width: 1)
            out += ChartSVG.text(
                text, x: min(max(px, w / 2 + 1), width - w / 2 - 1), y: plotBottom + 14, size: small,
                anchor: "middle", fill: ChartSVG.muted, className: "tick")
        }
        out += "</g>"
        out += ChartAxes.title(
            xTitle, x: (plotLeft + plotRight) / 2, y: plotBottom + 36, maxWidth: width - 2 * m, anchor: "middle")

        let ty = y(yThreshold.isFinite ? yThreshold : (yDomain.lowerBound + yDomain.upperBound) / 2)
        out += "<g class=\"thresholds\">"
        out += ChartSVG.line(x1: tx, y1: plotTop, x2: tx, y2: plotBottom, stroke: ChartSVG.ink, width: 1.5, dash: "5 3")
        out += ChartSVG.line(
            x1: plotLeft, y1: ty, x2: plotRight, y2: ty, stroke: ChartSVG.ink, width: 1.5, dash: "5 3")
        out += "</g>"

        var taken: [Box] = []
        out += "<g class=\"captions\">"
        for corner in corners where !corner.lines.isEmpty {
            let lines = corner.lines
            let shortened = ChartText.wasShortened(corner.text, into: lines)
            let blockWidth = lines.map { ChartText.width($0, size: small, bold: true) }.max() ?? 0
            let firstY = corner.isTop ? plotTop + 11 : plotBottom - 11 - 16 * Double(lines.count - 1)
            let cx = corner.isLeft ? plotLeft + 6 : plotRight - 6
            taken.append(
                Box(
                    left: corner.isLeft ? cx : cx - blockWidth, top: firstY - 8,
                    right: corner.isLeft ? cx + blockWidth : cx, bottom: firstY + 16 * Double(lines.count - 1) + 8))
            for (index, line) in lines.enumerated() {
                out += ChartSVG.text(
                    line, x: cx, y: firstY + 16 * Double(index), size: small, anchor: corner.isLeft ? "start" : "end",
                    weight: "700", fill: ChartSVG.muted, className: "caption",
                    fullText: shortened ? corner.text : nil, halo: true)
            }
        }
        out += "</g>"

        // Error bars under the points.
        out += "<g class=\"intervals\">"
        for dot in shown {
            let px = x(dot.x)
            let py = y(dot.y)
            if let interval = dot.xInterval, interval.lowerBound.isFinite, interval.upperBound.isFinite {
                let x1 = x(interval.lowerBound)
                let x2 = x(interval.upperBound)
                out += ChartSVG.line(x1: x1, y1: py, x2: x2, y2: py, stroke: ChartSVG.muted, width: 1.25)
                for cap in [x1, x2] {
                    out += ChartSVG.line(x1: cap, y1: py - 4, x2: cap, y2: py + 4, stroke: ChartSVG.muted, width: 1.25)
                }
            }
            if let interval = dot.yInterval, interval.lowerBound.isFinite, interval.upperBound.isFinite {
                let y1 = y(interval.lowerBound)
                let y2 = y(interval.upperBound)
                out += ChartSVG.line(x1: px, y1: y1, x2: px, y2: y2, stroke: ChartSVG.muted, width: 1.25)
                for cap in [y1, y2] {
                    out += ChartSVG.line(x1: px - 4, y1: cap, x2: px + 4, y2: cap, stroke: ChartSVG.muted, width: 1.25)
                }
            }
        }
        out += "</g>"

        let radius = { (dot: Dot) in dot.emphasis ? 6.0 : 4.5 }
        // Obstacles for the labels: captions (above), every point, and the error bars (thin boxes).
        taken += shown.map { dot in
            let r = radius(dot) + 1
            return Box(left: x(dot.x) - r, top: y(dot.y) - r, right: x(dot.x) + r, bottom: y(dot.y) + r)
        }
        for dot in shown {
            if let interval = dot.xInterval, interval.lowerBound.isFinite, interval.upperBound.isFinite {
                taken.append(
                    Box(
                        left: x(interval.lowerBound), top: y(dot.y) - 2, right: x(interval.upperBound),
                        bottom: y(dot.y) + 2))
            }
            if let interval = dot.yInterval, interval.lowerBound.isFinite, interval.upperBound.isFinite {
                taken.append(
                    Box(
                        left: x(dot.x) - 2, top: y(interval.upperBound), right: x(dot.x) + 2,
                        bottom: y(interval.lowerBound)))
            }
        }
        out += "<g class=\"dots\">"
        for dot in shown {
            let px = x(dot.x)
            let py = y(dot.y)
            let r = radius(dot)
            let hover = "\(dot.label): \(xTitle) \(format(dot.x)), \(yTitle) \(format(dot.y))"
            out += "<g class=\"dot\(dot.emphasis ? " emphasis" : "")\"><title>\(H.escape(hover))</title>"
            out += "<circle cx=\"\(ChartSVG.num(px))\" cy=\"\(ChartSVG.num(py))\" r=\"\(ChartSVG.num(r))\""
            out +=
                dot.emphasis
                ? " fill=\"\(ChartPalette.blue)\" stroke=\"#000000\" stroke-width=\"1.5\"/>"
                : " fill=\"\(ChartPalette.skyBlue)\" stroke=\"\(ChartPalette.blue)\" stroke-width=\"1.25\"/>"
            out += "</g>"
        }

        // Labels: emphasised points first, each at the first of eight spots around its point that
        // stays in the plot and touches nothing placed so far, else at the in-plot spot touching least.
        var labelsOut = ""
        let order = shown.indices.sorted { shown[$0].emphasis && !shown[$1].emphasis }
        for index in order {
            let dot = shown[index]
            let px = x(dot.x)
            let py = y(dot.y)
            let r = radius(dot)
            let bold = dot.emphasis
            let text = ChartText.truncate(dot.label, maxWidth: min(plotWidth * 0.45, 170), size: small, bold: bold)
            let w = ChartText.width(text, size: small, bold: bold)
            let gap = r + 4
            let diagonal = r * 0.7 + 4
            let spots: [(dx: Double, dy: Double, anchor: String)] = [
                (gap, 0, "start"), (diagonal, -(diagonal + 8), "start"), (diagonal, diagonal + 8, "start"),
                (-gap, 0, "end"), (-diagonal, -(diagonal + 8), "end"), (-diagonal, diagonal + 8, "end"),
                (0, -(r + 11), "middle"), (0, r + 11, "middle"),
            ]
            let candidates = spots.map { spot -> Placement in
                let lx = px + spot.dx
                let ly = py + spot.dy
                let left = spot.anchor == "start" ? lx : spot.anchor == "end" ? lx - w : lx - w / 2
                return Placement(
                    x: lx, y: ly, anchor: spot.anchor,
                    box: Box(left: left, top: ly - 8, right: left + w, bottom: ly + 8))
            }
            let cost = { (placement: Placement) in
                taken.reduce(0) { $0 + $1.overlap(placement.box.padded(2)) }
            }
            let inPlot = candidates.filter { $0.box.inside(plot) }
            let choice =
                inPlot.first { cost($0) == 0 } ?? inPlot.min { cost($0) < cost($1) }
                ?? clamped(candidates[0], width: w, plot: plot)
            taken.append(choice.box)
            labelsOut += ChartSVG.text(
                text, x: choice.x, y: choice.y, size: small, anchor: choice.anchor, weight: bold ? "700" : nil,
                className: "label", fullText: text == dot.label ? nil : dot.label, halo: true)
        }
        out += "</g><g class=\"labels\">" + labelsOut + "</g>"
        return out + ChartSVG.close
    }

    /// A label that fits nowhere beside its point: shifted to lie inside the plot.
    private func clamped(_ candidate: Placement, width w: Double, plot: Box) -> Placement {
        let left = min(max(candidate.box.left, plot.left), plot.right - w)
        let cy = min(max(candidate.y, plot.top + 8), plot.bottom - 8)
        return Placement(
            x: left, y: cy, anchor: "start", box: Box(left: left, top: cy - 8, right: left + w, bottom: cy + 8))
    }
}
