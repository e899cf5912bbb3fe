import EarnedAnalytics
import EarnedDomain
import Foundation

/// One step's figure: the value with its 95 % interval, or null values below the minimum sample
/// ("not enough data", never a number); the records it counted, the change against the period
/// before with its interval, the earlier periods, the figures that go with it, and where its
/// records are listed.
struct ScorecardFigureDTO: APIObject {
    var step: String
    var kind: String
    var enough_data: Bool
    var value: Double?
    var lower: Double?
    var upper: Double?
    var sample_size: Int
    var successes: Int
    var minimum_sample: Int
    var change: EstimateDTO?
    var trend: [TrendPointDTO]
    var details: [String: Double]
    var records: String

    /// A value with its 95 % interval.
    struct EstimateDTO: APIObject {
        var value: Double
        var lower: Double
        var upper: Double
    }

    /// An earlier period's figure; null below the minimum sample.
    struct TrendPointDTO: APIObject {
        var start: Date
        var end: Date
        var value: Double?
        var sample_size: Int
    }

    init(_ f: ScorecardFigure, scope: ScorecardScope, days: Int) {
        step = f.step.rawValue
        kind = f.kind.rawValue
        enough_data = f.estimate != nil
        value = f.estimate?.value
        lower = f.estimate?.lower
        upper = f.estimate?.upper
        sample_size = f.sampleSize
        successes = f.successes
        minimum_sample = f.minimumSample
        change = f.change.map { EstimateDTO(value: $0.value, lower: $0.lower, upper: $0.upper) }
        trend = f.trend.map {
            TrendPointDTO(start: $0.start, end: $0.end, value: $0.value, sample_size: $0.sampleSize)
        }
        details = f.details.filter { !$0.key.hasPrefix(Scorecard.slotDetailPrefix) && $0.value.isFinite }
        records =
            SiteURL.API.scorecardRecords.path
            + SiteURL.query(["step": f.step.rawValue, "scope": scope.key, "period": String(days)])
    }
}
