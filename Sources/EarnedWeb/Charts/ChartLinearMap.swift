import Foundation

/// Maps a data domain onto a span of the viewBox, clamping so nothing is drawn outside it.
struct ChartLinearMap {
    var domain: ClosedRange<Double>
    var from: Double
    var to: Double

    func callAsFunction(_ value: Double) -> Double {
        let width = domain.upperBound - domain.lowerBound
        guard width > 0, value.isFinite else { return (from + to) / 2 }
        let t = min(max((value - domain.lowerBound) / width, 0), 1)
        return from + (to - from) * t
    }
}
