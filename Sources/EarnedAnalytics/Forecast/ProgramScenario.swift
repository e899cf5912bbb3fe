import EarnedDomain
import Foundation

/// Everything an owner enters to forecast a loyalty program against a service improvement
/// (PRODUCT.md L; thesis T2, T6, T8). Shares are fractions (0.05 is 5 %), money is in minor
/// units of the baseline's currency, and every effect nobody can know in advance is a `Spread`.
///
/// In JSON (the API, `earned forecast --scenario`, saved scenarios) keys are snake_case and any
/// key left out takes its value from `standard`.
public struct ProgramScenario: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A percentage off every purchase.
        case discount
        /// Points per currency unit spent, redeemed later for money off.
        case points
        /// A percentage of every purchase credited back.
        case cashback
        /// A reward percentage that grows with the customer's yearly spend.
        case tiers
    }

    /// How points are earned and spent.
    public struct Points: Codable, Sendable, Hashable {
        /// Points earned per whole currency unit spent (per 100 minor units).
        public var perUnit: Double
        /// What one point is worth when redeemed, in minor units.
        public var valueMinor: Double
        /// Months after which an unredeemed point expires.
        public var expiryMonths: Int
        /// The share of points never redeemed.
        public var breakage: Spread
        /// Months from earning a point to redeeming it, on average (at most the expiry).
        public var redemptionLagMonths: Int

        public init(perUnit: Double, valueMinor: Double, expiryMonths: Int, breakage: Spread, redemptionLagMonths: Int)
        {
            self.perUnit = perUnit
            self.valueMinor = valueMinor
            self.expiryMonths = expiryMonths
            self.breakage = breakage
            self.redemptionLagMonths = redemptionLagMonths
        }

        /// The reward per unit of spend once every point is redeemed: points per minor unit
        /// times a point's value.
        public var rate: Double { perUnit / 100 * valueMinor }

        enum CodingKeys: String, CodingKey {
            case perUnit = "per_unit"
            case valueMinor = "value_minor"
            case expiryMonths = "expiry_months"
            case breakage
            case redemptionLagMonths = "redemption_lag_months"
        }
    }

    /// One tier: customers whose yearly spend reaches the threshold get its reward.
    public struct Tier: Codable, Sendable, Hashable {
        public var minimumYearlySpendMinor: Double
        public var rate: Double

        public init(minimumYearlySpendMinor: Double, rate: Double) {
            self.minimumYearlySpendMinor = minimumYearlySpendMinor
            self.rate = rate
        }

        enum CodingKeys: String, CodingKey {
            case minimumYearlySpendMinor = "minimum_yearly_spend_minor"
            case rate
        }
    }

    /// Stopping the program at the end of a month, and the members who leave at once.
    public struct Withdrawal: Codable, Sendable, Hashable {
        public var month: Int
        /// The share of the members still active who leave when it stops.
        public var churnSpike: Spread

        public init(month: Int, churnSpike: Spread) {
            self.month = month
            self.churnSpike = churnSpike
        }

        enum CodingKeys: String, CodingKey {
            case month
            case churnSpike = "churn_spike"
        }
    }

    /// Spending the money on service instead: more promises and deliveries on time, more
    /// first replies within target. A target left out, or not above today's share, changes
    /// nothing.
    public struct ServiceAlternative: Codable, Sendable, Hashable {
        public var onTimeTarget: Double?
        public var repliesTarget: Double?
        public var monthlyCostMinor: Double
        public var setupCostMinor: Double

        public init(onTimeTarget: Double?, repliesTarget: Double?, monthlyCostMinor: Double, setupCostMinor: Double) {
            self.onTimeTarget = onTimeTarget
            self.repliesTarget = repliesTarget
            self.monthlyCostMinor = monthlyCostMinor
            self.setupCostMinor = setupCostMinor
        }

        enum CodingKeys: String, CodingKey {
            case onTimeTarget = "on_time_target"
            case repliesTarget = "replies_target"
            case monthlyCostMinor = "monthly_cost_minor"
            case setupCostMinor = "setup_cost_minor"
        }

        /// Every key, a target left out as `null`.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(onTimeTarget, forKey: .onTimeTarget)
            try c.encode(repliesTarget, forKey: .repliesTarget)
            try c.encode(monthlyCostMinor, forKey: .monthlyCostMinor)
            try c.encode(setupCostMinor, forKey: .setupCostMinor)
        }
    }

    public var kind: Kind
    /// The discount or cashback share of each purchase.
    public var rewardRate: Double
    public var points: Points
    public var tiers: [Tier]
    /// The segments offered the program; empty means every customer.
    public var eligible: [LoyaltySegment]
    /// The share of eligible active customers who join.
    public var participation: Spread
    /// How much of members' monthly churn the program removes (0.1 = a tenth fewer leave).
    public var retentionUplift: Spread
    /// The relative change in members' purchases per month (0.05 = 5 % more often).
    public var frequencyUplift: Spread
    /// The relative change in members' spend per purchase.
    public var spendUplift: Spread
    /// The gross margin on sales before the program's reward.
    public var grossMargin: Double
    public var monthlyCostMinor: Double
    public var setupCostMinor: Double
    public var horizonMonths: Int
    /// The yearly rate future money is discounted at.
    public var discountRate: Double
    /// How many times keeping a customer a new one costs to win (5, a rule of thumb: T8).
    public var acquisitionMultiple: Double
    public var withdrawal: Withdrawal?
    public var service: ServiceAlternative?
    /// Monte Carlo runs (at least 10,000).
    public var runs: Int
    public var seed: UInt64

    public init(
        kind: Kind, rewardRate: Double, points: Points, tiers: [Tier], eligible: [LoyaltySegment],
        participation: Spread, retentionUplift: Spread, frequencyUplift: Spread, spendUplift: Spread,
        grossMargin: Double, monthlyCostMinor: Double, setupCostMinor: Double, horizonMonths: Int,
        discountRate: Double, acquisitionMultiple: Double, withdrawal: Withdrawal?, service: ServiceAlternative?,
        runs: Int, seed: UInt64
    ) {
        self.kind = kind
        self.rewardRate = rewardRate
        self.points = points
        self.tiers = tiers
        self.eligible = eligible
        self.participation = participation
        self.retentionUplift = retentionUplift
        self.frequencyUplift = frequencyUplift
        self.spendUplift = spendUplift
        self.grossMargin = grossMargin
        self.monthlyCostMinor = monthlyCostMinor
        self.setupCostMinor = setupCostMinor
        self.horizonMonths = horizonMonths
        self.discountRate = discountRate
        self.acquisitionMultiple = acquisitionMultiple
        self.withdrawal = withdrawal
        self.service = service
        self.runs = runs
        self.seed = seed
    }

    /// The starting point of a new scenario. The effects are guesses and say so on the page:
    /// published evaluations of loyalty programs find small effects on retention and frequency,
    /// often none (Sharp & Sharp 1997, "Loyalty programs and their impact on repeat-purchase
    /// loyalty patterns", *IJRM* 14(5), 473–486; Dowling & Uncles 1997, "Do customer loyalty
    /// programs really work?", *Sloan Management Review* 38(4)).
    public static let standard = ProgramScenario(
        kind: .points, rewardRate: 0.05,
        points: Points(
            perUnit: 1, valueMinor: 5, expiryMonths: 12, breakage: Spread(low: 0.1, likely: 0.2, high: 0.35),
            redemptionLagMonths: 3),
        tiers: [
            Tier(minimumYearlySpendMinor: 0, rate: 0.02), Tier(minimumYearlySpendMinor: 3_000_000, rate: 0.05),
            Tier(minimumYearlySpendMinor: 10_000_000, rate: 0.08),
        ],
        eligible: [], participation: Spread(low: 0.2, likely: 0.35, high: 0.5),
        retentionUplift: Spread(low: 0, likely: 0.05, high: 0.15),
        frequencyUplift: Spread(low: 0, likely: 0.03, high: 0.1),
        spendUplift: Spread(low: -0.02, likely: 0, high: 0.05), grossMargin: 0.35, monthlyCostMinor: 3_000_000,
        setupCostMinor: 20_000_000, horizonMonths: 36, discountRate: 0.12, acquisitionMultiple: 5,
        withdrawal: Withdrawal(month: 24, churnSpike: Spread(low: 0.03, likely: 0.08, high: 0.15)),
        service: ServiceAlternative(
            onTimeTarget: 0.95, repliesTarget: nil, monthlyCostMinor: 3_000_000, setupCostMinor: 5_000_000),
        runs: 10_000, seed: 1)

    /// The fewest and most Monte Carlo runs.
    public static let runLimits = 10_000...100_000
    /// The longest horizon, in months.
    public static let longestHorizon = 120

    /// The scenario, or every problem with it, field by field (snake_case names).
    public func validated() throws(DomainError) -> ProgramScenario {
        var errors: [FieldError] = []
        func check(_ field: String, _ value: Double, _ range: ClosedRange<Double>) {
            if !value.isFinite || !range.contains(value) {
                errors.append(
                    FieldError(field: field, code: .outOfRange, detail: "\(range.lowerBound)…\(range.upperBound)"))
            }
        }
        check("reward_rate", rewardRate, 0...1)
        if kind == .points {
            check("points.per_unit", points.perUnit, 0...10_000)
            check("points.value_minor", points.valueMinor, 0...1_000_000)
            check("points.expiry_months", Double(points.expiryMonths), 1...120)
            check("points.redemption_lag_months", Double(points.redemptionLagMonths), 0...120)
            errors += points.breakage.problems("points.breakage", in: 0...1)
            if points.redemptionLagMonths > points.expiryMonths {
                errors.append(
                    FieldError(
                        field: "points.redemption_lag_months", code: .inconsistent,
                        detail: "points cannot be redeemed after they expire"))
            }
            if points.rate > 1 {
                errors.append(
                    FieldError(
                        field: "points.value_minor", code: .inconsistent, detail: "gives back more than is spent"))
            }
        }
        if kind == .tiers {
            if tiers.isEmpty || tiers.count > 10 {
                errors.append(FieldError(field: "tiers", code: .outOfRange, detail: "1…10 tiers"))
            }
            for (i, tier) in tiers.enumerated() {
                check("tiers.\(i).minimum_yearly_spend_minor", tier.minimumYearlySpendMinor, 0...1e15)
                check("tiers.\(i).rate", tier.rate, 0...1)
            }
        }
        errors += participation.problems("participation", in: 0...1)
        errors += retentionUplift.problems("retention_uplift", in: 0...1)
        errors += frequencyUplift.problems("frequency_uplift", in: -0.9...10)
        errors += spendUplift.problems("spend_uplift", in: -0.9...10)
        check("gross_margin", grossMargin, 0...1)
        check("monthly_cost_minor", monthlyCostMinor, 0...1e15)
        check("setup_cost_minor", setupCostMinor, 0...1e15)
        check("horizon_months", Double(horizonMonths), 1...Double(Self.longestHorizon))
        check("discount_rate", discountRate, 0...1)
        check("acquisition_multiple", acquisitionMultiple, 0...100)
        if let withdrawal {
            if withdrawal.month < 1 || withdrawal.month >= horizonMonths {
                // The horizon may itself be out of range (Int.min from a client): no arithmetic on it.
                let horizon = min(max(horizonMonths, 1), Self.longestHorizon)
                errors.append(
                    FieldError(
                        field: "withdrawal.month", code: .outOfRange, detail: "1…\(max(1, horizon - 1))"))
            }
            errors += withdrawal.churnSpike.problems("withdrawal.churn_spike", in: 0...1)
        }
        if let service {
            if let t = service.onTimeTarget { check("service.on_time_target", t, 0...1) }
            if let t = service.repliesTarget { check("service.replies_target", t, 0...1) }
            check("service.monthly_cost_minor", service.monthlyCostMinor, 0...1e15)
            check("service.setup_cost_minor", service.setupCostMinor, 0...1e15)
        }
        if !Self.runLimits.contains(runs) {
            errors.append(
                FieldError(
                    field: "runs", code: .outOfRange,
                    detail: "\(Self.runLimits.lowerBound)…\(Self.runLimits.upperBound)"))
        }
        if !errors.isEmpty { throw .invalid(errors) }
        return self
    }

    enum CodingKeys: String, CodingKey {
        case kind
        case rewardRate = "reward_rate"
        case points, tiers, eligible, participation
        case retentionUplift = "retention_uplift"
        case frequencyUplift = "frequency_uplift"
        case spendUplift = "spend_uplift"
        case grossMargin = "gross_margin"
        case monthlyCostMinor = "monthly_cost_minor"
        case setupCostMinor = "setup_cost_minor"
        case horizonMonths = "horizon_months"
        case discountRate = "discount_rate"
        case acquisitionMultiple = "acquisition_multiple"
        case withdrawal, service, runs, seed
    }

    /// Reads a scenario; a key left out keeps the value of `standard` (an explicit `null`
    /// withdrawal or service alternative turns it off).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self.standard
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind) ?? d.kind
        rewardRate = try c.decodeIfPresent(Double.self, forKey: .rewardRate) ?? d.rewardRate
        points = try c.decodeIfPresent(Points.self, forKey: .points) ?? d.points
        tiers = try c.decodeIfPresent([Tier].self, forKey: .tiers) ?? d.tiers
        eligible = try c.decodeIfPresent([LoyaltySegment].self, forKey: .eligible) ?? d.eligible
        participation = try c.decodeIfPresent(Spread.self, forKey: .participation) ?? d.participation
        retentionUplift = try c.decodeIfPresent(Spread.self, forKey: .retentionUplift) ?? d.retentionUplift
        frequencyUplift = try c.decodeIfPresent(Spread.self, forKey: .frequencyUplift) ?? d.frequencyUplift
        spendUplift = try c.decodeIfPresent(Spread.self, forKey: .spendUplift) ?? d.spendUplift
        grossMargin = try c.decodeIfPresent(Double.self, forKey: .grossMargin) ?? d.grossMargin
        monthlyCostMinor = try c.decodeIfPresent(Double.self, forKey: .monthlyCostMinor) ?? d.monthlyCostMinor
        setupCostMinor = try c.decodeIfPresent(Double.self, forKey: .setupCostMinor) ?? d.setupCostMinor
        horizonMonths = try c.decodeIfPresent(Int.self, forKey: .horizonMonths) ?? d.horizonMonths
        discountRate = try c.decodeIfPresent(Double.self, forKey: .discountRate) ?? d.discountRate
        acquisitionMultiple =
            try c.decodeIfPresent(Double.self, forKey: .acquisitionMultiple) ?? d.acquisitionMultiple
        withdrawal =
            c.contains(.withdrawal) ? try c.decodeIfPresent(Withdrawal.self, forKey: .withdrawal) : d.withdrawal
        service = c.contains(.service) ? try c.decodeIfPresent(ServiceAlternative.self, forKey: .service) : d.service
        runs = try c.decodeIfPresent(Int.self, forKey: .runs) ?? d.runs
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
    }

    /// Every key; an option turned off is written `null`, so reading it back keeps it off.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(rewardRate, forKey: .rewardRate)
        try c.encode(points, forKey: .points)
        try c.encode(tiers, forKey: .tiers)
        try c.encode(eligible, forKey: .eligible)
        try c.encode(participation, forKey: .participation)
        try c.encode(retentionUplift, forKey: .retentionUplift)
        try c.encode(frequencyUplift, forKey: .frequencyUplift)
        try c.encode(spendUplift, forKey: .spendUplift)
        try c.encode(grossMargin, forKey: .grossMargin)
        try c.encode(monthlyCostMinor, forKey: .monthlyCostMinor)
        try c.encode(setupCostMinor, forKey: .setupCostMinor)
        try c.encode(horizonMonths, forKey: .horizonMonths)
        try c.encode(discountRate, forKey: .discountRate)
        try c.encode(acquisitionMultiple, forKey: .acquisitionMultiple)
        try c.encode(withdrawal, forKey: .withdrawal)
        try c.encode(service, forKey: .service)
        try c.encode(runs, forKey: .runs)
        try c.encode(seed, forKey: .seed)
    }

    /// The reward per unit of spend of a segment's purchases, once fully redeemed: the rate
    /// for a discount or cashback, points times their value, and for tiers each tier's rate
    /// weighted by the share of the segment's spend made by customers in that tier.
    public func rewardRate(for cohort: ForecastBaseline.Cohort) -> Double {
        switch kind {
        case .discount, .cashback: return rewardRate
        case .points: return points.rate
        case .tiers:
            let ordered = tiers.sorted { $0.minimumYearlySpendMinor < $1.minimumYearlySpendMinor }
            var rate = 0.0
            for group in cohort.spendGroups {
                rate += group.share * (ordered.last { group.lowestMinor >= $0.minimumYearlySpendMinor }?.rate ?? 0)
            }
            return rate
        }
    }
}
