import Foundation

/// A control chart over periods: the statistic as a line, its control limits per period as a shaded
/// band (they widen where a period has few cases), the centre line, and signals as vermillion
/// diamonds with a "!" so they are not told by colour alone. Optionally the raw period values as
/// light dots under the statistic (e.g. weekly shares under their EWMA).
struct ControlChartSVG {
    struct Sample {
        /// The period's tick label ("12.05", "W19").
        var label: String
        var value: Double?
        var signal: Bool

        init(label: String, value: Double?, signal: Bool = false) {
            self.label = label
            self.value = value
            self.signal = signal
        }
    }

    /// Words for the legend; an empty string leaves that entry out.
    struct Legend {
        var statistic: String
        var raw: String
        var limits: String
        var centre: String
        var signal: String

        init(statistic: String, raw: String = "", limits: String, centre: String = "", signal: String) {
            self.statistic = statistic
            self.raw = raw
            self.limits = limits
            self.centre = centre
            self.signal = signal
        }
    }

    var samples: [Sample]
    var centre: Double?
    /// Lower and upper control limits per sample (same indices); nil where not defined.
    var lower: [Double?]
    var upper: [Double?]
    /// The raw values behind the statistic, drawn as light dots; empty for none.
    var raw: [Double?]
    var domain: ClosedRange<Double>?
    /// Writes the value-axis ticks and hover values ("12 %").
    var format: (Double) -> String
    var xTitle: String?
    var yTitle: String?
    var legend: Legend?
    var title: String
    var summary: String
    var emptyText: String
    var width: Double

    init(
        samples: [Sample], centre: Double?, lower: [Double?], upper: [Double?], raw: [Double?] = [],
        domain: ClosedRange<Double>? = nil, format: @escaping (Double) -> String, xTitle: String? = nil,
        yTitle: String? = nil, legend: Legend? = nil, title: String, summary: String, emptyText: String,
        width: Double = 480
    ) {
        self.samples = samples
        self.centre = centre
        self.lower = lower
        self.upper = upper
        self.raw = raw
        self.domain = domain
        self.format = format
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.legend = legend
        self.title = title
        self.summary = summary
        self.emptyText = emptyText
        self.width = max(width, 240)
    }

    func svg(id: String) -> String {
        var plot = ChartLinePlot(
            kind: "control", labels: samples.map(\.label), values: samples.map(\.value), centre: centre,
            domain: domain, format: format, xTitle: xTitle, yTitle: yTitle, title: title, summary: summary,
            emptyText: emptyText, width: width)
        plot.signals = samples.map(\.signal)
        plot.raw = raw
        plot.lower = lower
        plot.upper = upper
        if let legend {
            plot.legend = [
                (.line, legend.statistic), (.dots, raw.isEmpty ? "" : legend.raw), (.band, legend.limits),
                (.centre, legend.centre), (.signal, samples.contains(where: \.signal) ? legend.signal : ""),
            ]
        }
        return plot.svg(id: id)
    }
}
