import Foundation

/// Counts per value bin (e.g. delivery delay in hours) with optional labelled vertical markers
/// (median, mean, target).
struct HistogramChart {
    struct Bin {
        var lower: Double
        var upper: Double
        var count: Int
    }

    struct Marker {
        var value: Double
        var label: String
    }

    var bins: [Bin]
    var markers: [Marker]
    /// Writes the bin edges on the x axis ("2 h", "10 %").
    var format: (Double) -> String
    var xTitle: String?
    var yTitle: String?
    var title: String
    var summary: String
    var emptyText: String
    var width: Double

    init(
        bins: [Bin], markers: [Marker] = [], format: @escaping (Double) -> String, xTitle: String? = nil,
        yTitle: String? = nil, title: String, summary: String, emptyText: String, width: Double = 480
    ) {
        self.bins = bins
        self.markers = markers
        self.format = format
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.title = title
        self.summary = summary
        self.emptyText = emptyText
        self.width = max(width, 240)
    }

    private static let margin = 8.0
    private static let dashes = ["6 3", "2 3", "9 3 2 3"]

    func svg(id: String) -> String {
        let shown = bins.filter { $0.lower.isFinite && $0.upper.isFinite && $0.upper > $0.lower && $0.count >= 0 }
            .sorted { $0.lower < $1.lower }
        guard let first = shown.first, let last = shown.max(by: { $0.upper < $1.upper }) else {
            return ChartSVG.empty(
                id: id, kind: "histogram", width: width, height: 120, title: title, summary: summary,
                text: emptyText)
        }
        let m = Self.margin
        let small = ChartSVG.smallFontSize
        let (yDomain, ticks) = ChartTicks.nice(0, Double(shown.map(\.count).max() ?? 1), integers: true)
        let countText = { (value: Double) in String(Int(value.rounded())) }
        let plotLeft = m + ChartAxes.labelWidth(ticks: ticks, format: countText) + 6
        let plotRight = width - m
        let x = ChartLinearMap(domain: first.lower...last.upper, from: plotLeft, to: plotRight)

        // Marker labels in rows above the plot so close markers (median next to mean) never overlap.
        let placedMarkers = markers.filter { $0.value.isFinite }
        var rowEnds: [Double] = []
        var markerRows: [(row: Int, cx: Double, text: String)] = []
        for marker in placedMarkers {
            let text = ChartText.truncate(marker.label, maxWidth: width - 2 * m, size: small)
            let w = ChartText.width(text, size: small)
            let cx = min(max(x(marker.value), m + w / 2), width - m - w / 2)
            let row = rowEnds.firstIndex { $0 + 8 <= cx - w / 2 } ?? rowEnds.count
            if row == rowEnds.count { rowEnds.append(0) }
            rowEnds[row] = cx + w / 2
            markerRows.append((row, cx, text))
        }
        let markerTop = yTitle == nil ? 6.0 : 24
        let plotTop = markerTop + Double(rowEnds.count) * 16 + 6
        let plotHeight = min(max(width * 0.4, 140), 240)
        let plotBottom = plotTop + plotHeight
        let y = ChartLinearMap(domain: yDomain, from: plotBottom, to: plotTop)
        let height = plotBottom + 26 + (xTitle == nil ? 0 : 20) + 4

        var out = ChartSVG.open(
            id: id, kind: "histogram", width: width, height: height, title: title, summary: summary)
        if let yTitle {
            out += ChartAxes.title(yTitle, x: m, y: 10, maxWidth: width - 2 * m)
        }
        out += ChartAxes.y(ticks: ticks, map: y, left: plotLeft, right: plotRight, format: countText)
        out += "<g class=\"bins\">"
        for bin in shown {
            let left = x(bin.lower)
            let top = y(Double(bin.count))
            out += "<g class=\"bin\"><title>"
            out += H.escape("\(format(bin.lower))–\(format(bin.upper)): \(bin.count)") + "</title>"
            out += "<rect x=\"\(ChartSVG.num(left))\" y=\"\(ChartSVG.num(top))\""
            out +=
                " width=\"\(ChartSVG.num(max(x(bin.upper) - left, 0)))\" height=\"\(ChartSVG.num(plotBottom - top))\""
            out += " fill=\"\(ChartPalette.skyBlue)\" stroke=\"#FFFFFF\" stroke-width=\"1\"/></g>"
        }
        out += "</g>"
        out += ChartSVG.line(
            x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: ChartSVG.muted, width: 1,
            className: "x-baseline")

        // Bin edges: every k-th when the bins are equally wide (so the labels keep a rhythm), then
        // left to right skipping any label that would touch the previous one.
        var edges: [Double] = []
        for edge in shown.map(\.lower) + [last.upper] where edges.last.map({ abs($0 - edge) > 1e-12 }) ?? true {
            edges.append(edge)
        }
        let widths = zip(edges.dropFirst(), edges).map { $0 - $1 }
        let uniform = widths.allSatisfy { abs($0 - widths[0]) < 1e-9 * max(abs(widths[0]), 1) }
        let spacing = uniform && edges.count > 1 ? x(edges[1]) - x(edges[0]) : 0
        let widestEdge = edges.map { ChartText.width(format($0), size: small) }.max() ?? 0
        let step = uniform ? ChartTicks.labelStep(spacing: spacing, labelWidth: widestEdge, gap: 6) : 1
        out += "<g class=\"x-axis\">"
        var previousEnd = -Double.infinity
        for (index, edge) in edges.enumerated() where index % step == 0 {
            let text = format(edge)
            let w = ChartText.width(text, size: small)
            let cx = min(max(x(edge), w / 2 + 1), width - w / 2 - 1)
            guard cx - w / 2 >= previousEnd + 6 else { continue }
            previousEnd = cx + w / 2
            out += ChartSVG.line(
                x1: x(edge), y1: plotBottom, x2: x(edge), y2: plotBottom + 4, stroke: ChartSVG.muted, width: 1)
            out += ChartSVG.text(
                text, x: cx, y: plotBottom + 16, size: small, anchor: "middle", fill: ChartSVG.muted,
                className: "tick")
        }
        out += "</g>"
        if let xTitle {
            out += ChartAxes.title(
                xTitle, x: (plotLeft + plotRight) / 2, y: plotBottom + 38, maxWidth: width - 2 * m, anchor: "middle")
        }
        // Lines first, then every label over them with a halo: a lower row's label may sit across
        // the line of a marker whose label is in the row above.
        var markerLabels = ""
        for (index, marker) in placedMarkers.enumerated() {
            let placed = markerRows[index]
            let mx = x(marker.value)
            let labelY = markerTop + 8 + Double(placed.row) * 16
            out += "<g class=\"marker\"><title>\(H.escape(marker.label))</title>"
            out += ChartSVG.line(
                x1: mx, y1: labelY + 8, x2: mx, y2: plotBottom, stroke: ChartSVG.ink, width: 1.5,
                dash: Self.dashes[index % Self.dashes.count])
            out += "</g>"
            markerLabels += ChartSVG.text(
                placed.text, x: placed.cx, y: labelY, size: small, anchor: "middle", className: "marker-label",
                fullText: placed.text == marker.label ? nil : marker.label, halo: true)
        }
        out += markerLabels
        return out + ChartSVG.close
    }
}
