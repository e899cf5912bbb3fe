import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

/// What a broken promise and a late reply have cost, as stored.
package struct ServiceCostReport: Codable, Sendable {
    package static let key = "service-cost"

    package struct Part: Codable, Sendable {
        /// The currency the spend figures are in (the business's most used one).
        package var currency: String?
        package var result: PromiseCostResult

        package var summaryLine: String {
            switch result {
            case .estimated(let e):
                String(
                    format: "%+.3f purchases per customer over %d days (%.3f … %.3f), %d exposed matched",
                    e.purchases.exposedMean - e.purchases.matchedControlMean, e.horizonDays, e.purchases.lower,
                    e.purchases.upper, e.matchedExposed)
            case .notEnoughData(let n):
                "not enough data (\(n.matchedExposed) exposed and \(n.matchedControls) controls matched)"
            }
        }
    }

    /// Customers whose first promise in the window was broken or kept late, against those whose
    /// was kept on time.
    package var promise: Part
    /// Customers whose first contact in the window got its first reply after the target, against
    /// those answered within it.
    package var reply: Part
    package var horizonDays: Int
}

/// The cost of a broken promise and of a late reply from the business's own data
/// (`PromiseCost`: coarsened exact matching on earlier purchasing). Each customer counts once,
/// anchored at their first decided promise (or answered contact; `FirstServiceMoments`) when it
/// lies at least the horizon before now, so every unit's later purchasing is fully observed.
package struct ServiceCost {
    package static let horizonDays = 180
    package var report: ServiceCostReport

    package init(facts: ScoreFacts, moments: FirstServiceMoments, now: Date) {
        let horizon = TimeInterval(Self.horizonDays) * 86_400
        let latest = now.addingTimeInterval(-horizon)
        // The most used currency: spend is compared within it only.
        var used = [Int](repeating: 0, count: facts.currencies.count)
        for o in facts.orders { used[Int(o.currency)] += 1 }
        let main = used.indices.max { used[$0] < used[$1] }
        var ordersOf: [CustomerID: Range<Int>] = [:]
        for range in facts.orderRanges() {
            ordersOf[facts.customerIDs[Int(facts.orders[range.lowerBound].customer)]] = range
        }
        func unit(_ customer: CustomerID, anchor: Date, exposed: Bool) -> PromiseCostUnit? {
            guard let range = ordersOf[customer], let main,
                facts.orders[range.lowerBound].currency == UInt8(truncatingIfNeeded: main)
            else { return nil }
            let t = anchor.timeIntervalSince1970
            var prior = (n: 0, spend: 0.0)
            var after = (n: 0, spend: 0.0)
            var previous: Double?
            for o in facts.orders[range] {
                if o.placedAt < t {
                    previous = o.placedAt
                    if o.placedAt >= t - 365 * 86_400 {
                        prior.n += 1
                        prior.spend += Double(o.amountMinor)
                    }
                } else if o.placedAt < t + horizon {
                    after.n += 1
                    after.spend += Double(o.amountMinor)
                }
            }
            return PromiseCostUnit(
                isExposed: exposed, priorPurchases: prior.n, priorSpend: prior.spend,
                daysSincePreviousPurchase: previous.map { (t - $0) / 86_400 }, purchasesAfter: after.n,
                spendAfter: after.spend)
        }
        let promiseUnits = moments.promises.compactMap { customer, m in
            m.at <= latest ? unit(customer, anchor: m.at, exposed: m.failed) : nil
        }
        let replyUnits = moments.contacts.compactMap { customer, m in
            m.at <= latest ? unit(customer, anchor: m.at, exposed: m.failed) : nil
        }
        let estimator = PromiseCost(horizonDays: Self.horizonDays)
        let currency = main.map { facts.currencies[$0] }
        report = ServiceCostReport(
            promise: .init(currency: currency, result: estimator.estimate(promiseUnits)),
            reply: .init(currency: currency, result: estimator.estimate(replyUnits)), horizonDays: Self.horizonDays)
    }
}
