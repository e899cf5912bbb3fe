import EarnedAnalytics
import EarnedDomain
import EarnedServices
import Foundation

/// Who is truly loyal and who only buys on discount, from the last score run, as the loyalty
/// page shows it: segment sizes and how customers moved between them, the share of repeat
/// buying done with a discount (with its Wilson interval), the spread of lifetime value, the
/// customers of one segment a page at a time, those at risk, the referral circle, and the
/// lifetime model with its validation and the service's effects (`LifetimeModelDTO`).
/// `computed_at` is null (and the figures empty) before the first score run.
struct LoyaltyDTO: APIObject {
    var computed_at: Date?
    var customers: Int
    var at_risk: Int
    var segments: [SegmentDTO]
    var repeat_purchases: Int
    var discounted_repeat_purchases: Int
    var discounted_share: IntervalDTO?
    var movement: MovementDTO?
    var lifetime_value: ValueSpreadDTO?
    var referrals: ReferralsDTO?
    var lifetime_model: LifetimeModelDTO?
    var segment: String
    var page: Int
    var pages: Int
    var segment_customers: [CustomerScoreDTO]
    var at_risk_customers: [CustomerScoreDTO]

    struct SegmentDTO: APIObject {
        var segment: String
        var name: String
        var customers: Int
        var share: Double?
    }

    /// A share or a mean with its 95 % interval.
    struct IntervalDTO: APIObject {
        var value: Double
        var lower: Double
        var upper: Double
    }

    /// Customers by their segment at `since` (rows; the last, "new", made their first purchase
    /// since) and now (columns).
    struct MovementDTO: APIObject {
        var since: Date
        var rows: [String]
        var columns: [String]
        var counts: [[Int]]
    }

    /// Lifetime values (minor units of `currency`): equal bins up to the 90th percentile and one
    /// open bin above it (`upper` null).
    struct ValueSpreadDTO: APIObject {
        var currency: String
        var customers: Int
        var median: Double
        var mean: Double
        var total: Double
        var bins: [BinDTO]
    }

    struct BinDTO: APIObject {
        var lower: Double
        var upper: Double?
        var customers: Int
    }

    /// The referral circle; the value means (minor units) are null below 30 customers a side.
    struct ReferralsDTO: APIObject {
        var referrals: Int
        var referrers: Int
        var referred: Int
        var satisfied: Int
        var satisfied_who_referred: Int
        var currency: String?
        var referred_value: IntervalDTO?
        var other_value: IntervalDTO?
        var top: [ReferrerDTO]
    }

    struct ReferrerDTO: APIObject {
        var customer_id: UUID
        var name: String?
        var referred: Int
        var referred_value: Int64
    }

    init(_ page: LoyaltyPage, s: Strings) {
        let summary = page.summary
        computed_at = page.computedAt
        customers = summary?.customers ?? 0
        at_risk = summary?.atRisk ?? 0
        segments =
            summary.map { summary in
                LoyaltySegment.allCases.map { seg in
                    let n = summary.counts[seg.rawValue] ?? 0
                    return SegmentDTO(
                        segment: seg.rawValue, name: s.segmentName(seg.rawValue), customers: n,
                        share: summary.customers > 0 ? Double(n) / Double(summary.customers) : nil)
                }
            } ?? []
        repeat_purchases = summary?.repeatPurchases ?? 0
        discounted_repeat_purchases = summary?.discountedRepeatPurchases ?? 0
        discounted_share = summary.flatMap {
            WilsonInterval(successes: $0.discountedRepeatPurchases, trials: $0.repeatPurchases)
        }.map { IntervalDTO(value: $0.estimate, lower: $0.lower, upper: $0.upper) }
        movement = summary?.movement.map {
            MovementDTO(since: $0.since, rows: $0.rows, columns: $0.columns, counts: $0.counts)
        }
        lifetime_value = summary?.lifetimeValue.map { d in
            ValueSpreadDTO(
                currency: d.currency, customers: d.customers, median: d.median, mean: d.mean, total: d.total,
                bins: d.bins.map { BinDTO(lower: $0.lower, upper: $0.upper, customers: $0.count) })
        }
        func interval(_ e: IntervalEstimate?) -> IntervalDTO? {
            e.map { IntervalDTO(value: $0.estimate, lower: $0.lower, upper: $0.upper) }
        }
        referrals = summary?.referrals.map { r in
            ReferralsDTO(
                referrals: r.referrals, referrers: r.referrers, referred: r.referred, satisfied: r.satisfied,
                satisfied_who_referred: r.satisfiedWhoReferred, currency: r.currency,
                referred_value: interval(r.referredValue), other_value: interval(r.otherValue),
                top: r.top.map {
                    ReferrerDTO(
                        customer_id: $0.customerID.rawValue, name: page.names[$0.customerID], referred: $0.referred,
                        referred_value: $0.referredValueMinor)
                })
        }
        lifetime_model = page.lifetime.map { LifetimeModelDTO($0, s: s) }
        segment = page.segment.rawValue
        self.page = page.page
        pages = max(
            1, ((summary?.counts[page.segment.rawValue] ?? 0) + LoyaltyPage.pageSize - 1) / LoyaltyPage.pageSize)
        segment_customers = page.customers.map { CustomerScoreDTO($0.score, name: $0.name, s: s) }
        at_risk_customers = page.atRisk.map { CustomerScoreDTO($0.score, name: $0.name, s: s) }
    }
}
