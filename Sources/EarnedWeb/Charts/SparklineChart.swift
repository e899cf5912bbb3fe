import Foundation

/// A small trend line for scorecard cards and table cells: one value per period, nil for a period
/// without enough data (drawn as a gap), an optional interval band and the last value marked.
struct SparklineChart {
    var values: [Double?]
    /// Lower and upper ends of the band per period (same indices as `values`); empty for no band.
    var lower: [Double?]
    var upper: [Double?]
    /// Fixed vertical range (e.g. 0…1 for shares so cards compare); computed when nil.
    var range: ClosedRange<Double>?
    /// A dashed horizontal line, e.g. the target.
    var reference: Double?
    var title: String
    var summary: String
    var emptyText: String
    var width: Double
    var height: Double

    init(
        values: [Double?], lower: [Double?] = [], upper: [Double?] = [], range: ClosedRange<Double>? = nil,
        reference: Double? = nil, title: String, summary: String, emptyText: String,
        width: Double = 120, height: Double = 32
    ) {
        self.values = values
        self.lower = lower
        self.upper = upper
        self.range = range
        self.reference = reference
        self.title = title
        self.summary = summary
        self.emptyText = emptyText
        self.width = max(width, 40)
        self.height = max(height, 16)
    }

    func svg(id: String) -> String {
        let count = values.count
        let present = (0..<count).filter { ChartGeometry.finite(values, $0) != nil }
        guard let lastIndex = present.last else {
            return ChartSVG.empty(
                id: id, kind: "sparkline", width: width, height: height, title: title, summary: summary,
                text: emptyText, size: min(11, height * 0.34))
        }
        let hasBand = { (index: Int) in
            ChartGeometry.finite(lower, index) != nil && ChartGeometry.finite(upper, index) != nil
        }
        let y = ChartLinearMap(domain: domain(), from: height - 3.5, to: 3.5)
        let pad = 3.5
        let step = count > 1 ? (width - 2 * pad) / Double(count - 1) : 0
        let x = { (index: Int) in count > 1 ? pad + Double(index) * step : width / 2 }

        var out = ChartSVG.open(
            id: id, kind: "sparkline", width: width, height: height, title: title, summary: summary)
        for run in ChartGeometry.runs(count: count, where: hasBand) {
            if run.count == 1 {
                let i = run.lowerBound
                out += ChartSVG.line(
                    x1: x(i), y1: y(upper[i]!), x2: x(i), y2: y(lower[i]!), stroke: ChartPalette.skyBlue,
                    width: 3, className: "band", extra: " stroke-opacity=\"0.45\"")
            } else {
                let top = run.map { (x($0), y(upper[$0]!)) }
                let bottom = run.map { (x($0), y(lower[$0]!)) }
                out += "<polygon class=\"band\" points=\"\(ChartGeometry.band(upper: top, lower: bottom))\""
                out += " fill=\"\(ChartPalette.skyBlue)\" fill-opacity=\"0.35\"/>"
            }
        }
        if let reference, reference.isFinite {
            out += ChartSVG.line(
                x1: 0, y1: y(reference), x2: width, y2: y(reference), stroke: ChartSVG.muted, width: 1,
                dash: "3 2", className: "reference")
        }
        let runs = ChartGeometry.runs(count: count) { ChartGeometry.finite(values, $0) != nil }
        let d = ChartGeometry.path(runs.map { run in run.map { (x($0), y(values[$0]!)) } })
        if !d.isEmpty {
            out += "<path class=\"line\" d=\"\(d)\" fill=\"none\" stroke=\"\(ChartPalette.blue)\""
            out += " stroke-width=\"1.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>"
        }
        // A period standing alone between gaps has no segment; a dot keeps it visible.
        for run in runs where run.count == 1 && run.lowerBound != lastIndex {
            let i = run.lowerBound
            out += "<circle class=\"dot\" cx=\"\(ChartSVG.num(x(i)))\" cy=\"\(ChartSVG.num(y(values[i]!)))\""
            out += " r=\"1.5\" fill=\"\(ChartPalette.blue)\"/>"
        }
        out += "<circle class=\"last\" cx=\"\(ChartSVG.num(x(lastIndex)))\""
        out += " cy=\"\(ChartSVG.num(y(values[lastIndex]!)))\" r=\"2.75\" fill=\"\(ChartPalette.blue)\""
        out += " stroke=\"#FFFFFF\" stroke-width=\"1\"/>"
        return out + ChartSVG.close
    }

    private func domain() -> ClosedRange<Double> {
        if let range, range.lowerBound.isFinite, range.upperBound.isFinite,
            range.upperBound > range.lowerBound
        {
            return range
        }
        var all = values.compactMap { $0 }.filter(\.isFinite)
        for index in values.indices
        where ChartGeometry.finite(lower, index) != nil
            && ChartGeometry.finite(upper, index) != nil
        {
            all += [lower[index]!, upper[index]!]
        }
        if let reference, reference.isFinite { all.append(reference) }
        let lo = all.min() ?? 0
        let hi = all.max() ?? 1
        if hi - lo < 1e-12 {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            return (lo - pad)...(hi + pad)
        }
        return lo...hi
    }
}
