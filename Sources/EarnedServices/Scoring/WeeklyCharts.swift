import EarnedAnalytics
import EarnedDomain
import Foundation

/// A measure's business-wide weekly series over the year before `to`, charted against its
/// first half (the baseline): EWMA (λ = 0.2, L = 3) and CUSUM (k = 0.5σ, h = 5σ). Weeks with
/// fewer than `minimumWeekCount` records are left out; nil when the baseline has too few weeks.
package struct WeeklyCharts: Codable, Sendable {
    package static let weeks = 52
    package static let minimumWeekCount = 20
    package static let minimumBaselineWeeks = 8

    /// The week each point stands for, by its first day.
    package var weekStarts: [Date]
    package var points: [ControlChartPoint]
    package var target: ControlChartTarget
    package var ewma: EWMAChart
    package var cusum: CUSUMChart

    package init?(records: [ServiceRecord], measure: ServiceRecord.Measure, to: Date) {
        let week: TimeInterval = 7 * 86_400
        let start = to.addingTimeInterval(-week * Double(Self.weeks))
        var sums = [(n: Int, sum: Double, squares: Double)](repeating: (0, 0, 0), count: Self.weeks)
        for r in records where r.at >= start && r.at < to {
            let k = min(Self.weeks - 1, Int(r.at.timeIntervalSince(start) / week))
            sums[k].n += 1
            sums[k].sum += r.value
            sums[k].squares += r.value * r.value
        }
        var points: [ControlChartPoint] = []
        var starts: [Date] = []
        for (k, s) in sums.enumerated() where s.n >= Self.minimumWeekCount {
            let sample = SlotSample(key: "\(k)", count: s.n, sum: s.sum, sumOfSquares: s.squares)
            let date = start.addingTimeInterval(week * Double(k))
            points.append(ControlChartPoint(period: k, date: date, sample: sample))
            starts.append(date)
        }
        let baseline = points.filter { $0.period < Self.weeks / 2 }.count
        guard baseline >= Self.minimumBaselineWeeks,
            let target = try? ControlChartTarget.estimated(
                measure.serviceMeasure.kind == .proportion ? .proportion : .mean, from: points,
                baseline: 0..<baseline),
            let ewma = try? EWMAChart(points: points, target: target),
            let cusum = try? CUSUMChart(points: points, target: target)
        else { return nil }
        self.weekStarts = starts
        self.points = points
        self.target = target
        self.ewma = ewma
        self.cusum = cusum
    }
}
