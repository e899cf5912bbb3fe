import Foundation

/// What a forecast found: net present values as P10 / P50 / P90 with the probability of a
/// loss, the cumulative profit month by month, the margin given to customers who would have
/// bought anyway, the points liability, what withdrawing the program would cost, the service
/// alternative side by side, and the uplift the program needs to break even. Money is in minor
/// units of `currency`, discounted to today.
public struct ForecastResult: Codable, Sendable, Hashable {
    /// The 10th, 50th and 90th percentiles and the mean of a quantity over the runs.
    public struct Quantiles: Codable, Sendable, Hashable {
        public var p10: Double
        public var p50: Double
        public var p90: Double
        public var mean: Double

        public init(p10: Double, p50: Double, p90: Double, mean: Double) {
            self.p10 = p10
            self.p50 = p50
            self.p90 = p90
            self.mean = mean
        }

        /// The percentiles of `values` (linear between order statistics, Hyndman & Fan type 7).
        public init(_ values: [Double]) {
            let sorted = values.sorted()
            p10 = Self.quantile(sorted, 0.1)
            p50 = Self.quantile(sorted, 0.5)
            p90 = Self.quantile(sorted, 0.9)
            mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
        }

        static func quantile(_ sorted: [Double], _ q: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let h = Double(sorted.count - 1) * q
            let low = Int(h.rounded(.down))
            let high = min(low + 1, sorted.count - 1)
            return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
        }
    }

    /// A month's P10 / P50 / P90 of a running figure.
    public struct Band: Codable, Sendable, Hashable {
        public var month: Int
        public var p10: Double
        public var p50: Double
        public var p90: Double

        public init(month: Int, p10: Double, p50: Double, p90: Double) {
            self.month = month
            self.p10 = p10
            self.p50 = p50
            self.p90 = p90
        }
    }

    /// One bin of the NPV histogram: how many runs of the program and of the service
    /// alternative ended in [lower, upper).
    public struct Bin: Codable, Sendable, Hashable {
        public var lower: Double
        public var upper: Double
        public var program: Int
        public var service: Int

        public init(lower: Double, upper: Double, program: Int, service: Int) {
            self.lower = lower
            self.upper = upper
            self.program = program
            self.service = service
        }
    }

    /// One plan's money over the horizon.
    public struct Outcome: Codable, Sendable, Hashable {
        public var npv: Quantiles
        public var probabilityOfLoss: Double
        /// Cumulative discounted profit at the end of each month (month 0 holds the set-up).
        public var cumulative: [Band]
        /// Margin on the extra sales.
        public var extraMargin: Quantiles
        /// Everything paid out: rewards and running and set-up costs.
        public var costs: Quantiles

        public init(
            npv: Quantiles, probabilityOfLoss: Double, cumulative: [Band], extraMargin: Quantiles, costs: Quantiles
        ) {
            self.npv = npv
            self.probabilityOfLoss = probabilityOfLoss
            self.cumulative = cumulative
            self.extraMargin = extraMargin
            self.costs = costs
        }

        enum CodingKeys: String, CodingKey {
            case npv
            case probabilityOfLoss = "probability_of_loss"
            case cumulative
            case extraMargin = "extra_margin"
            case costs
        }
    }

    /// Stopping the program at `month`.
    public struct Withdrawal: Codable, Sendable, Hashable {
        public var month: Int
        /// The program's NPV when it stops at `month`.
        public var npv: Quantiles
        public var probabilityOfLoss: Double
        /// The margin the members who leave at once would have brought until the horizon.
        public var cost: Quantiles
        public var customersLost: Quantiles

        public init(month: Int, npv: Quantiles, probabilityOfLoss: Double, cost: Quantiles, customersLost: Quantiles) {
            self.month = month
            self.npv = npv
            self.probabilityOfLoss = probabilityOfLoss
            self.cost = cost
            self.customersLost = customersLost
        }

        enum CodingKeys: String, CodingKey {
            case month, npv
            case probabilityOfLoss = "probability_of_loss"
            case cost
            case customersLost = "customers_lost"
        }
    }

    /// The service alternative: what changes, and its money.
    public struct Service: Codable, Sendable, Hashable {
        public var outcome: Outcome
        /// Late or broken promises and deliveries, and late first replies, avoided a month.
        public var avoidedPerMonth: Double
        public var onTimeFrom: Double?
        public var onTimeTo: Double?
        public var repliesFrom: Double?
        public var repliesTo: Double?
        /// The share of runs in which the service alternative ends ahead of the program.
        public var probabilityBetter: Double

        public init(
            outcome: Outcome, avoidedPerMonth: Double, onTimeFrom: Double?, onTimeTo: Double?, repliesFrom: Double?,
            repliesTo: Double?, probabilityBetter: Double
        ) {
            self.outcome = outcome
            self.avoidedPerMonth = avoidedPerMonth
            self.onTimeFrom = onTimeFrom
            self.onTimeTo = onTimeTo
            self.repliesFrom = repliesFrom
            self.repliesTo = repliesTo
            self.probabilityBetter = probabilityBetter
        }

        enum CodingKeys: String, CodingKey {
            case outcome
            case avoidedPerMonth = "avoided_per_month"
            case onTimeFrom = "on_time_from"
            case onTimeTo = "on_time_to"
            case repliesFrom = "replies_from"
            case repliesTo = "replies_to"
            case probabilityBetter = "probability_better"
        }

        /// Every key, a part not changed as `null`.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(outcome, forKey: .outcome)
            try c.encode(avoidedPerMonth, forKey: .avoidedPerMonth)
            try c.encode(onTimeFrom, forKey: .onTimeFrom)
            try c.encode(onTimeTo, forKey: .onTimeTo)
            try c.encode(repliesFrom, forKey: .repliesFrom)
            try c.encode(repliesTo, forKey: .repliesTo)
            try c.encode(probabilityBetter, forKey: .probabilityBetter)
        }
    }

    /// Why the service alternative could not be forecast.
    public enum ServiceGap: String, Codable, Sendable, Hashable {
        /// No promises or deliveries were decided in the last 90 days.
        case noOnTimeData = "no_on_time_data"
        /// Too few customers with a broken promise to estimate what one costs.
        case noPromiseEffect = "no_promise_effect"
        /// No contacts were answered in the last 90 days.
        case noReplyData = "no_reply_data"
        /// Too few customers with a late reply to estimate what one costs.
        case noReplyEffect = "no_reply_effect"
    }

    /// The uplift that makes the program's NPV zero with every other input at its likely value;
    /// nil when no uplift in range does.
    public struct BreakEven: Codable, Sendable, Hashable {
        /// The share of members' churn the program must remove, with no other effect.
        public var retentionUplift: Double?
        /// The rise in members' purchases per month it needs, with no other effect.
        public var frequencyUplift: Double?

        public init(retentionUplift: Double?, frequencyUplift: Double?) {
            self.retentionUplift = retentionUplift
            self.frequencyUplift = frequencyUplift
        }

        enum CodingKeys: String, CodingKey {
            case retentionUplift = "retention_uplift"
            case frequencyUplift = "frequency_uplift"
        }

        /// Both keys, no break-even as `null`.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(retentionUplift, forKey: .retentionUplift)
            try c.encode(frequencyUplift, forKey: .frequencyUplift)
        }
    }

    /// What the numbers add up to.
    public enum Verdict: String, Codable, Sendable, Hashable {
        /// A loss in fewer than 10 % of runs.
        case pays
        /// A loss in 10–50 % of runs.
        case risky
        /// A loss in more than half the runs.
        case loses
    }

    /// How the program and the service alternative compare.
    public enum Comparison: String, Codable, Sendable, Hashable {
        /// The service alternative ends ahead in at least 90 % of runs.
        case serviceBetter = "service_better"
        /// The program ends ahead in at least 90 % of runs.
        case programBetter = "program_better"
        /// Neither ends ahead often enough to say.
        case unclear
    }

    public var runs: Int
    public var seed: UInt64
    public var horizonMonths: Int
    public var currency: String?
    public var program: Outcome
    /// Rewards paid on purchases members would have made anyway.
    public var subsidyLeak: Quantiles
    /// The mean leak per loyalty segment.
    public var subsidyLeakBySegment: [String: Double]
    public var members: Quantiles
    /// Members still active at the horizon who would have left without the program.
    public var customersKept: Quantiles
    /// What the program spends a year to keep one member.
    public var retentionCostPerMember: Quantiles
    /// What winning one new customer costs: `acquisitionMultiple` × the retention cost.
    public var acquisitionCostPerCustomer: Quantiles
    /// Winning as many new customers as the program keeps (not part of the NPV).
    public var replacementValue: Quantiles
    /// The expected cost of points earned and not yet redeemed, month by month (points only).
    public var liability: [Band]
    public var withdrawal: Withdrawal?
    public var service: Service?
    /// The service alternative again with the lifetime model's estimate of what a broken promise
    /// and a late reply cost (the covariate model) instead of the matching estimate.
    public var serviceByModel: Service?
    public var serviceGap: ServiceGap?
    public var breakEven: BreakEven
    public var histogram: [Bin]
    public var verdict: Verdict
    public var comparison: Comparison?

    public init(
        runs: Int, seed: UInt64, horizonMonths: Int, currency: String?, program: Outcome, subsidyLeak: Quantiles,
        subsidyLeakBySegment: [String: Double], members: Quantiles, customersKept: Quantiles,
        retentionCostPerMember: Quantiles, acquisitionCostPerCustomer: Quantiles, replacementValue: Quantiles,
        liability: [Band], withdrawal: Withdrawal?, service: Service?, serviceGap: ServiceGap?, breakEven: BreakEven,
        histogram: [Bin], verdict: Verdict, comparison: Comparison?
    ) {
        self.runs = runs
        self.seed = seed
        self.horizonMonths = horizonMonths
        self.currency = currency
        self.program = program
        self.subsidyLeak = subsidyLeak
        self.subsidyLeakBySegment = subsidyLeakBySegment
        self.members = members
        self.customersKept = customersKept
        self.retentionCostPerMember = retentionCostPerMember
        self.acquisitionCostPerCustomer = acquisitionCostPerCustomer
        self.replacementValue = replacementValue
        self.liability = liability
        self.withdrawal = withdrawal
        self.service = service
        self.serviceGap = serviceGap
        self.breakEven = breakEven
        self.histogram = histogram
        self.verdict = verdict
        self.comparison = comparison
    }

    enum CodingKeys: String, CodingKey {
        case runs, seed
        case horizonMonths = "horizon_months"
        case currency, program
        case subsidyLeak = "subsidy_leak"
        case subsidyLeakBySegment = "subsidy_leak_by_segment"
        case members
        case customersKept = "customers_kept"
        case retentionCostPerMember = "retention_cost_per_member"
        case acquisitionCostPerCustomer = "acquisition_cost_per_customer"
        case replacementValue = "replacement_value"
        case liability, withdrawal, service
        case serviceByModel = "service_by_model"
        case serviceGap = "service_gap"
        case breakEven = "break_even"
        case histogram, verdict, comparison
    }

    /// Every key, what does not apply as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(runs, forKey: .runs)
        try c.encode(seed, forKey: .seed)
        try c.encode(horizonMonths, forKey: .horizonMonths)
        try c.encode(currency, forKey: .currency)
        try c.encode(program, forKey: .program)
        try c.encode(subsidyLeak, forKey: .subsidyLeak)
        try c.encode(subsidyLeakBySegment, forKey: .subsidyLeakBySegment)
        try c.encode(members, forKey: .members)
        try c.encode(customersKept, forKey: .customersKept)
        try c.encode(retentionCostPerMember, forKey: .retentionCostPerMember)
        try c.encode(acquisitionCostPerCustomer, forKey: .acquisitionCostPerCustomer)
        try c.encode(replacementValue, forKey: .replacementValue)
        try c.encode(liability, forKey: .liability)
        try c.encode(withdrawal, forKey: .withdrawal)
        try c.encode(service, forKey: .service)
        try c.encode(serviceByModel, forKey: .serviceByModel)
        try c.encode(serviceGap, forKey: .serviceGap)
        try c.encode(breakEven, forKey: .breakEven)
        try c.encode(histogram, forKey: .histogram)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(comparison, forKey: .comparison)
    }
}
