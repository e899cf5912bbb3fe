import EarnedDomain
import Foundation

extension DemoBusiness {
    /// The share of buying customers who came on a referral.
    static let referredShare = 0.05
    /// How long after being asked a satisfied customer may still bring someone.
    static let referralReach: TimeInterval = 150 * 86_400
    /// How many other customers are looked at for the one who referred a customer.
    static let referrerTries = 40

    /// A customer as a referrer, from their after-sale steps.
    static func referralSource(_ customer: Customer, steps: [DemoAfterSaleStep]) -> DemoReferralSource {
        let asks = steps.compactMap { step -> Date? in
            guard let outcome = step.outcome, outcome.referralAsked, outcome.satisfied == true else { return nil }
            return step.closedAt
        }
        return DemoReferralSource(customerID: customer.id, homeLocationID: customer.homeLocationID, asks: asks.sorted())
    }

    /// The customer at a position as a referrer, made on demand (their customer record, orders
    /// and after-sale steps depend only on the seed and the position) and kept in `cache`.
    func referralSource(
        index: Int, context: DemoServiceContext, cache: inout [Int: DemoReferralSource]
    ) -> DemoReferralSource {
        if let known = cache[index] { return known }
        let one = batch(index..<(index + 1))
        let steps = afterSaleSteps(index: index, customer: one.customers[0], orders: one.orders[...], context: context)
        let source = Self.referralSource(one.customers[0], steps: steps.steps)
        cache[index] = source
        return source
    }

    /// Whether this customer came on a referral, and from whom: someone from the same shop who
    /// was asked for a referral after a satisfied follow-up, within `referralReach` before this
    /// customer's first order. The referral is recorded with that order, by its seller.
    func referralHistory(
        index: Int, customer: Customer, orders: ArraySlice<Order>, context: DemoServiceContext,
        cache: inout [Int: DemoReferralSource], log: inout DemoServiceLog
    ) {
        var random = serviceRandom(.referrals, index: index)
        guard let first = orders.first, customerCount > 1, random.chance(Self.referredShare) else { return }
        for _ in 0..<Self.referrerTries {
            let candidate = random.int(0..<customerCount)
            guard candidate != index else { continue }
            let source = referralSource(index: candidate, context: context, cache: &cache)
            guard source.homeLocationID == customer.homeLocationID,
                let ask = source.asks.last(where: { $0 < first.placedAt }),
                first.placedAt.timeIntervalSince(ask) <= Self.referralReach
            else { continue }
            let id = ReferralID(random.uuid())
            let draft = ReferralDraft(
                referrerID: source.customerID, referredID: customer.id, recordedByID: first.sellerID, orderID: first.id)
            if let referral = log.make({ () throws(DomainError) in try draft.validated(id: id, now: first.placedAt) }) {
                log.history.referrals.append(referral)
            }
            return
        }
    }
}
