import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

/// The segments of the whole base as stored beside the per-customer rows.
struct LoyaltySummary: Codable, Sendable, Equatable {
    static let key = "loyalty"

    var customers: Int
    var counts: [String: Int]
    var atRisk: Int
    var repeatPurchases: Int
    var discountedRepeatPurchases: Int
    /// The base's reference level of expected purchases in the coming year.
    var reference: Double?
}

/// Every live customer's Dick & Basu segment from their evidence (`LoyaltyClassifier`): survey
/// answers, referrals, the lifetime model's outlook, discount use, and the service they met.
struct LoyaltyScores {
    var rows: [CustomerScoreRow] = []
    var summary: LoyaltySummary

    init(facts: ScoreFacts, lifetime: LifetimeScores, replyStatus: [ContactID: ReplyClock.Result], now: Date) {
        var index: [CustomerID: Int] = [:]
        for (i, id) in facts.customerIDs.enumerated() { index[id] = i }
        var discounts = [DiscountUse?](repeating: nil, count: facts.customerIDs.count)
        let orders = facts.orders
        for range in facts.orderRanges() {
            var counts = (discounted: 0, discountedRepeat: 0)
            var spend = 0.0
            var discountedSpend = 0.0
            for k in range {
                let o = orders[k]
                spend += Double(o.amountMinor)
                if o.discountMinor > 0 {
                    counts.discounted += 1
                    discountedSpend += Double(o.amountMinor)
                    if k > range.lowerBound { counts.discountedRepeat += 1 }
                }
            }
            discounts[Int(orders[range.lowerBound].customer)] = DiscountUse(
                orders: range.count, discountedOrders: counts.discounted, repeatOrders: range.count - 1,
                discountedRepeatOrders: counts.discountedRepeat, spend: spend, discountedSpend: discountedSpend)
        }
        var answers: [CustomerID: [AttitudeAnswer]] = [:]
        for a in facts.answers {
            guard let customer = a.customerID else { continue }
            answers[customer, default: []].append(
                AttitudeAnswer(
                    answeredAt: a.answeredAt, nps: a.nps, csat: a.csat, ces: a.ces, shareOfWallet: a.shareOfWallet))
        }
        var referrals: [CustomerID: [Date]] = [:]
        for (referrer, _, at) in facts.referrals { referrals[referrer, default: []].append(at) }
        var service: [CustomerID: ServiceReceived] = [:]
        for p in facts.promises {
            switch p.outcome(at: now) {
            case .broken: service[p.customerID, default: ServiceReceived()].brokenPromises += 1
            case .late: service[p.customerID, default: ServiceReceived()].latePromises += 1
            default: break
            }
        }
        for c in facts.contacts {
            guard let customer = c.customerID, replyStatus[c.id]?.firstResponse.state == .missed else { continue }
            service[customer, default: ServiceReceived()].lateReplies += 1
        }

        let customers = facts.liveCustomerIDs
        let evidence = customers.map { id -> LoyaltyEvidence in
            let i = index[id]
            let patronage = PatronageEvidence(
                purchases: i.map { lifetime.purchases[$0] } ?? 0,
                probabilityAlive: i.flatMap { lifetime.probabilityAlive[$0] } ?? 0,
                expectedPurchases: i.flatMap { lifetime.expectedPurchases[$0] } ?? 0)
            return LoyaltyEvidence(
                answers: answers[id] ?? [], referralDates: referrals[id] ?? [], patronage: patronage,
                discounts: i.flatMap { discounts[$0] }, service: service[id])
        }
        let reference = LoyaltyClassifier.referenceExpectedPurchases(evidence.map(\.patronage))
        let classifier = LoyaltyClassifier(reference: reference ?? .infinity)
        let assessments = classifier.assess(evidence)
        var counts: [String: Int] = [:]
        for (k, id) in customers.enumerated() {
            let a = assessments[k]
            let i = index[id]
            counts[a.segment.rawValue, default: 0] += 1
            rows.append(
                CustomerScoreRow(
                    customerID: id, segment: a.segment.rawValue, atRisk: a.isAtRisk,
                    purchases: evidence[k].patronage.purchases,
                    probabilityAlive: i.flatMap { lifetime.probabilityAlive[$0] },
                    expectedPurchases: i.flatMap { lifetime.expectedPurchases[$0] },
                    lifetimeValueMinor: i.flatMap { lifetime.lifetimeValueMinor[$0] },
                    currency: i.flatMap { lifetime.currency[$0] >= 0 ? facts.currencies[lifetime.currency[$0]] : nil },
                    discountShare: evidence[k].discounts?.spendShare,
                    document: (try? ScoreStore.document(a)) ?? "{}"))
        }
        let base = try? LoyaltyBaseSummary(assessments: assessments, discounts: evidence.map(\.discounts))
        summary = LoyaltySummary(
            customers: customers.count, counts: counts, atRisk: base?.atRisk ?? 0,
            repeatPurchases: base?.repeatPurchases ?? 0,
            discountedRepeatPurchases: base?.discountedRepeatPurchases ?? 0,
            reference: reference)
    }
}
