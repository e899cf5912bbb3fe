import Foundation

/// A larger trend line over periods with its 95 % interval shaded, period labels every few
/// periods and an optional dashed reference (a target).
struct TrendChart {
    var labels: [String]
    var values: [Double?]
    /// Interval ends per period (same indices); nil where not defined.
    var lower: [Double?]
    var upper: [Double?]
    var reference: Double?
    var domain: ClosedRange<Double>?
    var format: (Double) -> String
    var xTitle: String?
    var yTitle: String?
    /// Legend words: the line, the band, the reference; empty leaves an entry out.
    var lineText: String
    var bandText: String
    var referenceText: String
    var title: String
    var summary: String
    var emptyText: String
    var width: Double

    init(
        labels: [String], values: [Double?], lower: [Double?] = [], upper: [Double?] = [], reference: Double? = nil,
        domain: ClosedRange<Double>? = nil, format: @escaping (Double) -> String, xTitle: String? = nil,
        yTitle: String? = nil, lineText: String = "", bandText: String = "", referenceText: String = "",
        title: String, summary: String, emptyText: String, width: Double = 480
    ) {
        self.labels = labels
        self.values = values
        self.lower = lower
        self.upper = upper
        self.reference = reference
        self.domain = domain
        self.format = format
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.lineText = lineText
        self.bandText = bandText
        self.referenceText = referenceText
        self.title = title
        self.summary = summary
        self.emptyText = emptyText
        self.width = max(width, 240)
    }

    func svg(id: String) -> String {
        var plot = ChartLinePlot(
            kind: "trend", labels: labels, values: values, reference: reference, domain: domain, format: format,
            xTitle: xTitle, yTitle: yTitle, title: title, summary: summary, emptyText: emptyText, width: width)
        plot.lower = lower
        plot.upper = upper
        plot.legend = [(.line, lineText), (.band, bandText), (.reference, reference == nil ? "" : referenceText)]
        return plot.svg(id: id)
    }
}
