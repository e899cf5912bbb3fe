import Foundation

/// What the business would sell without a program, per loyalty segment, from its own history:
/// the lifetime models' expected purchases and P(alive), the average order of the last year,
/// and how the yearly spend is spread (for tiers); and the service facts the service
/// alternative needs (how many promises and replies a month, how many on time, and what a
/// broken promise or a late reply has cost in purchases). `earned score` computes it.
public struct ForecastBaseline: Codable, Sendable, Hashable {
    /// A slice of customers ordered by yearly spend: the lowest spend in it and its share of
    /// the segment's spend.
    public struct SpendGroup: Codable, Sendable, Hashable {
        public var lowestMinor: Double
        public var share: Double

        public init(lowestMinor: Double, share: Double) {
            self.lowestMinor = lowestMinor
            self.share = share
        }

        enum CodingKeys: String, CodingKey {
            case lowestMinor = "lowest_minor"
            case share
        }
    }

    /// One loyalty segment's customers.
    public struct Cohort: Codable, Sendable, Hashable {
        public var segment: LoyaltySegment
        public var customers: Int
        /// Σ P(alive): the customers expected to be still active now.
        public var activeCustomers: Double
        /// Purchases per active customer per month.
        public var monthlyPurchaseRate: Double
        /// The probability an active customer stops buying in a month.
        public var monthlyChurn: Double
        /// The average order of the last 12 months, in minor units.
        public var averageOrderMinor: Double
        /// The last 12 months' spend by groups of customers, lowest spenders first.
        public var spendGroups: [SpendGroup]

        public init(
            segment: LoyaltySegment, customers: Int, activeCustomers: Double, monthlyPurchaseRate: Double,
            monthlyChurn: Double, averageOrderMinor: Double, spendGroups: [SpendGroup]
        ) {
            self.segment = segment
            self.customers = customers
            self.activeCustomers = activeCustomers
            self.monthlyPurchaseRate = monthlyPurchaseRate
            self.monthlyChurn = monthlyChurn
            self.averageOrderMinor = averageOrderMinor
            self.spendGroups = spendGroups
        }

        enum CodingKeys: String, CodingKey {
            case segment, customers
            case activeCustomers = "active_customers"
            case monthlyPurchaseRate = "monthly_purchase_rate"
            case monthlyChurn = "monthly_churn"
            case averageOrderMinor = "average_order_minor"
            case spendGroups = "spend_groups"
        }
    }

    /// How many records of a kind come in a month and the share done right today.
    public struct Rate: Codable, Sendable, Hashable {
        public var perMonth: Double
        public var share: Double
        /// The records the share is counted from.
        public var sampleSize: Int

        public init(perMonth: Double, share: Double, sampleSize: Int) {
            self.perMonth = perMonth
            self.share = share
            self.sampleSize = sampleSize
        }

        enum CodingKeys: String, CodingKey {
            case perMonth = "per_month"
            case share
            case sampleSize = "sample_size"
        }
    }

    /// The change in a customer's purchases over `horizonDays` after a broken promise (or a
    /// late reply), against matched customers served right: negative is a cost.
    public struct Effect: Codable, Sendable, Hashable {
        public var purchases: Double
        public var standardError: Double
        public var horizonDays: Int

        public init(purchases: Double, standardError: Double, horizonDays: Int) {
            self.purchases = purchases
            self.standardError = standardError
            self.horizonDays = horizonDays
        }

        enum CodingKeys: String, CodingKey {
            case purchases
            case standardError = "standard_error"
            case horizonDays = "horizon_days"
        }
    }

    public var computedAt: Date
    public var currency: String?
    public var cohorts: [Cohort]
    /// Promises and deliveries decided a month, and the share on time.
    public var onTime: Rate?
    /// Contacts answered a month, and the share answered within target.
    public var replies: Rate?
    public var promiseEffect: Effect?
    public var replyEffect: Effect?
    /// The same effects as the lifetime model with the service as covariates estimates them
    /// (`ServiceEffects.PerFailure`), beside the matching estimates above.
    public var promiseEffectByModel: Effect?
    public var replyEffectByModel: Effect?

    /// This baseline with the lifetime model's effects in place of the matching estimates; nil
    /// when the model estimated neither.
    public var withModelEffects: ForecastBaseline? {
        guard promiseEffectByModel != nil || replyEffectByModel != nil else { return nil }
        var copy = self
        copy.promiseEffect = promiseEffectByModel
        copy.replyEffect = replyEffectByModel
        return copy
    }

    public init(
        computedAt: Date, currency: String?, cohorts: [Cohort], onTime: Rate?, replies: Rate?, promiseEffect: Effect?,
        replyEffect: Effect?
    ) {
        self.computedAt = computedAt
        self.currency = currency
        self.cohorts = cohorts
        self.onTime = onTime
        self.replies = replies
        self.promiseEffect = promiseEffect
        self.replyEffect = replyEffect
    }

    enum CodingKeys: String, CodingKey {
        case computedAt = "computed_at"
        case currency, cohorts
        case onTime = "on_time"
        case replies
        case promiseEffect = "promise_effect"
        case replyEffect = "reply_effect"
        case promiseEffectByModel = "promise_effect_by_model"
        case replyEffectByModel = "reply_effect_by_model"
    }

    /// Every key, what is unknown as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(computedAt, forKey: .computedAt)
        try c.encode(currency, forKey: .currency)
        try c.encode(cohorts, forKey: .cohorts)
        try c.encode(onTime, forKey: .onTime)
        try c.encode(replies, forKey: .replies)
        try c.encode(promiseEffect, forKey: .promiseEffect)
        try c.encode(replyEffect, forKey: .replyEffect)
        try c.encode(promiseEffectByModel, forKey: .promiseEffectByModel)
        try c.encode(replyEffectByModel, forKey: .replyEffectByModel)
    }

    /// The snapshot key `earned score` stores the baseline under.
    public static let key = "forecast-baseline"
    /// Days in an average month (365.25 / 12).
    public static let daysPerMonth = 30.4375

    /// The monthly purchase rate λ and churn h of a segment whose `active` customers are
    /// expected (BG/NBD, Fader, Hardie & Lee 2005, conditional expectations per customer, summed)
    /// to make `firstYear` purchases in the coming year and `secondYear` in the year after.
    /// With survival s = 1 − h a month, year k holds active·λ·s^{12(k−1)}·(1 − s^12)/(1 − s)
    /// purchases, so s^12 = secondYear / firstYear and λ = firstYear·(1 − s)/(active·(1 − s^12));
    /// without decay, λ = firstYear/active/12 and h = 0. The model's own decay, per segment:
    /// frequent buyers who are still alive leave slowly, one-off buyers fast.
    public static func monthlyRates(active: Double, firstYear: Double, secondYear: Double) -> (
        rate: Double, churn: Double
    ) {
        guard active > 0, firstYear > 0 else { return (0, 0) }
        let yearly = min(1, max(0, secondYear / firstYear))
        guard yearly < 1 else { return (firstYear / active / 12, 0) }
        let survival = pow(yearly, 1.0 / 12)
        return (firstYear * (1 - survival) / (active * (1 - yearly)), 1 - survival)
    }

    /// Customers' yearly spends cut into `groups` slices of equal head count (lowest first),
    /// each with its lowest spend and share of the total.
    public static func spendGroups(_ spends: [Double], groups: Int = 20) -> [SpendGroup] {
        let sorted = spends.filter { $0 > 0 }.sorted()
        let total = sorted.reduce(0, +)
        guard total > 0, groups > 0 else { return [] }
        let size = max(1, (sorted.count + groups - 1) / groups)
        return stride(from: 0, to: sorted.count, by: size).map { start in
            let slice = sorted[start..<min(start + size, sorted.count)]
            return SpendGroup(lowestMinor: slice.first ?? 0, share: slice.reduce(0, +) / total)
        }
    }
}
