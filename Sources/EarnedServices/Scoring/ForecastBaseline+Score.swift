import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

extension ForecastBaseline {
    /// The forecaster's baseline from one score run: per loyalty segment, the customers, Σ
    /// P(alive), the monthly purchase rate and churn that reproduce the BG/NBD expected
    /// purchases of the coming year and the year after, the average order and the spread of yearly spend over the
    /// last 12 months (in the currency most orders used); the on-time and replies-in-target
    /// shares and volumes of the 90-day business scorecard; and what a broken promise and a late
    /// reply cost in purchases.
    package static func of(
        facts: ScoreFacts, lifetime: LifetimeScores, rows: [CustomerScoreRow], scorecard: Scorecard?,
        costs: ServiceCostReport, now: Date
    ) -> ForecastBaseline {
        let since = now.timeIntervalSince1970 - 365 * 86_400
        let until = now.timeIntervalSince1970
        var used = [Int](repeating: 0, count: facts.currencies.count)
        for o in facts.orders where o.placedAt >= since && o.placedAt < until { used[Int(o.currency)] += 1 }
        let main = used.indices.max { (used[$0], $1) < (used[$1], $0) }
        var spend = [Double](repeating: 0, count: facts.customerIDs.count)
        var orders = [Int](repeating: 0, count: facts.customerIDs.count)
        for o in facts.orders where o.placedAt >= since && o.placedAt < until && Int(o.currency) == main {
            spend[Int(o.customer)] += Double(o.amountMinor)
            orders[Int(o.customer)] += 1
        }
        var index: [CustomerID: Int] = [:]
        for (i, id) in facts.customerIDs.enumerated() { index[id] = i }
        struct Sums {
            package var customers = 0
            package var active = 0.0
            package var expected = 0.0
            package var twoYears = 0.0
            package var orders = 0
            package var sales = 0.0
            package var spends: [Double] = []
        }
        var sums: [LoyaltySegment: Sums] = [:]
        for row in rows {
            guard let segment = LoyaltySegment(rawValue: row.segment) else { continue }
            var s = sums[segment] ?? Sums()
            s.customers += 1
            s.active += row.probabilityAlive ?? 0
            s.expected += row.expectedPurchases ?? 0
            if let i = index[row.customerID] {
                s.twoYears += lifetime.expectedPurchasesTwoYears[i] ?? 0
                s.orders += orders[i]
                s.sales += spend[i]
                s.spends.append(spend[i])
            }
            sums[segment] = s
        }
        let cohorts = LoyaltySegment.allCases.compactMap { segment -> Cohort? in
            guard let s = sums[segment], s.customers > 0 else { return nil }
            let (rate, churn) = monthlyRates(
                active: s.active, firstYear: s.expected, secondYear: max(0, s.twoYears - s.expected))
            return Cohort(
                segment: segment, customers: s.customers, activeCustomers: s.active, monthlyPurchaseRate: rate,
                monthlyChurn: churn, averageOrderMinor: s.orders > 0 ? s.sales / Double(s.orders) : 0,
                spendGroups: spendGroups(s.spends))
        }
        func rate(_ step: ScorecardStep) -> Rate? {
            guard let figure = scorecard?.figure(step), figure.sampleSize > 0, let card = scorecard else { return nil }
            let months = card.end.timeIntervalSince(card.start) / 86_400 / daysPerMonth
            return Rate(
                perMonth: Double(figure.sampleSize) / months,
                share: Double(figure.successes) / Double(figure.sampleSize), sampleSize: figure.sampleSize)
        }
        func effect(_ part: ServiceCostReport.Part) -> Effect? {
            guard case .estimated(let e) = part.result else { return nil }
            return Effect(
                purchases: e.purchases.difference, standardError: e.purchases.standardError, horizonDays: e.horizonDays)
        }
        var baseline = ForecastBaseline(
            computedAt: now, currency: main.map { facts.currencies[$0] }, cohorts: cohorts, onTime: rate(.neverLate),
            replies: rate(.answerFast), promiseEffect: effect(costs.promise), replyEffect: effect(costs.reply))
        func modelEffect(_ name: String) -> Effect? {
            guard let e = lifetime.summary?.serviceEffects?.perFailure.first(where: { $0.name == name }),
                e.purchases.isFinite, e.standardError.isFinite
            else { return nil }
            return Effect(purchases: e.purchases, standardError: e.standardError, horizonDays: e.horizonDays)
        }
        baseline.promiseEffectByModel = modelEffect(ServiceCovariates.brokenPromises)
        baseline.replyEffectByModel = modelEffect(ServiceCovariates.lateReplies)
        return baseline
    }
}
