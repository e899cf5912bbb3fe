import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

/// The service each customer received, as covariates of the lifetime model (`ServiceEffects`),
/// measured where the customer's clock can start: their first service moment — the first decided
/// promise or the first answered contact, whichever came first (`FirstServiceMoments`). Whether it let
/// them down (a promise broken or kept late; a first reply after its target) is fixed from then
/// on, so the model (Fader & Hardie 2007's time-invariant covariates) sees only the purchases
/// after it: x, t_x and T counted from the moment. Controls, measured at the moment: whether it
/// was a contact (customers who write differ from those who are promised something), whether it
/// was a promise made with an order (a delivery, a repair ready) rather than one staff made of
/// their own accord (`ServiceMoment.withOrder`: those customers buy differently, and such promises
/// fail at other rates), how many orders they placed in the year before (ln(1 + n)), whether they
/// had ordered at all, how long since their last order (ln(1 + weeks)), and how often they had
/// bought: ln((1 + orders before) / (1 + weeks since their first order)).
///
/// Why the rate: the Pareto/NBD takes a customer's purchase rate and dropout rate to be
/// independent, while in a business where customers leave after a purchase (the BG/NBD's story,
/// and the demo's) the dropout rate is the purchase rate times a per-purchase chance, so the two
/// go together. Then a let-down customer's extra leaving takes the frequent buyers first, and the
/// model reads part of it as fewer purchases: on 150,000 simulated customers with purchases ×0.70
/// and leaving ×2.0 planted, two seeds gave ×0.69 and ×1.86–1.90, both leaving intervals short of
/// 2.0; with the rate before the moment as a control, ×0.70 and ×1.97–2.00, inside
/// (`ServiceEffectRecoveryTests`). What the controls cannot mend: where moments come right after a
/// purchase (a question about an order, its delivery), customers who left at that purchase are
/// taken to be there, and the moments meet customers early in their lives, where the rate before
/// says little; planted ×0.70 and ×2.0 then read ×0.68–0.69 and ×1.87–1.95. A model of the whole
/// history whose dropout is tied to purchases finds both (`scripts/reference/service-effects`).
///
/// Why not shares over the whole history: the number of promises and contacts grows with the
/// purchases, and what is promised to whom depends on how they buy, so a share computed after the
/// fact carries the buying it should explain (on the 100,000-customer demo, with no effect
/// planted, failed promises looked as if they made customers leave 1.22 times as fast, p 1e-17).
package enum ServiceCovariates {
    package static let brokenPromises = "broken_promises"
    package static let lateReplies = "late_replies"
    package static let contactFirst = "contact_first"
    package static let promiseWithOrder = "promise_with_order"
    package static let priorPurchases = "prior_purchases"
    package static let noPriorPurchase = "no_prior_purchase"
    package static let weeksSincePurchase = "weeks_since_purchase"
    package static let priorRate = "prior_rate"
    package static let names = [
        brokenPromises, lateReplies, contactFirst, promiseWithOrder, priorPurchases, noPriorPurchase,
        weeksSincePurchase, priorRate,
    ]
    /// The covariates whose effects are shown and tested; the rest are controls.
    package static let tested = [brokenPromises, lateReplies]

    /// One row per customer with a service moment and orders: their purchases after the moment
    /// (in weeks), the covariates, and for each tested covariate whether it could have been 1
    /// (the moment was of its kind).
    package struct Values {
        package var frequency: [Int] = []
        package var recency: [Double] = []
        package var age: [Double] = []
        package var covariates: [[Double]] = []
        package var applies: [[Bool]] = []
    }

    /// The rows of every customer whose first service moment lies before `now`.
    package static func of(facts: ScoreFacts, moments: FirstServiceMoments, now: Date) -> Values {
        let week = 7 * 86_400.0
        let t = now.timeIntervalSince1970
        var values = Values()
        for range in facts.orderRanges() {
            let customer = facts.customerIDs[Int(facts.orders[range.lowerBound].customer)]
            guard let (anchor, isContact) = moments.first(of: customer) else { continue }
            let start = anchor.at.timeIntervalSince1970
            guard start < t else { continue }
            var before = (all: 0, year: 0)
            var previous: Double?
            var after = (n: 0, last: start)
            for o in facts.orders[range] {
                if o.placedAt <= start {
                    before.all += 1
                    if o.placedAt > start - 365 * 86_400 { before.year += 1 }
                    previous = o.placedAt
                } else if o.placedAt < t {
                    after.n += 1
                    after.last = o.placedAt
                }
            }
            values.frequency.append(after.n)
            values.recency.append((after.last - start) / week)
            values.age.append((t - start) / week)
            values.covariates.append([
                !isContact && anchor.failed ? 1 : 0, isContact && anchor.failed ? 1 : 0, isContact ? 1 : 0,
                anchor.withOrder ? 1 : 0, log1p(Double(before.year)), before.all == 0 ? 1 : 0,
                previous.map { log1p((start - $0) / week) } ?? 0,
                // Orders are in time order: the range's first is the customer's first.
                before.all == 0
                    ? 0
                    : log((1 + Double(before.all)) / (1 + (start - facts.orders[range.lowerBound].placedAt) / week)),
            ])
            values.applies.append(names.map { $0 == brokenPromises ? !isContact : $0 == lateReplies && isContact })
        }
        return values
    }
}
