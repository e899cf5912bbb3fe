import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

/// The segments of the whole base as stored beside the per-customer rows.
package struct LoyaltySummary: Codable, Sendable, Equatable {
    package static let key = "loyalty"

    package var customers: Int
    package var counts: [String: Int]
    package var atRisk: Int
    package var repeatPurchases: Int
    package var discountedRepeatPurchases: Int
    /// The base's reference level of expected purchases in the coming year.
    package var reference: Double?
    /// How customers moved between segments since `Movement.since`.
    package var movement: Movement?
    /// The spread of lifetime value in the most-used currency.
    package var lifetimeValue: ValueDistribution?
    /// The referral circle: who refers, and what referred customers are worth.
    package var referrals: ReferralFigures?

    /// Customers by their segment at `since` (rows: the segments in `LoyaltySegment.allCases`
    /// order, then "new": no purchase before `since`) and now (columns: the segments).
    package struct Movement: Codable, Sendable, Equatable {
        package static let newRow = "new"
        package var since: Date
        package var rows: [String]
        package var columns: [String]
        package var counts: [[Int]]

        package init(since: Date, before: [CustomerScoreRow], after: [CustomerScoreRow]) {
            self.since = since
            columns = LoyaltySegment.allCases.map(\.rawValue)
            rows = columns + [Self.newRow]
            var counts = [[Int]](repeating: [Int](repeating: 0, count: columns.count), count: rows.count)
            let then = Dictionary(before.map { ($0.customerID, $0) }, uniquingKeysWith: { a, _ in a })
            for now in after {
                guard let column = columns.firstIndex(of: now.segment) else { continue }
                let past = then[now.customerID]
                let row =
                    (past == nil || (past!.purchases == 0 && now.purchases > 0))
                    ? rows.count - 1 : (columns.firstIndex(of: past!.segment) ?? rows.count - 1)
                counts[row][column] += 1
            }
            self.counts = counts
        }
    }

    /// A histogram of lifetime values (minor units) with its median and mean: equal-width bins
    /// up to the 90th percentile, and one last bin for everything above it, so a few very large
    /// values do not squeeze the rest into one bar.
    package struct ValueDistribution: Codable, Sendable, Equatable {
        package struct Bin: Codable, Sendable, Equatable {
            package var lower: Double
            /// Nil for the last bin: everything from `lower` up.
            package var upper: Double?
            package var count: Int
        }
        package static let binCount = 10

        package var currency: String
        package var customers: Int
        package var median: Double
        package var mean: Double
        package var total: Double
        package var bins: [Bin]

        package init?(values: [Double], currency: String) {
            let x = values.filter(\.isFinite).sorted()
            guard x.count >= 2 else { return nil }
            self.currency = currency
            customers = x.count
            total = x.reduce(0, +)
            mean = total / Double(x.count)
            median = x.count % 2 == 1 ? x[x.count / 2] : (x[x.count / 2 - 1] + x[x.count / 2]) / 2
            let low = min(0, x[0])
            let top = max(low + 1, x[min(x.count - 1, Int((Double(x.count) * 0.9).rounded(.down)))])
            let width = (top - low) / Double(Self.binCount - 1)
            var bins = (0..<Self.binCount - 1).map {
                Bin(lower: low + width * Double($0), upper: low + width * Double($0 + 1), count: 0)
            }
            bins.append(Bin(lower: top, upper: nil, count: 0))
            for v in x { bins[min(Self.binCount - 1, max(0, Int((v - low) / width)))].count += 1 }
            self.bins = bins
        }
    }

    /// The referral circle: how many refer, how often satisfied customers refer, and the
    /// lifetime value of referred customers against the rest (means in the most-used currency,
    /// with 95 % intervals; nil below 30 customers on a side).
    package struct ReferralFigures: Codable, Sendable, Equatable {
        package var referrals: Int
        package var referrers: Int
        package var referred: Int
        /// Customers whose newest satisfaction or recommendation answer is positive.
        package var satisfied: Int
        package var satisfiedWhoReferred: Int
        package var currency: String?
        package var referredValue: IntervalEstimate?
        package var otherValue: IntervalEstimate?
        /// The customers who referred the most others, with the referred customers' lifetime
        /// value in `currency`.
        package var top: [Referrer] = []

        package struct Referrer: Codable, Sendable, Equatable {
            package var customerID: CustomerID
            package var referred: Int
            package var referredValueMinor: Int64
        }
        package static let topCount = 20

        package static func mean(_ values: [Double]) -> IntervalEstimate? {
            values.count >= 30 ? IntervalEstimate.mean(of: values) : nil
        }
    }
}

/// Every live customer's Dick & Basu segment from their evidence (`LoyaltyClassifier`): survey
/// answers, referrals, the lifetime model's outlook, discount use, and the service they met.
package struct LoyaltyScores {
    package var rows: [CustomerScoreRow] = []
    package var summary: LoyaltySummary

    package init(facts: ScoreFacts, lifetime: LifetimeScores, replyStatus: [ContactID: ReplyClock.Result], now: Date) {
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
                    document: (try? ScoreStore.document(a)) ?? "{}",
                    aliveLimits: i.flatMap { lifetime.aliveLimits[$0] },
                    purchasesLimits: i.flatMap { lifetime.purchasesLimits[$0] },
                    valueLimitsMinor: i.flatMap { lifetime.valueLimitsMinor[$0] }))
        }
        let base = try? LoyaltyBaseSummary(assessments: assessments, discounts: evidence.map(\.discounts))
        summary = LoyaltySummary(
            customers: customers.count, counts: counts, atRisk: base?.atRisk ?? 0,
            repeatPurchases: base?.repeatPurchases ?? 0,
            discountedRepeatPurchases: base?.discountedRepeatPurchases ?? 0,
            reference: reference)

        // The lifetime value's spread and the referral circle, in the most-used currency.
        var used: [String: Int] = [:]
        for r in rows { if let c = r.currency, r.lifetimeValueMinor != nil { used[c, default: 0] += 1 } }
        let main = used.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        let value = Dictionary(
            rows.compactMap { r in
                r.currency == main ? r.lifetimeValueMinor.map { (r.customerID, Double($0)) } : nil
            }, uniquingKeysWith: { a, _ in a })
        if let main {
            summary.lifetimeValue = LoyaltySummary.ValueDistribution(values: Array(value.values), currency: main)
        }
        let referred = Set(facts.referrals.map(\.1))
        let referrers = Set(facts.referrals.map(\.0))
        var satisfied = 0
        var satisfiedWhoReferred = 0
        for (id, list) in answers {
            guard
                let newest = list.filter({ $0.nps != nil || $0.csat != nil }).max(by: { $0.answeredAt < $1.answeredAt })
            else { continue }
            guard AnswerAttitude(nps: newest.nps, csat: newest.csat) == .positive else { continue }
            satisfied += 1
            if referrers.contains(id) { satisfiedWhoReferred += 1 }
        }
        var brought: [CustomerID: (n: Int, value: Int64)] = [:]
        let live = Set(customers)
        for (referrer, referredID, _) in facts.referrals where live.contains(referrer) {
            brought[referrer, default: (0, 0)].n += 1
            brought[referrer, default: (0, 0)].value += value[referredID].map { Int64($0) } ?? 0
        }
        let top = brought.sorted { a, b in
            (a.value.n, a.value.value, b.key.rawValue.uuidString) > (
                b.value.n, b.value.value, a.key.rawValue.uuidString
            )
        }.prefix(LoyaltySummary.ReferralFigures.topCount).map {
            LoyaltySummary.ReferralFigures.Referrer(
                customerID: $0.key, referred: $0.value.n, referredValueMinor: $0.value.value)
        }
        summary.referrals = LoyaltySummary.ReferralFigures(
            referrals: facts.referrals.count, referrers: referrers.count, referred: referred.count,
            satisfied: satisfied, satisfiedWhoReferred: satisfiedWhoReferred, currency: main,
            referredValue: LoyaltySummary.ReferralFigures.mean(value.filter { referred.contains($0.key) }.map(\.value)),
            otherValue: LoyaltySummary.ReferralFigures.mean(value.filter { !referred.contains($0.key) }.map(\.value)),
            top: Array(top))
    }
}
