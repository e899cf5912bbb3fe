import Foundation

/// A grid of rows × columns (weekday × hour, location × shift) coloured on one light-to-dark blue ramp.
///
/// Single hue on purpose: the figures shown (share late, share kept) have no natural midpoint a
/// diverging scale would need, and a diverging scale's two dark ends look alike in greyscale.
/// Here "worse" is always darker (`higherIsBetter` picks the direction), lightness changes
/// monotonically, and flagged cells carry a thick outline and a "!" rather than a hue.
///
/// For a phone pass `transposed: true` with a narrow `width`: 24 hours become 24 rows and the
/// 7 weekdays fit across 360 units with their numbers still written in the cells.
struct HeatmapChart {
    var rowLabels: [String]
    var columnLabels: [String]
    /// `cells[row][column]`; nil, a missing row or a short row is "no data".
    var cells: [[HeatmapCell?]]
    var higherIsBetter: Bool
    /// Value span of the colour ramp; computed from the cells when nil.
    var domain: ClosedRange<Double>?
    /// Writes the legend's two end values ("0 %", "100 %").
    var format: (Double) -> String
    /// Words before the legend's ramp ("Share late").
    var legendTitle: String?
    var noDataText: String
    var flaggedText: String
    var transposed: Bool
    var title: String
    var summary: String
    var emptyText: String
    var width: Double

    init(
        rowLabels: [String], columnLabels: [String], cells: [[HeatmapCell?]], higherIsBetter: Bool,
        domain: ClosedRange<Double>? = nil, format: @escaping (Double) -> String, legendTitle: String? = nil,
        noDataText: String, flaggedText: String, transposed: Bool = false, title: String, summary: String,
        emptyText: String, width: Double = 480
    ) {
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.cells = cells
        self.higherIsBetter = higherIsBetter
        self.domain = domain
        self.format = format
        self.legendTitle = legendTitle
        self.noDataText = noDataText
        self.flaggedText = flaggedText
        self.transposed = transposed
        self.title = title
        self.summary = summary
        self.emptyText = emptyText
        self.width = max(width, 200)
    }

    private static let margin = 4.0
    private static let gap = 1.5

    /// The cell at a drawn position, after transposing.
    private func cell(_ row: Int, _ column: Int) -> HeatmapCell? {
        let (r, c) = transposed ? (column, row) : (row, column)
        guard r >= 0, r < cells.count, c >= 0, c < cells[r].count, let cell = cells[r][c], cell.value.isFinite
        else { return nil }
        return cell
    }

    func svg(id: String) -> String {
        let sid = ChartSVG.safeID(id)
        let rows = transposed ? columnLabels : rowLabels
        let columns = transposed ? rowLabels : columnLabels
        let present = cells.flatMap { $0.compactMap { $0 } }.filter(\.value.isFinite)
        guard !rows.isEmpty, !columns.isEmpty, !present.isEmpty else {
            return ChartSVG.empty(
                id: id, kind: "heatmap", width: width, height: 80, title: title, summary: summary, text: emptyText)
        }
        let m = Self.margin
        let size = ChartSVG.smallFontSize

        let widestRow = rows.map { ChartText.width($0, size: size) }.max() ?? 0
        let rowLabelWidth = min(widestRow, width * 0.3)
        let gridLeft = m + rowLabelWidth + 6
        let gridRight = width - m
        let cellWidth = (gridRight - gridLeft) / Double(columns.count)
        let cellHeight = min(max(cellWidth * 0.8, 22), 30)

        // Column headers: every k-th when they would touch; two lines when all are shown but long.
        let widestColumn = columns.map { ChartText.width($0, size: size) }.max() ?? 0
        let step = ChartTicks.labelStep(spacing: cellWidth, labelWidth: min(widestColumn, 64), gap: 4)
        let headerMax = Double(step) * cellWidth - 4
        let headers = columns.map {
            ChartText.wrap($0, maxWidth: headerMax, size: size, maxLines: step == 1 ? 2 : 1)
        }
        let headerLines = headers.map(\.count).max() ?? 1
        let gridTop = 6 + Double(headerLines) * 16 + 2
        let gridBottom = gridTop + cellHeight * Double(rows.count)

        let valueDomain = colourDomain(present)
        let darkness = { (value: Double) -> Double in
            let span = valueDomain.upperBound - valueDomain.lowerBound
            let t = span > 0 ? min(max((value - valueDomain.lowerBound) / span, 0), 1) : 0.5
            return higherIsBetter ? 1 - t : t
        }
        let hasNoData = (0..<rows.count).contains { r in (0..<columns.count).contains { cell(r, $0) == nil } }
        let hasFlag = present.contains(where: \.flagged)
        var legend = legendEntries(sid: sid, hasNoData: hasNoData, hasFlag: hasFlag)
        legend.size = size
        let legendHeight = legend.height(left: m, right: width - m)
        let height = gridBottom + 10 + legendHeight + 4

        var out = ChartSVG.open(
            id: id, kind: "heatmap", width: width, height: height, title: title, summary: summary)
        out += "<defs>"
        out += ChartSVG.hatch(id: "\(sid)-nodata", background: "#F6F8FA", stroke: "#AEB7C0", spacing: 5)
        out += "</defs>"

        out += "<g class=\"column-labels\">"
        for (index, lines) in headers.enumerated() where index % step == 0 {
            let full = columns[index]
            let cx = gridLeft + cellWidth * (Double(index) + 0.5)
            for (lineIndex, line) in lines.enumerated() {
                let w = ChartText.width(line, size: size)
                let x = min(max(cx, w / 2 + 1), width - w / 2 - 1)
                let y = 6 + 8 + 16 * Double(lineIndex + headerLines - lines.count)
                out += ChartSVG.text(
                    line, x: x, y: y, size: size, anchor: "middle", fill: ChartSVG.muted,
                    fullText: ChartText.wasShortened(full, into: lines) ? full : nil)
            }
        }
        out += "</g><g class=\"row-labels\">"
        for (index, label) in rows.enumerated() {
            let shown = ChartText.truncate(label, maxWidth: rowLabelWidth, size: size)
            out += ChartSVG.text(
                shown, x: m + rowLabelWidth, y: gridTop + cellHeight * (Double(index) + 0.5), size: size,
                anchor: "end", fill: ChartSVG.muted, fullText: shown == label ? nil : label)
        }
        // Numbers in every cell or in none: a grid where only the short ones show reads as a pattern.
        let showNumbers = present.allSatisfy { ChartText.width($0.text, size: size) <= cellWidth - Self.gap - 4 }
        out += "</g><g class=\"cells\">"
        for (r, rowLabel) in rows.enumerated() {
            for (c, columnLabel) in columns.enumerated() {
                let x = gridLeft + cellWidth * Double(c) + Self.gap / 2
                let y = gridTop + cellHeight * Double(r) + Self.gap / 2
                let w = cellWidth - Self.gap
                let h = cellHeight - Self.gap
                let (rowName, columnName) = transposed ? (columnLabel, rowLabel) : (rowLabel, columnLabel)
                let rect =
                    "<rect x=\"\(ChartSVG.num(x))\" y=\"\(ChartSVG.num(y))\" width=\"\(ChartSVG.num(w))\""
                    + " height=\"\(ChartSVG.num(h))\""
                guard let cell = cell(r, c) else {
                    out += "<g class=\"cell nodata\"><title>"
                    out += H.escape("\(rowName) · \(columnName): \(noDataText)") + "</title>"
                    out += rect + " fill=\"url(#\(sid)-nodata)\"/></g>"
                    continue
                }
                let t = darkness(cell.value)
                let light = ChartPalette.wantsLightText(t)
                out += "<g class=\"cell\(cell.flagged ? " flagged" : "")\"><title>"
                out += H.escape("\(rowName) · \(columnName): \(cell.text) (n = \(cell.count))") + "</title>"
                out += rect + " fill=\"\(ChartPalette.ramp(t))\"/>"
                if cell.flagged {
                    // Black outline, then a white inner ring so the mark shows on the darkest blue too.
                    out += "<rect class=\"flag\" x=\"\(ChartSVG.num(x + 1.5))\" y=\"\(ChartSVG.num(y + 1.5))\""
                    out += " width=\"\(ChartSVG.num(max(w - 3, 1)))\" height=\"\(ChartSVG.num(max(h - 3, 1)))\""
                    out += " fill=\"none\" stroke=\"#000000\" stroke-width=\"3\"/>"
                    out += "<rect x=\"\(ChartSVG.num(x + 3.5))\" y=\"\(ChartSVG.num(y + 3.5))\""
                    out += " width=\"\(ChartSVG.num(max(w - 7, 1)))\" height=\"\(ChartSVG.num(max(h - 7, 1)))\""
                    out += " fill=\"none\" stroke=\"#FFFFFF\" stroke-width=\"1\"/>"
                }
                var label = showNumbers ? cell.text : ""
                if cell.flagged {
                    label = showNumbers ? label + "\u{2009}!" : "!"
                    if ChartText.width(label, size: size, bold: true) > w - 9 { label = "!" }
                }
                if !label.isEmpty {
                    out += ChartSVG.text(
                        label, x: x + w / 2, y: y + h / 2, size: size, anchor: "middle",
                        weight: cell.flagged ? "700" : nil, fill: light ? "#FFFFFF" : ChartSVG.ink,
                        className: cell.flagged ? "mark" : "value")
                }
                out += "</g>"
            }
        }
        out += "</g>"
        out += legend.render(left: m, right: width - m, top: gridBottom + 10)
        return out + ChartSVG.close
    }

    private func colourDomain(_ present: [HeatmapCell]) -> ClosedRange<Double> {
        if let domain, domain.lowerBound.isFinite, domain.upperBound.isFinite,
            domain.upperBound > domain.lowerBound
        {
            return domain
        }
        let values = present.map(\.value)
        let lo = values.min() ?? 0
        let hi = values.max() ?? 1
        return hi > lo ? lo...hi : (lo - 0.5)...(hi + 0.5)
    }

    /// Ramp ends in value order (low value left), then "no data" and "flagged" when the grid has them.
    private func legendEntries(sid: String, hasNoData: Bool, hasFlag: Bool) -> ChartLegend {
        var legend = ChartLegend()
        let d = colourDomain(cells.flatMap { $0.compactMap { $0 } }.filter(\.value.isFinite))
        let steps = 5
        let swatch = 14.0
        let lowText = format(d.lowerBound)
        let highText = format(d.upperBound)
        let highWidth = ChartText.width(highText, size: ChartSVG.smallFontSize)
        let rampWidth = Double(steps) * swatch
        let higherIsBetter = self.higherIsBetter
        if let legendTitle {
            legend.add(legendTitle, className: "legend-title", swatchWidth: 0) { _, _ in "" }
        }
        let lowWidth = ChartText.width(lowText, size: ChartSVG.smallFontSize)
        // The ramp sits between the low and the high value: the entry's "swatch" is all three.
        legend.add(
            "", className: "legend-scale", swatchWidth: lowWidth + 6 + rampWidth + 6 + highWidth
        ) { x, y in
            var out = ChartSVG.text(lowText, x: x, y: y, size: ChartSVG.smallFontSize)
            for index in 0..<steps {
                let t = Double(index) / Double(steps - 1)
                let shade = higherIsBetter ? 1 - t : t
                out += "<rect x=\"\(ChartSVG.num(x + lowWidth + 6 + Double(index) * swatch))\""
                out += " y=\"\(ChartSVG.num(y - 7))\" width=\"\(ChartSVG.num(swatch))\" height=\"14\""
                out += " fill=\"\(ChartPalette.ramp(shade))\"/>"
            }
            out += ChartSVG.text(
                highText, x: x + lowWidth + 6 + rampWidth + 6, y: y, size: ChartSVG.smallFontSize)
            return out
        }
        if hasNoData {
            legend.add(noDataText, className: "legend-nodata", swatchWidth: 14) { x, y in
                "<rect x=\"\(ChartSVG.num(x))\" y=\"\(ChartSVG.num(y - 7))\" width=\"14\" height=\"14\""
                    + " fill=\"url(#\(sid)-nodata)\" stroke=\"#AEB7C0\" stroke-width=\"0.5\"/>"
            }
        }
        if hasFlag {
            legend.add(flaggedText, className: "legend-flagged", swatchWidth: 14) { x, y in
                "<rect x=\"\(ChartSVG.num(x + 1.5))\" y=\"\(ChartSVG.num(y - 5.5))\" width=\"11\" height=\"11\""
                    + " fill=\"#FFFFFF\" stroke=\"#000000\" stroke-width=\"3\"/>"
                    + ChartSVG.text("!", x: x + 7, y: y, size: 11, anchor: "middle", weight: "700")
            }
        }
        return legend
    }
}
