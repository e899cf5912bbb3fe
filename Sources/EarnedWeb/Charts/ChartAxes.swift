import Foundation

/// Axis pieces shared by the charts with a value axis.
enum ChartAxes {
    /// Horizontal grid lines across `left…right` with the caller-formatted tick labels right-aligned
    /// just left of `left`.
    static func y(ticks: [Double], map: ChartLinearMap, left: Double, right: Double, format: (Double) -> String)
        -> String
    {
        var out = "<g class=\"y-axis\">"
        for tick in ticks {
            let y = map(tick)
            out += ChartSVG.line(x1: left, y1: y, x2: right, y2: y, stroke: ChartSVG.grid, width: 1)
            out += ChartSVG.text(
                format(tick), x: left - 6, y: y, size: ChartSVG.smallFontSize, anchor: "end", fill: ChartSVG.muted,
                className: "tick")
        }
        return out + "</g>"
    }

    /// The widest caller-formatted tick label.
    static func labelWidth(ticks: [Double], format: (Double) -> String) -> Double {
        ticks.map { ChartText.width(format($0), size: ChartSVG.smallFontSize) }.max() ?? 0
    }

    /// An axis title written horizontally (a phone reader should not tilt their head), starting at
    /// `x`, cut with "…" at `maxWidth`.
    static func title(_ text: String, x: Double, y: Double, maxWidth: Double, anchor: String = "start") -> String {
        let shown = ChartText.truncate(text, maxWidth: maxWidth, size: ChartSVG.smallFontSize)
        return ChartSVG.text(
            shown, x: x, y: y, size: ChartSVG.smallFontSize, anchor: anchor, fill: ChartSVG.ink,
            className: "axis-title", fullText: shown == text ? nil : text)
    }

    /// Labels for evenly spaced positions: every `step`-th counted back from the last one (the
    /// latest period is the one people look for), centred and kept inside `0…width`.
    static func x(labels: [String], positions: [Double], y: Double, maxLabelWidth: Double, width: Double) -> String {
        guard !labels.isEmpty, labels.count == positions.count else { return "" }
        let spacing = positions.count > 1 ? abs(positions[1] - positions[0]) : maxLabelWidth + 8
        let widest = labels.map { ChartText.width($0, size: ChartSVG.smallFontSize) }.max() ?? 0
        let step = ChartTicks.labelStep(spacing: spacing, labelWidth: min(widest, maxLabelWidth))
        // Walk back from the latest; a label pushed inward at an edge may now touch its neighbour,
        // and then the neighbour gives way.
        var out = ""
        var nextLeft = Double.infinity
        for index in labels.indices.reversed() where (labels.count - 1 - index) % step == 0 {
            let shown = ChartText.truncate(labels[index], maxWidth: maxLabelWidth, size: ChartSVG.smallFontSize)
            let w = ChartText.width(shown, size: ChartSVG.smallFontSize)
            let cx = min(max(positions[index], w / 2 + 1), width - w / 2 - 1)
            guard cx + w / 2 + 6 <= nextLeft else { continue }
            nextLeft = cx - w / 2
            let tick =
                ChartSVG.line(
                    x1: positions[index], y1: y - 15, x2: positions[index], y2: y - 11, stroke: ChartSVG.muted,
                    width: 1)
                + ChartSVG.text(
                    shown, x: cx, y: y, size: ChartSVG.smallFontSize, anchor: "middle", fill: ChartSVG.muted,
                    className: "tick", fullText: shown == labels[index] ? nil : labels[index])
            out = tick + out
        }
        out = "<g class=\"x-axis\">" + out
        return out + "</g>"
    }
}
