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
    var xTitle: String
    var yTitle: String
    /// Writes the 0…1 ticks and hover values ("50 %").
    var format: (Double) -> String
    var title: String
    var summary: String
    var emptyText: String
    var width: Double

    init(
        dots: [Dot], xThreshold: Double, yThreshold: Double, captions: Captions, xTitle: String, yTitle: String,
        format: @escaping (Double) -> String, title: String, summary: String, emptyText: String, width: Double = 480
    ) {
        self.dots = dots
        self.xThreshold = xThreshold
        self.yThreshold = yThreshold
        self.captions = captions
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

        func inside(_ other: Box) -> Bool {
            left >= other.left && right <= other.right && top >= other.top && bottom <= other.bottom
        }
    }

    private static let margin = 8.0

    func svg(id: String) -> String {
        let shown = dots.filter { $0.x.isFinite && $0.y.isFinite }
        guard !shown.isEmpty else {
            return ChartSVG.empty(
                id: id, kind: "quadrant", width: width, height: 120, title: title, summary: summary,
                text: emptyText)
        }
        let m = Self.margin
        let small = ChartSVG.smallFontSize
        let ticks = width >= 400 ? [0, 0.25, 0.5, 0.75, 1] : [0, 0.5, 1]
        let plotLeft = m + ChartAxes.labelWidth(ticks: ticks, format: format) + 6
        let plotRight = width - m
        let plotTop = 28.0
        let plotWidth = plotRight - plotLeft
        let plotHeight = min(plotWidth * 0.85, 360)
        let plotBottom = plotTop + plotHeight
        let height = plotBottom + 48
        let x = ChartLinearMap(domain: 0...1, from: plotLeft, to: plotRight)
        let y = ChartLinearMap(domain: 0...1, from: plotBottom, to: plotTop)
        let plot = Box(left: plotLeft, top: plotTop, right: plotRight, bottom: plotBottom)

        var out = ChartSVG.open(
            id: id, kind: "quadrant", width: width, height: height, title: title, summary: summary)
        out += ChartAxes.title(yTitle, x: m, y: 10, maxWidth: width - 2 * m)
        out += ChartAxes.y(ticks: ticks, map: y, left: plotLeft, right: plotRight, format: format)
        out += "<g class=\"x-axis\">"
        for tick in ticks {
            let text = format(tick)
            let w = ChartText.width(text, size: small)
            let tx = x(tick)
            out += ChartSVG.line(x1: tx, y1: plotTop, x2: tx, y2: plotBottom, stroke: ChartSVG.grid, width: 1)
            out += ChartSVG.text(
                text, x: min(max(tx, w / 2 + 1), width - w / 2 - 1), y: plotBottom + 14, size: small,
                anchor: "middle", fill: ChartSVG.muted, className: "tick")
        }
        out += "</g>"
        out += ChartAxes.title(
            xTitle, x: (plotLeft + plotRight) / 2, y: plotBottom + 36, maxWidth: width - 2 * m, anchor: "middle")

        let tx = x(xThreshold.isFinite ? xThreshold : 0.5)
        let ty = y(yThreshold.isFinite ? yThreshold : 0.5)
        out += "<g class=\"thresholds\">"
        out += ChartSVG.line(x1: tx, y1: plotTop, x2: tx, y2: plotBottom, stroke: ChartSVG.ink, width: 1.5, dash: "5 3")
        out += ChartSVG.line(
            x1: plotLeft, y1: ty, x2: plotRight, y2: ty, stroke: ChartSVG.ink, width: 1.5, dash: "5 3")
        out += "</g>"

        // Captions in the four corners, wrapped to two lines inside their quadrant.
        var taken: [Box] = []
        out += "<g class=\"captions\">"
        let corners: [(String, Bool, Bool, Double)] = [
            (captions.topLeft, true, true, tx - plotLeft), (captions.topRight, false, true, plotRight - tx),
            (captions.bottomLeft, true, false, tx - plotLeft), (captions.bottomRight, false, false, plotRight - tx),
        ]
        for (caption, isLeft, isTop, quadrantWidth) in corners where !caption.isEmpty {
            let maxWidth = max(quadrantWidth - 12, 24)
            let lines = ChartText.wrap(caption, maxWidth: maxWidth, size: small, maxLines: 2)
            let shortened = ChartText.wasShortened(caption, into: lines)
            let blockWidth = lines.map { ChartText.width($0, size: small) }.max() ?? 0
            let firstY = isTop ? plotTop + 12 : plotBottom - 10 - 16 * Double(lines.count - 1)
            let cx = isLeft ? plotLeft + 6 : plotRight - 6
            taken.append(
                Box(
                    left: isLeft ? cx : cx - blockWidth, top: firstY - 8, right: isLeft ? cx + blockWidth : cx,
                    bottom: firstY + 16 * Double(lines.count - 1) + 8))
            for (index, line) in lines.enumerated() {
                out += ChartSVG.text(
                    line, x: cx, y: firstY + 16 * Double(index), size: small, anchor: isLeft ? "start" : "end",
                    weight: "600", fill: ChartSVG.muted, className: "caption", fullText: shortened ? caption : nil)
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
        taken += shown.map { dot in
            let r = radius(dot) + 1
            return Box(left: x(dot.x) - r, top: y(dot.y) - r, right: x(dot.x) + r, bottom: y(dot.y) + r)
        }
        out += "<g class=\"dots\">"
        var labelsOut = ""
        for dot in shown {
            let px = x(dot.x)
            let py = y(dot.y)
            let r = radius(dot)
            let hover = "\(dot.label): \(xTitle) \(format(dot.x)), \(yTitle) \(format(dot.y))"
            out += "<g class=\"dot\(dot.emphasis ? " emphasis" : "")\"><title>\(ChartSVG.escape(hover))</title>"
            out += "<circle cx=\"\(ChartSVG.num(px))\" cy=\"\(ChartSVG.num(py))\" r=\"\(ChartSVG.num(r))\""
            out +=
                dot.emphasis
                ? " fill=\"\(ChartPalette.blue)\" stroke=\"#000000\" stroke-width=\"1.5\"/>"
                : " fill=\"\(ChartPalette.skyBlue)\" stroke=\"\(ChartPalette.blue)\" stroke-width=\"1.25\"/>"
            out += "</g>"

            let text = ChartText.truncate(
                dot.label, maxWidth: min(plotWidth * 0.45, 170), size: small, bold: dot.emphasis)
            let w = ChartText.width(text, size: small, bold: dot.emphasis)
            let candidates: [(x: Double, y: Double, anchor: String, box: Box)] = [
                (px + r + 4, py, "start", Box(left: px + r + 4, top: py - 8, right: px + r + 4 + w, bottom: py + 8)),
                (px - r - 4, py, "end", Box(left: px - r - 4 - w, top: py - 8, right: px - r - 4, bottom: py + 8)),
                (
                    px, py - r - 11, "middle",
                    Box(left: px - w / 2, top: py - r - 19, right: px + w / 2, bottom: py - r - 3)
                ),
                (
                    px, py + r + 11, "middle",
                    Box(left: px - w / 2, top: py + r + 3, right: px + w / 2, bottom: py + r + 19)
                ),
            ]
            let inBounds = candidates.filter { $0.box.inside(plot) }
            let choice =
                inBounds.min { a, b in
                    taken.reduce(0) { $0 + $1.overlap(a.box) } < taken.reduce(0) { $0 + $1.overlap(b.box) }
                }
                ?? clamped(candidates[0], width: w, plot: plot)
            taken.append(choice.box)
            // A white outline keeps the label readable where it crosses a threshold or grid line.
            labelsOut += ChartSVG.text(
                text, x: choice.x, y: choice.y, size: small, anchor: choice.anchor,
                weight: dot.emphasis ? "700" : nil, className: "label", fullText: text == dot.label ? nil : dot.label
            )
            .replacingOccurrences(
                of: "<text ", with: "<text stroke=\"#FFFFFF\" stroke-width=\"3\" paint-order=\"stroke\" ")
        }
        out += "</g><g class=\"labels\">" + labelsOut + "</g>"
        return out + ChartSVG.close
    }

    /// A label that fits nowhere beside its point: shifted to lie inside the plot.
    private func clamped(
        _ candidate: (x: Double, y: Double, anchor: String, box: Box), width w: Double, plot: Box
    ) -> (x: Double, y: Double, anchor: String, box: Box) {
        let left = min(max(candidate.box.left, plot.left), plot.right - w)
        let cy = min(max(candidate.y, plot.top + 8), plot.bottom - 8)
        return (left, cy, "start", Box(left: left, top: cy - 8, right: left + w, bottom: cy + 8))
    }
}
