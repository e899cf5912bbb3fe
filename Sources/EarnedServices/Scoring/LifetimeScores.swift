import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

/// What the lifetime models were fitted on and gave.
package struct LifetimeSummary: Codable, Sendable, Equatable {
    /// "week": the models' time unit.
    package var timeUnit: String
    package var calibrationEnd: Date
    package var customers: Int
    package var repeatBuyers: Int
    /// The purchase model: BG/NBD, or Pareto/NBD when the holdout chose it.
    package var purchases: FitReport.Model
    /// The holdout validation of both models; nil when the history is too short to hold weeks out.
    package var validation: HoldoutValidation?
    /// Σ P(alive) and Σ expected purchases over the horizon, with 90 % intervals.
    package var totals: LifetimePredictions.Totals?
    /// Σ lifetime value per currency, with its 90 % interval.
    package var valueTotals: [String: IntervalEstimate]?
    /// The service covariates' effects on buying and leaving; nil when they could not be fitted.
    package var serviceEffects: ServiceEffects?
    /// Gamma-Gamma per currency, fitted on the repeat buyers whose orders are in it.
    package var spend: [String: FitReport.Model]
    /// The weeks ahead expected purchases count.
    package var horizonWeeks: Double
    /// The lifetime value's months and monthly discount rate.
    package var months: Int
    package var monthlyDiscountRate: Double
}

/// The purchase model and Gamma-Gamma fitted on every customer's orders (same-day orders merged,
/// weeks, calibration ending today), and per customer: P(alive), expected purchases in the
/// coming year, and the revenue lifetime value over 12 months at 1 % a month (`LifetimeValue`),
/// in the currency of the customer's first order, each with a 90 % interval
/// (`LifetimePredictions`). The last weeks are first held out to validate BG/NBD and Pareto/NBD
/// (`HoldoutValidation`); the better one is fitted on everything. Figures are indexed like
/// `ScoreFacts.customerIDs`.
package struct LifetimeScores {
    package static let horizonWeeks = 52.0
    package static let months = 12
    package static let monthlyDiscountRate = 0.01
    /// The interval level of every prediction.
    package static let intervalLevel = 0.9
    /// Weeks held out: a quarter of the history, 13 weeks once it spans a year, none below 16 weeks.
    package static func holdoutWeeks(historyWeeks: Int) -> Int? {
        historyWeeks >= 52 ? 13 : historyWeeks >= 16 ? historyWeeks / 4 : nil
    }
    /// The fewest customers and repeat buyers a fit needs.
    package static let minimumCustomers = 50
    package static let minimumRepeatBuyers = 30

    package var purchases: [Int]
    package var frequency: [Int]
    package var recency: [Double]
    package var age: [Double]
    package var probabilityAlive: [Double?]
    package var expectedPurchases: [Double?]
    /// Expected purchases in the two coming years (the forecaster reads the decay from the
    /// second year against the first).
    package var expectedPurchasesTwoYears: [Double?]
    package var lifetimeValueMinor: [Int64?]
    /// The 90 % limits of P(alive), expected purchases and lifetime value.
    package var aliveLimits: [ClosedRange<Double>?]
    package var purchasesLimits: [ClosedRange<Double>?]
    package var valueLimitsMinor: [ClosedRange<Int64>?]
    /// Index into `ScoreFacts.currencies` of each customer's first order.
    package var currency: [Int]
    package var fit: PurchaseFit?
    package var summary: LifetimeSummary?

    package init(facts: ScoreFacts, now: Date) {
        let count = facts.customerIDs.count
        var transactions: [CalibrationSummary.Transaction] = []
        transactions.reserveCapacity(facts.orders.count)
        var currency = [Int](repeating: -1, count: count)
        for order in facts.orders {
            let c = Int(order.customer)
            if currency[c] < 0 { currency[c] = Int(order.currency) }
            transactions.append(
                .init(
                    customerID: String(c), day: Int((order.placedAt / 86_400).rounded(.down)),
                    amount: Double(order.amountMinor)))
        }
        let today = Int((now.timeIntervalSince1970 / 86_400).rounded(.down))
        let summary = CalibrationSummary(transactions: transactions, calibrationEnd: today, timeUnit: .weeks)
        var frequency = [Int](repeating: 0, count: count)
        var recency = [Double](repeating: 0, count: count)
        var age = [Double](repeating: 0, count: count)
        var averageSpend = [Double](repeating: 0, count: count)
        var seen = [Bool](repeating: false, count: count)
        for i in 0..<summary.count {
            guard let c = Int(summary.customerIDs[i]) else { continue }
            frequency[c] = summary.frequency[i]
            recency[c] = summary.recency[i]
            age[c] = summary.age[i]
            averageSpend[c] = summary.averageSpend[i]
            seen[c] = true
        }
        self.frequency = frequency
        self.recency = recency
        self.age = age
        self.currency = currency
        purchases = (0..<count).map { seen[$0] ? frequency[$0] + 1 : 0 }
        probabilityAlive = Array(repeating: nil, count: count)
        expectedPurchases = Array(repeating: nil, count: count)
        expectedPurchasesTwoYears = Array(repeating: nil, count: count)
        lifetimeValueMinor = Array(repeating: nil, count: count)
        aliveLimits = Array(repeating: nil, count: count)
        purchasesLimits = Array(repeating: nil, count: count)
        valueLimitsMinor = Array(repeating: nil, count: count)
        let scored = (0..<count).filter { seen[$0] && age[$0] > 0 }
        guard scored.count >= Self.minimumCustomers,
            let histories = try? CustomerHistories(
                frequency: scored.map { frequency[$0] }, recency: scored.map { recency[$0] },
                age: scored.map { age[$0] })
        else { return }
        let firstDay = summary.firstPurchaseDay.min() ?? today
        let validation = Self.holdoutWeeks(historyWeeks: (today - firstDay) / 7).flatMap { weeks in
            try? HoldoutValidation(transactions: transactions, observationEnd: today, holdoutWeeks: weeks)
        }
        guard let fit = try? PurchaseFit.fit(named: validation?.chosen ?? BGNBD.modelName, histories) else { return }
        self.fit = fit
        let predictions = fit.predictions(histories, horizon: Self.horizonWeeks, level: Self.intervalLevel)
        let twoYears = fit.conditionalExpectedPurchases(in: 2 * Self.horizonWeeks, histories)
        for (k, c) in scored.enumerated() {
            let row = Int(histories.rowOfCustomer[k])
            probabilityAlive[c] = predictions.alive[row]
            expectedPurchases[c] = predictions.purchases[row]
            expectedPurchasesTwoYears[c] = twoYears[k]
            aliveLimits[c] = Self.range(predictions.aliveLower[row], predictions.aliveUpper[row])
            purchasesLimits[c] = Self.range(predictions.purchasesLower[row], predictions.purchasesUpper[row])
        }
        var spendFits: [String: FitReport.Model] = [:]
        var valueTotals: [String: IntervalEstimate] = [:]
        let definition = LifetimeValue(
            months: Self.months, monthlyDiscountRate: Self.monthlyDiscountRate, margin: 1,
            monthLength: LifetimeValue.weeksPerMonth)
        for (index, code) in facts.currencies.enumerated() {
            let members = scored.filter { currency[$0] == index }
            let repeaters = members.filter { frequency[$0] > 0 && averageSpend[$0] > 0 }
            guard repeaters.count >= Self.minimumRepeatBuyers,
                let spendFit = try? GammaGamma.fit(
                    frequency: repeaters.map { frequency[$0] }, averageSpend: repeaters.map { averageSpend[$0] }),
                let memberHistories = try? CustomerHistories(
                    frequency: members.map { frequency[$0] }, recency: members.map { recency[$0] },
                    age: members.map { age[$0] })
            else { continue }
            spendFits[code] = FitReport.Model(name: "Gamma-Gamma", fit: spendFit)
            let valued = fit.predictions(
                memberHistories, horizon: Self.horizonWeeks,
                value: .init(definition: definition, spend: spendFit, averageSpend: members.map { averageSpend[$0] }),
                level: Self.intervalLevel)
            for (k, c) in members.enumerated() {
                guard let v = valued.value(customer: k), v.value.isFinite else { continue }
                lifetimeValueMinor[c] = Int64(v.value.rounded())
                if v.lower.isFinite, v.upper.isFinite {
                    valueLimitsMinor[c] = Int64(v.lower.rounded(.down))...Int64(v.upper.rounded(.up))
                }
            }
            valueTotals[code] = valued.totals.value
        }
        self.summary = LifetimeSummary(
            timeUnit: "week", calibrationEnd: now, customers: scored.count,
            repeatBuyers: scored.filter { frequency[$0] > 0 }.count, purchases: fit.report, validation: validation,
            totals: predictions.totals, valueTotals: valueTotals, serviceEffects: nil,
            spend: spendFits, horizonWeeks: Self.horizonWeeks, months: Self.months,
            monthlyDiscountRate: Self.monthlyDiscountRate)
    }

    /// lower...upper when both are numbers (a singular information matrix leaves them NaN).
    static func range(_ lower: Double, _ upper: Double) -> ClosedRange<Double>? {
        lower.isFinite && upper.isFinite && lower <= upper ? lower...upper : nil
    }

    /// Fits the service covariates' effects (`ServiceEffects`) on the customers' purchases after
    /// their service moment (`ServiceCovariates`), and what a failure there costs over
    /// `horizonDays`.
    /// A covariate the same for every customer (no customer's moment was a contact; all had
    /// bought before it) says nothing and would leave the fit without standard errors: it is left
    /// out.
    package mutating func fitServiceEffects(
        _ values: ServiceCovariates.Values, names: [String], tested: [String], horizonDays: Int
    ) {
        let rows = values.covariates
        let varying = names.indices.filter { j in rows.contains { $0[j] != rows[0][j] } }
        let covariates = rows.map { row in varying.map { row[$0] } }
        let applies = values.applies.map { row in varying.map { row[$0] } }
        let kept = varying.map { names[$0] }
        guard summary != nil, values.frequency.count >= Self.minimumCustomers, tested.contains(where: kept.contains),
            let histories = try? CovariateHistories(
                frequency: values.frequency, recency: values.recency, age: values.age, covariates: covariates,
                names: kept),
            var effects = try? ServiceEffects(histories, tested: tested.filter(kept.contains))
        else { return }
        effects.estimatePerFailure(covariates: covariates, applies: applies, horizonDays: horizonDays)
        summary?.serviceEffects = effects
    }
}
