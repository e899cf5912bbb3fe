import Foundation

/// A legend laid out as a flowing line of (swatch, words) entries that wraps to the chart's width.
struct ChartLegend {
    struct Entry {
        var swatchWidth: Double
        /// Draws the swatch with its left edge at x and its vertical centre at y.
        var swatch: (Double, Double) -> String
        var text: String
        var className: String
    }

    var entries: [Entry] = []
    var size = ChartSVG.smallFontSize
    var rowHeight = 20.0

    var isEmpty: Bool { entries.isEmpty }

    mutating func add(
        _ text: String, className: String, swatchWidth: Double, swatch: @escaping (Double, Double) -> String
    ) {
        entries.append(Entry(swatchWidth: swatchWidth, swatch: swatch, text: text, className: className))
    }

    /// Rows of entry indices for the given width.
    private func rows(left: Double, right: Double) -> [[(index: Int, x: Double, textWidth: Double)]] {
        var rows: [[(index: Int, x: Double, textWidth: Double)]] = [[]]
        var x = left
        for (index, entry) in entries.enumerated() {
            let gap = entry.swatchWidth > 0 && !entry.text.isEmpty ? 6.0 : 0
            let available = right - left - entry.swatchWidth - gap
            let textWidth = min(ChartText.width(entry.text, size: size), max(available, 0))
            let needed = entry.swatchWidth + gap + textWidth
            if x > left && x + needed > right {
                rows.append([])
                x = left
            }
            rows[rows.count - 1].append((index, x, textWidth))
            x += needed + 16
        }
        return rows
    }

    /// The height the legend takes between `left` and `right`.
    func height(left: Double, right: Double) -> Double {
        isEmpty ? 0 : Double(rows(left: left, right: right).count) * rowHeight
    }

    /// The legend's elements with its first row centred on `top + rowHeight / 2`.
    func render(left: Double, right: Double, top: Double) -> String {
        guard !isEmpty else { return "" }
        var out = "<g class=\"legend\">"
        for (rowIndex, row) in rows(left: left, right: right).enumerated() {
            let y = top + rowHeight * (Double(rowIndex) + 0.5)
            for placed in row {
                let entry = entries[placed.index]
                out += "<g class=\"\(entry.className)\">" + entry.swatch(placed.x, y)
                if !entry.text.isEmpty {
                    let shown = ChartText.truncate(entry.text, maxWidth: placed.textWidth + 0.01, size: size)
                    out += ChartSVG.text(
                        shown, x: placed.x + entry.swatchWidth + (entry.swatchWidth > 0 ? 6 : 0), y: y, size: size,
                        fullText: shown == entry.text ? nil : entry.text)
                }
                out += "</g>"
            }
        }
        return out + "</g>"
    }
}
