import Foundation

/// Does the lifetime model fit this business? The last weeks of the transaction log are held
/// out, each model is fitted on the weeks before them, and its predictions are set against what
/// customers then did — the validation of Fader, Hardie & Lee (2005, §5): the table of actual
/// against predicted repeat purchases in the holdout by number of calibration purchases (their
/// Figure 4), the weekly cumulative tracking of repeat purchases (Figure 3), error measures, the
/// model chosen on them, and a verdict.
public struct HoldoutValidation: Sendable, Hashable, Codable {
    /// Calibration purchases at which the table's last, open-ended row starts ("7+").
    public static let tableCap = 7
    /// Fewer holdout repeat purchases than this, or fewer repeat buyers, and no verdict is given.
    public static let minimumHoldoutPurchases = 30
    /// A total off by more than this share is a misfit.
    public static let totalTolerance = 0.2
    /// A table row of at least `rowMinimumCustomers` off by more than this share (and by more than
    /// `rowMinimumDifference` purchases per customer) is a misfit of the shape.
    public static let rowTolerance = 0.4
    public static let rowMinimumCustomers = 50
    public static let rowMinimumDifference = 0.2

    /// One row of the conditional-expectations table.
    public struct Row: Sendable, Hashable, Codable {
        /// Repeat purchases in calibration (the last row: this many or more).
        public var frequency: Int
        public var orMore: Bool
        public var customers: Int
        /// Mean repeat purchases per customer in the holdout.
        public var actual: Double
        /// Mean of the model's E[Y(holdout) | x, t_x, T].
        public var predicted: Double
    }

    /// One week of the tracking chart: cumulative repeat purchases from the first week of data.
    public struct Week: Sendable, Hashable, Codable {
        /// Day number of the week's last day.
        public var endDay: Int
        public var actual: Double
        public var predicted: Double
    }

    /// Error measures of a model's holdout predictions.
    public struct Errors: Sendable, Hashable, Codable {
        /// Mean absolute error per customer (purchases).
        public var meanAbsolute: Double
        /// Root mean squared error per customer: the measure the model is chosen on.
        public var rootMeanSquared: Double
        public var totalActual: Double
        public var totalPredicted: Double
        /// (predicted − actual) / actual of the holdout totals.
        public var totalRelative: Double
        /// Mean absolute percentage error of the cumulative holdout purchases, week by week.
        public var trackingPercentage: Double
    }

    /// One model's validation.
    public struct ModelResult: Sendable, Hashable, Codable {
        public var name: String
        public var parameters: [String: Double]
        public var logLikelihood: Double
        public var errors: Errors
        public var table: [Row]
        public var tracking: [Week]
    }

    /// What the validation says about the chosen model.
    public enum Verdict: String, Sendable, Hashable, Codable {
        /// Totals within 20 % and every large table row within its tolerance.
        case fits
        /// The model expected more than customers bought in the holdout.
        case overPredicts
        /// The model expected less.
        case underPredicts
        /// Totals agree, but a large group of customers is predicted far off.
        case missesGroup
        /// Too few purchases in the holdout to judge.
        case notEnoughData
    }

    /// Day numbers of the last calibration day and the last holdout day.
    public var calibrationEnd: Int
    public var observationEnd: Int
    public var holdoutWeeks: Int
    /// Customers whose first purchase was in calibration, and those with a repeat purchase.
    public var customers: Int
    public var repeatBuyers: Int
    /// Repeat purchases those customers made in the holdout.
    public var holdoutPurchases: Int
    public var models: [ModelResult]
    /// The name of the model with the lower per-customer error ("BG/NBD" on a tie within 0.5 %).
    public var chosen: String
    public var verdict: Verdict
    /// For `missesGroup`: the table row (calibration purchases) most off.
    public var worstRow: Int?

    /// The chosen model's result.
    public var chosenResult: ModelResult? { models.first { $0.name == chosen } }

    /// Holds out the `holdoutWeeks` weeks that end on `observationEnd` (a day number) and
    /// validates BG/NBD and Pareto/NBD fitted on the time before (weeks, same-day purchases merged).
    public init(
        transactions: [CalibrationSummary.Transaction], observationEnd: Int, holdoutWeeks: Int
    ) throws {
        guard holdoutWeeks > 0 else { throw AnalyticsError.insufficientData("the holdout must be at least a week") }
        let calibrationEnd = observationEnd - 7 * holdoutWeeks
        let summary = CalibrationSummary(
            transactions: transactions, calibrationEnd: calibrationEnd, observationEnd: observationEnd,
            timeUnit: .weeks)
        guard summary.count > 0 else {
            throw AnalyticsError.insufficientData("no customer bought before the held-out weeks")
        }
        let histories = try summary.histories()
        let repeats = Self.repeatPurchaseDays(transactions, summary: summary)
        self.calibrationEnd = calibrationEnd
        self.observationEnd = observationEnd
        self.holdoutWeeks = holdoutWeeks
        customers = summary.count
        repeatBuyers = summary.frequency.filter { $0 > 0 }.count
        holdoutPurchases = summary.holdoutFrequency.reduce(0, +)
        var results: [ModelResult] = []
        if let fit = try? BGNBD.fit(histories) {
            results.append(
                Self.result(fit, histories: histories, summary: summary, repeats: repeats, weeks: holdoutWeeks))
        }
        if let fit = try? ParetoNBD.fit(histories) {
            results.append(
                Self.result(fit, histories: histories, summary: summary, repeats: repeats, weeks: holdoutWeeks))
        }
        guard let first = results.first else {
            throw AnalyticsError.fitFailed("neither BG/NBD nor Pareto/NBD could be fitted on the calibration weeks")
        }
        var best = first
        for candidate in results.dropFirst()
        where candidate.errors.rootMeanSquared < best.errors.rootMeanSquared * 0.995 {
            best = candidate
        }
        models = results
        chosen = best.name
        (verdict, worstRow) = Self.verdict(best, holdoutPurchases: holdoutPurchases, repeatBuyers: repeatBuyers)
    }

    /// The verdict on a model's result (see `Verdict`).
    static func verdict(_ result: ModelResult, holdoutPurchases: Int, repeatBuyers: Int) -> (Verdict, Int?) {
        guard holdoutPurchases >= minimumHoldoutPurchases, repeatBuyers >= minimumHoldoutPurchases else {
            return (.notEnoughData, nil)
        }
        let relative = result.errors.totalRelative
        if relative > totalTolerance { return (.overPredicts, nil) }
        if relative < -totalTolerance { return (.underPredicts, nil) }
        var worst: (row: Row, off: Double)?
        for row in result.table where row.customers >= rowMinimumCustomers {
            let difference = abs(row.predicted - row.actual)
            guard difference > rowMinimumDifference else { continue }
            let off = difference / max(row.actual, 0.1)
            if off > rowTolerance, off > (worst?.off ?? 0) { worst = (row, off) }
        }
        if let worst { return (.missesGroup, worst.row.frequency) }
        return (.fits, nil)
    }

    /// Each customer's repeat purchase days (same-day purchases merged, the first day left out),
    /// by the customer's index in `summary`.
    public static func repeatPurchaseDays(_ transactions: [CalibrationSummary.Transaction], summary: CalibrationSummary)
        -> [[Int]]
    {
        var index: [String: Int] = [:]
        for (i, id) in summary.customerIDs.enumerated() { index[id] = i }
        var days = [[Int]](repeating: [], count: summary.count)
        for t in transactions where t.day <= summary.observationEnd ?? summary.calibrationEnd {
            guard let i = index[t.customerID] else { continue }
            days[i].append(t.day)
        }
        for i in 0..<days.count {
            let unique = Array(Set(days[i])).sorted()
            days[i] = Array(unique.dropFirst())
        }
        return days
    }

    /// A fitted model's validation on the summary (with its holdout) and the repeat purchase days.
    public static func result<M: PurchaseModel>(
        _ fit: FitResult<M>, histories: CustomerHistories, summary: CalibrationSummary, repeats: [[Int]], weeks: Int
    ) -> ModelResult {
        let model = fit.model
        let horizon = Double(weeks)
        let predicted = model.conditionalExpectedPurchases(in: horizon, histories)
        let actual = summary.holdoutFrequency
        let n = Double(summary.count)
        var absolute = 0.0
        var squared = 0.0
        var rows = (0...tableCap).map {
            Row(frequency: $0, orMore: $0 == tableCap, customers: 0, actual: 0, predicted: 0)
        }
        for i in 0..<summary.count {
            let difference = predicted[i] - Double(actual[i])
            absolute += abs(difference)
            squared += difference * difference
            let k = min(summary.frequency[i], tableCap)
            rows[k].customers += 1
            rows[k].actual += Double(actual[i])
            rows[k].predicted += predicted[i]
        }
        for k in rows.indices where rows[k].customers > 0 {
            rows[k].actual /= Double(rows[k].customers)
            rows[k].predicted /= Double(rows[k].customers)
        }
        let totalActual = Double(actual.reduce(0, +))
        let totalPredicted = predicted.reduce(0, +)
        let tracking = Self.tracking(model, summary: summary, repeats: repeats)
        // Cumulative holdout purchases, week by week, measured from the calibration end.
        let base = tracking.last { $0.endDay <= summary.calibrationEnd }
        var percentages: [Double] = []
        for week in tracking where week.endDay > summary.calibrationEnd {
            let actualSince = week.actual - (base?.actual ?? 0)
            let predictedSince = week.predicted - (base?.predicted ?? 0)
            if actualSince > 0 { percentages.append(abs(predictedSince - actualSince) / actualSince) }
        }
        var parameters: [String: Double] = [:]
        for (name, value) in zip(fit.parameterNames, fit.estimates) { parameters[name] = value }
        return ModelResult(
            name: M.modelName, parameters: parameters, logLikelihood: fit.logLikelihood,
            errors: Errors(
                meanAbsolute: absolute / n, rootMeanSquared: (squared / n).squareRoot(), totalActual: totalActual,
                totalPredicted: totalPredicted,
                totalRelative: totalActual > 0 ? (totalPredicted - totalActual) / totalActual : .nan,
                trackingPercentage: percentages.isEmpty
                    ? .nan : percentages.reduce(0, +) / Double(percentages.count)),
            table: rows.filter { $0.customers > 0 }, tracking: tracking)
    }

    /// Cumulative repeat purchases at the end of each week from the week of the first purchase to
    /// the observation end (weeks end on the observation end): actual, and predicted as
    /// Σ_cohorts n_d E[X((end − d)/7)] over the customers whose first purchase day d is on or
    /// before the week's end (FHL 2005, Figure 3).
    public static func tracking<M: PurchaseModel>(_ model: M, summary: CalibrationSummary, repeats: [[Int]]) -> [Week] {
        let end = summary.observationEnd ?? summary.calibrationEnd
        guard let firstDay = summary.firstPurchaseDay.min() else { return [] }
        let weeks = (end - firstDay) / 7 + 1
        let endDays = (0..<weeks).map { end - 7 * (weeks - 1 - $0) }
        var cohorts: [Int: Int] = [:]
        for d in summary.firstPurchaseDay { cohorts[d, default: 0] += 1 }
        let cohortDays = cohorts.keys.sorted()
        var perWeek = [Int](repeating: 0, count: weeks)
        for days in repeats {
            for day in days {
                // The week whose last day is the first end day on or after `day`.
                let k = weeks - 1 - (end - day) / 7
                if k >= 0 { perWeek[k] += 1 }
            }
        }
        var cumulative = 0
        var out: [Week] = []
        for (k, endDay) in endDays.enumerated() {
            cumulative += perWeek[k]
            var predicted = 0.0
            for d in cohortDays where d <= endDay {
                predicted += Double(cohorts[d]!) * model.expectedPurchases(in: Double(endDay - d) / 7)
            }
            out.append(Week(endDay: endDay, actual: Double(cumulative), predicted: predicted))
        }
        return out
    }
}
