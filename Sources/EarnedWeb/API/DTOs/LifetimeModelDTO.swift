import EarnedAnalytics
import EarnedServices
import Foundation

/// The lifetime model of the last score run, as the loyalty page shows it: the model used, the
/// business's totals with their 90 % intervals, the holdout validation of both models (table,
/// tracking, errors, the model chosen and the verdict in words) and the service's effects on
/// buying and leaving with their 95 % intervals and the likelihood-ratio test. A limit is null
/// where the fit's information matrix was singular.
struct LifetimeModelDTO: APIObject {
    var model: String
    var customers: Int
    var horizon_weeks: Double
    var active_customers: LimitsDTO?
    var expected_purchases: LimitsDTO?
    var lifetime_value: [CurrencyValueDTO]
    var validation: ValidationDTO?
    var service_effects: ServiceEffectsDTO?

    /// An estimate with the limits of its interval.
    struct LimitsDTO: APIObject {
        var value: Double
        var lower: Double?
        var upper: Double?

        init(_ e: IntervalEstimate) {
            value = e.estimate
            lower = e.lower.isFinite ? e.lower : nil
            upper = e.upper.isFinite ? e.upper : nil
        }
    }

    /// Σ lifetime value (minor units) of the customers whose first order was in `currency`.
    struct CurrencyValueDTO: APIObject {
        var currency: String
        var value: LimitsDTO
    }

    struct ValidationDTO: APIObject {
        var holdout_weeks: Int
        var calibration_end: String
        var observation_end: String
        var customers: Int
        var holdout_purchases: Int
        var chosen: String
        var verdict: String
        var verdict_text: String
        var models: [ModelDTO]
    }

    struct ModelDTO: APIObject {
        var name: String
        var log_likelihood: Double
        var mean_absolute_error: Double
        var root_mean_squared_error: Double
        var total_actual: Double
        var total_predicted: Double
        var total_relative_error: Double?
        var tracking_error: Double?
        var table: [RowDTO]
        var tracking: [WeekDTO]
    }

    struct RowDTO: APIObject {
        var purchases_before: Int
        var or_more: Bool
        var customers: Int
        var actual: Double
        var predicted: Double
    }

    struct WeekDTO: APIObject {
        var week_ending: String
        var actual: Double
        var predicted: Double
    }

    struct ServiceEffectsDTO: APIObject {
        var customers: Int
        var statistic: Double
        var degrees_of_freedom: Int
        var p_value: Double
        var effects: [EffectDTO]
    }

    struct EffectDTO: APIObject {
        var name: String
        var exposed: Int
        var purchase_ratio: LimitsDTO
        var dropout_ratio: LimitsDTO
        var text: String
    }

    /// "YYYY-MM-DD" of a day number.
    static func day(_ n: Int) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: LifetimePageParts.date(ofDay: n))
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    init(_ l: LifetimeSummary, s: Strings) {
        model = l.purchases.name
        customers = l.customers
        horizon_weeks = l.horizonWeeks
        active_customers = l.totals.map { LimitsDTO($0.activeCustomers) }
        expected_purchases = l.totals.map { LimitsDTO($0.purchases) }
        lifetime_value = (l.valueTotals ?? [:]).sorted { $0.key < $1.key }.map {
            CurrencyValueDTO(currency: $0.key, value: LimitsDTO($0.value))
        }
        func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
        validation = l.validation.map { v in
            ValidationDTO(
                holdout_weeks: v.holdoutWeeks, calibration_end: Self.day(v.calibrationEnd),
                observation_end: Self.day(v.observationEnd), customers: v.customers,
                holdout_purchases: v.holdoutPurchases, chosen: v.chosen, verdict: v.verdict.rawValue,
                verdict_text: s.holdoutVerdict(v),
                models: v.models.map { m in
                    ModelDTO(
                        name: m.name, log_likelihood: m.logLikelihood, mean_absolute_error: m.errors.meanAbsolute,
                        root_mean_squared_error: m.errors.rootMeanSquared, total_actual: m.errors.totalActual,
                        total_predicted: m.errors.totalPredicted, total_relative_error: finite(m.errors.totalRelative),
                        tracking_error: finite(m.errors.trackingPercentage),
                        table: m.table.map {
                            RowDTO(
                                purchases_before: $0.frequency, or_more: $0.orMore, customers: $0.customers,
                                actual: $0.actual, predicted: $0.predicted)
                        },
                        tracking: m.tracking.map {
                            WeekDTO(week_ending: Self.day($0.endDay), actual: $0.actual, predicted: $0.predicted)
                        })
                })
        }
        service_effects = l.serviceEffects.map { e in
            ServiceEffectsDTO(
                customers: e.customers, statistic: e.statistic, degrees_of_freedom: e.degreesOfFreedom,
                p_value: e.pValue,
                effects: e.effects.map {
                    EffectDTO(
                        name: $0.name, exposed: $0.exposed, purchase_ratio: LimitsDTO($0.purchaseRatio),
                        dropout_ratio: LimitsDTO($0.dropoutRatio), text: s.serviceEffect($0))
                })
        }
    }
}
