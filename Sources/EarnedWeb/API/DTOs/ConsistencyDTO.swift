import EarnedAnalytics
import EarnedDomain
import EarnedServices
import Foundation

/// How steady the service is, from the last score run, as the consistency page shows it: the
/// weakest slots of every measure (flagged with the false-discovery rate held), and for the
/// chosen measure each way of cutting the week — its consistency index with the bootstrap
/// interval, every slot's mean with its interval (null below the slot minimum) — and the weekly
/// control chart (EWMA with its limits, in the measure's units; CUSUM signals).
struct ConsistencyDTO: APIObject {
    var computed_at: Date?
    var from: Date?
    var to: Date?
    var false_discovery_rate: Double?
    var tests: Int
    var measure: String
    var measure_name: String
    var measures: [String]
    var flags: [FlagDTO]
    var records: Int
    var dimensions: [DimensionDTO]
    var weekly: WeeklyDTO?

    struct IntervalDTO: APIObject {
        var value: Double
        var lower: Double
        var upper: Double
    }

    /// A slot that does worse than the rest, significantly after the correction for many tests.
    struct FlagDTO: APIObject {
        var measure: String
        var dimension: String
        var slot: String
        var slot_name: String
        var records: Int
        var slot_mean: Double
        var rest_mean: Double
        var gap: IntervalDTO
        var p_value: Double
        var q_value: Double
    }

    struct DimensionDTO: APIObject {
        var dimension: String
        var name: String
        var records: Int
        var overall: IntervalDTO
        var index: IntervalOrValueDTO?
        var slots_counted: Int
        var slots: [SlotDTO]
    }

    /// The consistency index (1 = the same everywhere) and its interval where the bootstrap gave one.
    struct IntervalOrValueDTO: APIObject {
        var value: Double
        var lower: Double?
        var upper: Double?
    }

    struct SlotDTO: APIObject {
        var slot: String
        var name: String
        var records: Int
        var enough_data: Bool
        var mean: IntervalDTO?
        var worse: Bool
        var flagged: Bool
    }

    struct WeeklyDTO: APIObject {
        var centre: Double
        var weeks: [WeekDTO]
        var ewma_signals: Int
        var cusum_signals: Int
    }

    /// One week: its mean, and the EWMA statistic and limits turned back into the measure's units.
    struct WeekDTO: APIObject {
        var week_start: Date
        var value: Double
        var records: Int
        var ewma: Double
        var lower_limit: Double
        var upper_limit: Double
        var signal: String?
    }

    init(_ page: ConsistencyPage, s: Strings) {
        let report = page.report
        computed_at = page.computedAt
        from = report?.from
        to = report?.to
        false_discovery_rate = report?.falseDiscoveryRate
        tests = report?.testCount ?? 0
        measure = page.measure.rawValue
        measure_name = s.measureName(page.measure)
        measures = report?.measures.map(\.measure.rawValue) ?? []
        func interval(_ e: IntervalEstimate) -> IntervalDTO {
            IntervalDTO(value: e.estimate, lower: e.lower, upper: e.upper)
        }
        flags =
            report?.flags.map { f in
                FlagDTO(
                    measure: f.measure.rawValue, dimension: f.dimension.rawValue, slot: f.slot,
                    slot_name: page.slotName(f.slot, s), records: f.count, slot_mean: f.slotMean,
                    rest_mean: f.restMean, gap: interval(f.gap), p_value: f.pValue, q_value: f.qValue)
            } ?? []
        let result = page.result
        records = result?.count ?? 0
        dimensions = ServiceRecord.Dimension.allCases.compactMap { d in
            guard let a = result?.analyses[d] else { return nil }
            return DimensionDTO(
                dimension: d.rawValue, name: s.dimensionName(d), records: a.totalCount, overall: interval(a.overall),
                index: a.index.map {
                    IntervalOrValueDTO(value: $0.value, lower: $0.interval?.lower, upper: $0.interval?.upper)
                }, slots_counted: a.slots.filter(\.hasEnoughData).count,
                slots: a.slots.map { slot in
                    SlotDTO(
                        slot: slot.key, name: page.slotName(slot.key, s), records: slot.count,
                        enough_data: slot.hasEnoughData, mean: slot.hasEnoughData ? slot.mean.map(interval) : nil,
                        worse: slot.isWorse, flagged: page.flagged(d, slot.key))
                })
        }
        weekly = result?.charts.map { charts in
            let c = charts.target.centre
            return WeeklyDTO(
                centre: c,
                weeks: charts.ewma.points.map { p in
                    let se = charts.target.standardError(count: charts.points[p.index].count)
                    return WeekDTO(
                        week_start: charts.weekStarts[p.index], value: charts.points[p.index].value,
                        records: charts.points[p.index].count, ewma: c + p.statistic * se,
                        lower_limit: c + p.lowerLimit * se, upper_limit: c + p.upperLimit * se,
                        signal: p.signal?.rawValue)
                }, ewma_signals: charts.ewma.signals.count, cusum_signals: charts.cusum.signals.count)
        }
    }
}
