import Foundation

/// Horizontal bars compared with one another: a label, the value's bar, its interval as a whisker,
/// the value's text at the bar's end and an optional reference line (the team's figure, a mean).
///
/// From 420 units wide labels sit beside the bars (wrapped to two lines, then cut with "…");
/// narrower, each label takes its own line above its bar so a phone gets the whole width.
struct BarChart {
    struct Bar {
        var label: String
        var value: Double
        var lower: Double?
        var upper: Double?
        /// The value as the page writes it ("71 %", "1 234,50 ₽").
        var valueText: String
        var emphasis: Bool

        init(
            label: String, value: Double, lower: Double? = nil, upper: Double? = nil, valueText: String,
            emphasis: Bool = false
        ) {
            self.label = label
            self.value = value
            self.lower = lower
            self.upper = upper
            self.valueText = valueText
            self.emphasis = emphasis
        }
    }

    struct Reference {
        var value: Double
        var label: String
    }

    var bars: [Bar]
    var reference: Reference?
    /// The value span the bars are drawn against (e.g. 0…1 for shares); computed from the data when nil.
    var domain: ClosedRange<Double>?
    /// What the values measure, with the unit ("Promises kept on time, %").
    var axisLabel: String?
    var title: String
    var summary: String
    var emptyText: String
    var width: Double

    init(
        bars: [Bar], reference: Reference? = nil, domain: ClosedRange<Double>? = nil, axisLabel: String? = nil,
        title: String, summary: String, emptyText: String, width: Double = 480
    ) {
        self.bars = bars
        self.reference = reference
        self.domain = domain
        self.axisLabel = axisLabel
        self.title = title
        self.summary = summary
        self.emptyText = emptyText
        self.width = max(width, 200)
    }

    private static let barThickness = 18.0
    private static let lineHeight = 17.0
    private static let margin = 8.0
    /// Below this width labels go above their bars.
    static let besideMinimumWidth = 420.0

    func svg(id: String) -> String {
        let sid = ChartSVG.safeID(id)
        let shown = bars.filter { $0.value.isFinite }
        guard !shown.isEmpty else {
            return ChartSVG.empty(
                id: id, kind: "bar", width: width, height: 80, title: title, summary: summary, text: emptyText)
        }
        let size = ChartSVG.fontSize
        let m = Self.margin
        let beside = width >= Self.besideMinimumWidth
        let valueRoom = (shown.map { ChartText.width($0.valueText, size: size, bold: $0.emphasis) }.max() ?? 0) + 10

        // Labels: beside the bars in a column of at most 36 % of the width, or above them across it.
        let widest = shown.map { ChartText.width($0.label, size: size, bold: $0.emphasis) }.max() ?? 0
        let labelWidth = beside ? min(widest, width * 0.36) : width - 2 * m
        let labels = shown.map {
            ChartText.wrap($0.label, maxWidth: labelWidth, size: size, maxLines: 2, bold: $0.emphasis)
        }
        let plotLeft = beside ? m + labelWidth + 10 : m
        let plotRight = width - m - valueRoom
        let x = ChartLinearMap(domain: valueDomain(shown), from: plotLeft, to: plotRight)

        var top = 6.0
        let hasReference = reference.map { $0.value.isFinite } ?? false
        if hasReference { top += 22 }
        var rowTops: [Double] = []
        var rowHeights: [Double] = []
        var cursor = top
        for lines in labels {
            let labelBlock = Double(lines.count) * Self.lineHeight
            let height = beside ? max(Self.barThickness, labelBlock) + 12 : labelBlock + Self.barThickness + 14
            rowTops.append(cursor)
            rowHeights.append(height)
            cursor += height
        }
        let barsBottom = cursor
        let axisLabelLines = axisLabel.map {
            ChartText.wrap($0, maxWidth: width - 2 * m, size: ChartSVG.smallFontSize, maxLines: 2)
        }
        let height = barsBottom + (axisLabelLines.map { Double($0.count) * 17 + 8 } ?? 0) + 4

        var out = ChartSVG.open(id: id, kind: "bar", width: width, height: height, title: title, summary: summary)
        out += "<defs>"
        out += ChartSVG.hatch(
            id: "\(sid)-emphasis", background: ChartPalette.blue, stroke: "#FFFFFF", strokeOpacity: 0.5,
            spacing: 6, strokeWidth: 2)
        out += "</defs>"
        // The zero line the bars grow from.
        let zero = x(0)
        out += ChartSVG.line(
            x1: zero, y1: top, x2: zero, y2: barsBottom, stroke: ChartSVG.muted, width: 1, className: "baseline")

        var texts = ""
        for (index, bar) in shown.enumerated() {
            let rowTop = rowTops[index]
            let lines = labels[index]
            let barTop: Double
            if beside {
                barTop = rowTop + (rowHeights[index] - Self.barThickness) / 2
            } else {
                barTop = rowTop + Double(lines.count) * Self.lineHeight + 4
            }
            let centre = barTop + Self.barThickness / 2
            let end = x(bar.value)
            let left = min(zero, end)
            let barWidth = max(abs(end - zero), 1)
            out += "<g class=\"bar\(bar.emphasis ? " emphasis" : "")\">"
            out += "<title>\(H.escape(bar.label)): \(H.escape(bar.valueText))</title>"
            let fill = bar.emphasis ? "url(#\(sid)-emphasis)" : ChartPalette.skyBlue
            out += "<rect x=\"\(ChartSVG.num(left))\" y=\"\(ChartSVG.num(barTop))\" width=\"\(ChartSVG.num(barWidth))\""
            out += " height=\"\(ChartSVG.num(Self.barThickness))\" fill=\"\(fill)\""
            if bar.emphasis { out += " stroke=\"\(ChartPalette.blue)\" stroke-width=\"1\"" }
            out += "/>"
            var reach = max(end, zero)
            if let lower = bar.lower, let upper = bar.upper, lower.isFinite, upper.isFinite {
                let x1 = x(min(lower, upper))
                let x2 = x(max(lower, upper))
                reach = max(reach, x2)
                out += "<g class=\"interval\">"
                // A white halo keeps the whisker visible over the dark emphasised bar.
                for (stroke, strokeWidth) in [("#FFFFFF", 4.0), (ChartSVG.ink, 1.5)] {
                    out += ChartSVG.line(x1: x1, y1: centre, x2: x2, y2: centre, stroke: stroke, width: strokeWidth)
                    for cap in [x1, x2] {
                        out += ChartSVG.line(
                            x1: cap, y1: centre - 5, x2: cap, y2: centre + 5, stroke: stroke, width: strokeWidth)
                    }
                }
                out += "</g>"
            }
            out += "</g>"
            let weight: String? = bar.emphasis ? "700" : nil
            texts +=
                "<g class=\"bar-text\"><title>\(H.escape(bar.label)): \(H.escape(bar.valueText))</title>"
            texts += ChartSVG.text(
                bar.valueText, x: reach + 6, y: centre, size: size, weight: weight, className: "value", halo: true)
            let labelFull = ChartText.wasShortened(bar.label, into: lines) ? bar.label : nil
            for (lineIndex, line) in lines.enumerated() {
                let y: Double
                if beside {
                    y = centre + (Double(lineIndex) - Double(lines.count - 1) / 2) * Self.lineHeight
                } else {
                    y = rowTop + Self.lineHeight * (Double(lineIndex) + 0.5)
                }
                texts += ChartSVG.text(
                    line, x: beside ? m + labelWidth : m, y: y, size: size, anchor: beside ? "end" : "start",
                    weight: weight, className: "label", fullText: labelFull, halo: true)
            }
            texts += "</g>"
        }
        // The reference crosses the bars; the text drawn after it carries a white halo.
        if let reference, reference.value.isFinite {
            let rx = x(reference.value)
            out += "<g class=\"reference\">"
            out += ChartSVG.line(
                x1: rx, y1: top - 6, x2: rx, y2: barsBottom, stroke: ChartSVG.ink, width: 1.5, dash: "5 3")
            let labelMax = width - 2 * m
            let text = ChartText.truncate(reference.label, maxWidth: labelMax, size: ChartSVG.smallFontSize)
            let textWidth = ChartText.width(text, size: ChartSVG.smallFontSize)
            let cx = min(max(rx, m + textWidth / 2), width - m - textWidth / 2)
            out += ChartSVG.text(
                text, x: cx, y: top - 17, size: ChartSVG.smallFontSize, anchor: "middle",
                fullText: text == reference.label ? nil : reference.label, halo: true)
            out += "</g>"
        }
        out += texts

        if let axisLabelLines, let axisLabel {
            let shortened = ChartText.wasShortened(axisLabel, into: axisLabelLines)
            for (index, line) in axisLabelLines.enumerated() {
                out += ChartSVG.text(
                    line, x: m, y: barsBottom + 14 + Double(index) * 17, size: ChartSVG.smallFontSize,
                    fill: ChartSVG.muted, className: "axis-title", fullText: shortened ? axisLabel : nil)
            }
        }
        return out + ChartSVG.close
    }

    private func valueDomain(_ shown: [Bar]) -> ClosedRange<Double> {
        if let domain, domain.lowerBound.isFinite, domain.upperBound.isFinite,
            domain.upperBound > domain.lowerBound
        {
            return domain
        }
        var all = [0.0]
        for bar in shown {
            all.append(bar.value)
            if let lower = bar.lower, lower.isFinite { all.append(lower) }
            if let upper = bar.upper, upper.isFinite { all.append(upper) }
        }
        if let reference, reference.value.isFinite { all.append(reference.value) }
        let lo = all.min() ?? 0
        let hi = all.max() ?? 1
        return hi > lo ? lo...hi : lo...(lo + 1)
    }
}
