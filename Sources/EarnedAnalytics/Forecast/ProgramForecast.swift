import EarnedDomain
import Foundation

/// The Monte Carlo forecast of a loyalty program against a service improvement on the
/// business's own baseline.
///
/// Each run draws every uncertain input once (participation, the three uplifts, breakage, the
/// withdrawal churn spike, and what a broken promise and a late reply cost — normal with the
/// estimate's standard error) and then follows each eligible segment month by month in
/// expectation:
///
/// - members M = participation × active customers; without the program, the active members at
///   the start of month t are M(1 − h)^{t−1} buying λ times a month at v; with it, churn is
///   h(1 − retention uplift), frequency λ(1 + frequency uplift) and the order v(1 + spend uplift);
/// - the extra margin is the gross margin times the difference in sales;
/// - rewards are the reward rate times members' sales: at once for a discount or cashback; for
///   points the share not lost to breakage is paid `redemptionLagMonths` later, and whatever is
///   still owed at the horizon is paid then (the liability is honoured);
/// - the subsidy leak is the part of the rewards paid on the sales members would have made anyway;
/// - the service alternative avoids (target − today's share) × records a month; each avoided
///   miss brings back what a miss costs, spread over the months of the estimate's horizon (a
///   target at or below today's share avoids nothing).
///
/// Money is discounted at month ends by (1 + yearly rate)^(−t/12); set-up costs fall at month 0.
/// Non-members and new customers are left out: the program is judged on the customers it has.
public struct ProgramForecast: Sendable {
    public let scenario: ProgramScenario
    public let baseline: ForecastBaseline

    /// The segments the program is offered to.
    let cohorts: [ForecastBaseline.Cohort]
    /// The discount factor of the end of each month, 0…horizon.
    let factors: [Double]
    /// The average order over every segment, weighted by purchases.
    let averageOrder: Double
    /// What the service alternative changes, or why it cannot be forecast.
    let serviceChange: ServiceChange

    public init(scenario: ProgramScenario, baseline: ForecastBaseline) {
        self.scenario = scenario
        self.baseline = baseline
        cohorts = baseline.cohorts.filter { scenario.eligible.isEmpty || scenario.eligible.contains($0.segment) }
        factors = (0...scenario.horizonMonths).map { pow(1 + scenario.discountRate, -Double($0) / 12) }
        var sales = 0.0
        var purchases = 0.0
        for c in baseline.cohorts {
            let n = c.activeCustomers * c.monthlyPurchaseRate
            sales += n * c.averageOrderMinor
            purchases += n
        }
        averageOrder = purchases > 0 ? sales / purchases : 0
        serviceChange = ServiceChange(scenario.service, baseline)
    }

    /// Today's share and the target of each part of the service alternative, the misses it
    /// avoids a month, and why it cannot be forecast, if it cannot.
    struct ServiceChange {
        struct Part {
            var from: Double
            var to: Double
            /// Records a month times the rise in the share done right (none for a target at or
            /// below today's share).
            var avoidedPerMonth: Double
            /// The months a miss's cost is spread over (its estimate's horizon).
            var months: Int
        }

        var onTime: Part?
        var replies: Part?
        var gap: ForecastResult.ServiceGap?

        init(_ service: ProgramScenario.ServiceAlternative?, _ baseline: ForecastBaseline) {
            guard let service else { return }
            func part(_ rate: ForecastBaseline.Rate, _ effect: ForecastBaseline.Effect, _ target: Double) -> Part {
                Part(
                    from: rate.share, to: target, avoidedPerMonth: rate.perMonth * max(0, target - rate.share),
                    months: max(1, Int((Double(effect.horizonDays) / ForecastBaseline.daysPerMonth).rounded())))
            }
            if let target = service.onTimeTarget {
                guard let rate = baseline.onTime else {
                    gap = .noOnTimeData
                    return
                }
                guard let effect = baseline.promiseEffect else {
                    gap = .noPromiseEffect
                    return
                }
                onTime = part(rate, effect, target)
            }
            if let target = service.repliesTarget {
                guard let rate = baseline.replies else {
                    (onTime, gap) = (nil, .noReplyData)
                    return
                }
                guard let effect = baseline.replyEffect else {
                    (onTime, gap) = (nil, .noReplyEffect)
                    return
                }
                replies = part(rate, effect, target)
            }
        }

        var avoidedPerMonth: Double { (onTime?.avoidedPerMonth ?? 0) + (replies?.avoidedPerMonth ?? 0) }
    }

    /// One run's draws.
    struct Draws {
        var participation: Double
        var retention: Double
        var frequency: Double
        var spend: Double
        var breakage: Double
        var spike: Double
        var promiseGain: Double
        var replyGain: Double
    }

    /// One run's money.
    struct Run {
        var npv = 0.0
        var cumulative: [Double]
        var extraMargin = 0.0
        var costs = 0.0
        var leak = 0.0
        var leakBySegment = [Double](repeating: 0, count: LoyaltySegment.allCases.count)
        var members = 0.0
        var kept = 0.0
        var retentionCost = 0.0
        var liability: [Double]
        var withdrawnNPV = 0.0
        var spikeCost = 0.0
        var customersLost = 0.0
        var serviceNPV = 0.0
        var serviceCumulative: [Double]
        var serviceMargin = 0.0
        var serviceCosts = 0.0
    }

    /// The draws at every input's likely value (the effects of service at their estimates).
    var likely: Draws {
        Draws(
            participation: scenario.participation.likely, retention: scenario.retentionUplift.likely,
            frequency: scenario.frequencyUplift.likely, spend: scenario.spendUplift.likely,
            breakage: scenario.points.breakage.likely, spike: scenario.withdrawal?.churnSpike.likely ?? 0,
            promiseGain: -(baseline.promiseEffect?.purchases ?? 0), replyGain: -(baseline.replyEffect?.purchases ?? 0))
    }

    func draw(using rng: inout SeededGenerator) -> Draws {
        var d = Draws(
            participation: scenario.participation.draw(using: &rng),
            retention: scenario.retentionUplift.draw(using: &rng),
            frequency: scenario.frequencyUplift.draw(using: &rng),
            spend: scenario.spendUplift.draw(using: &rng), breakage: 0, spike: 0, promiseGain: 0, replyGain: 0)
        if scenario.kind == .points { d.breakage = scenario.points.breakage.draw(using: &rng) }
        if let withdrawal = scenario.withdrawal { d.spike = withdrawal.churnSpike.draw(using: &rng) }
        if let e = baseline.promiseEffect {
            d.promiseGain =
                -(e.standardError > 0
                ? RandomVariates.normal(mean: e.purchases, standardDeviation: e.standardError, using: &rng)
                : e.purchases)
        }
        if let e = baseline.replyEffect {
            d.replyGain =
                -(e.standardError > 0
                ? RandomVariates.normal(mean: e.purchases, standardDeviation: e.standardError, using: &rng)
                : e.purchases)
        }
        return d
    }

    /// Follows every segment through the horizon for one run's draws.
    func simulate(_ d: Draws) -> Run {
        let s = scenario
        let horizon = s.horizonMonths
        var run = Run(
            cumulative: [Double](repeating: 0, count: horizon + 1),
            liability: [Double](repeating: 0, count: horizon + 1),
            serviceCumulative: [Double](repeating: 0, count: horizon + 1))
        // Money at each month end: margin and costs of the program, and of the program stopped.
        var flow = [Double](repeating: 0, count: horizon + 1)
        var withdrawnFlow = [Double](repeating: 0, count: horizon + 1)
        let stop = s.withdrawal?.month
        let pays = s.kind == .points ? 1 - d.breakage : 1
        let lag = s.kind == .points ? s.points.redemptionLagMonths : 0
        let firstYear = min(12, horizon)
        var firstYearCost = Double(firstYear) * s.monthlyCostMinor
        for cohort in cohorts {
            let members = d.participation * cohort.activeCustomers
            guard members > 0 else { continue }
            run.members += members
            let h = cohort.monthlyChurn
            let hp = h * (1 - d.retention)
            let lambda = cohort.monthlyPurchaseRate
            let order = cohort.averageOrderMinor
            let boosted = lambda * (1 + d.frequency) * order * (1 + d.spend)
            let rate = s.rewardRate(for: cohort)
            let margin = s.grossMargin
            var base = members
            var kept = members
            var withdrawn = members
            // Members who leave when the program stops, still active without it.
            var lost = 0.0
            for t in 1...horizon {
                let baseSales = base * lambda * order
                let sales = kept * boosted
                flow[t] += margin * (sales - baseSales)
                run.extraMargin += factors[t] * margin * (sales - baseSales)
                let reward = rate * sales * pays
                let due = min(t + lag, horizon)
                flow[due] -= reward
                run.costs += factors[due] * reward
                let leak = sales > 0 ? reward * baseSales / sales : 0
                run.leak += factors[due] * leak
                run.leakBySegment[cohort.segment.ordinal] += factors[due] * leak
                if t <= firstYear { firstYearCost += reward }
                if lag > 0 { for m in t..<min(t + lag, horizon + 1) { run.liability[m] += reward } }
                if let stop {
                    if t <= stop {
                        withdrawnFlow[t] += margin * (sales - baseSales)
                        withdrawnFlow[due] -= reward
                    } else {
                        withdrawnFlow[t] += margin * (withdrawn * lambda * order - baseSales)
                        run.spikeCost += factors[t] * margin * lambda * order * lost
                    }
                }
                base *= 1 - h
                kept *= 1 - hp
                if let stop {
                    if t < stop {
                        withdrawn *= 1 - hp
                    } else if t == stop {
                        lost = withdrawn * (1 - hp) * d.spike
                        run.customersLost += lost
                        withdrawn *= (1 - hp) * (1 - d.spike)
                    } else {
                        withdrawn *= 1 - h
                        lost *= 1 - h
                    }
                }
            }
            run.kept += kept - base
        }
        run.costs += s.setupCostMinor
        var total = -s.setupCostMinor
        var withdrawnTotal = -s.setupCostMinor
        run.cumulative[0] = total
        for t in 1...horizon {
            run.costs += factors[t] * s.monthlyCostMinor
            total += factors[t] * (flow[t] - s.monthlyCostMinor)
            run.cumulative[t] = total
            if let stop {
                withdrawnTotal += factors[t] * (withdrawnFlow[t] - (t <= stop ? s.monthlyCostMinor : 0))
            }
        }
        run.npv = total
        run.withdrawnNPV = withdrawnTotal
        run.retentionCost = run.members > 0 ? firstYearCost / run.members * 12 / Double(firstYear) : 0
        simulateService(d, into: &run)
        return run
    }

    /// The service alternative's money for one run.
    func simulateService(_ d: Draws, into run: inout Run) {
        guard let service = scenario.service, serviceChange.gap == nil else { return }
        let horizon = scenario.horizonMonths
        var extra = [Double](repeating: 0, count: horizon + 1)
        for (part, gain) in [(serviceChange.onTime, d.promiseGain), (serviceChange.replies, d.replyGain)] {
            guard let part else { continue }
            for t in 1...horizon {
                for m in t..<min(t + part.months, horizon + 1) {
                    extra[m] += part.avoidedPerMonth * gain / Double(part.months)
                }
            }
        }
        let perPurchase = scenario.grossMargin * averageOrder
        var total = -service.setupCostMinor
        run.serviceCumulative[0] = total
        run.serviceCosts = service.setupCostMinor
        for t in 1...horizon {
            run.serviceMargin += factors[t] * extra[t] * perPurchase
            run.serviceCosts += factors[t] * service.monthlyCostMinor
            total += factors[t] * (extra[t] * perPurchase - service.monthlyCostMinor)
            run.serviceCumulative[t] = total
        }
        run.serviceNPV = total
    }

    /// Runs the forecast.
    public func run() -> ForecastResult {
        let s = scenario
        let horizon = s.horizonMonths
        var rng = SeededGenerator(seed: s.seed)
        let n = s.runs
        let runs = (0..<n).map { _ in simulate(draw(using: &rng)) }
        func column(_ value: (Run) -> Double) -> [Double] { runs.map(value) }
        func bands(_ path: KeyPath<Run, [Double]>) -> [ForecastResult.Band] {
            (0...horizon).map { t in
                let q = ForecastResult.Quantiles(runs.map { $0[keyPath: path][t] })
                return ForecastResult.Band(month: t, p10: q.p10, p50: q.p50, p90: q.p90)
            }
        }
        func loss(_ values: [Double]) -> Double { Double(values.count { $0 < 0 }) / Double(n) }
        let npv = column(\.npv)
        let program = ForecastResult.Outcome(
            npv: .init(npv), probabilityOfLoss: loss(npv), cumulative: bands(\.cumulative),
            extraMargin: .init(column(\.extraMargin)), costs: .init(column(\.costs)))
        let change = serviceChange
        var service: ForecastResult.Service?
        if s.service != nil, change.gap == nil {
            let serviceNPV = column(\.serviceNPV)
            service = ForecastResult.Service(
                outcome: .init(
                    npv: .init(serviceNPV), probabilityOfLoss: loss(serviceNPV), cumulative: bands(\.serviceCumulative),
                    extraMargin: .init(column(\.serviceMargin)), costs: .init(column(\.serviceCosts))),
                avoidedPerMonth: change.avoidedPerMonth, onTimeFrom: change.onTime?.from, onTimeTo: change.onTime?.to,
                repliesFrom: change.replies?.from, repliesTo: change.replies?.to,
                probabilityBetter: Double(runs.count { $0.serviceNPV > $0.npv }) / Double(n))
        }
        var withdrawal: ForecastResult.Withdrawal?
        if let w = s.withdrawal {
            let withdrawn = column(\.withdrawnNPV)
            withdrawal = .init(
                month: w.month, npv: .init(withdrawn), probabilityOfLoss: loss(withdrawn),
                cost: .init(column(\.spikeCost)), customersLost: .init(column(\.customersLost)))
        }
        var leakBySegment = [Double](repeating: 0, count: LoyaltySegment.allCases.count)
        for r in runs {
            for k in leakBySegment.indices { leakBySegment[k] += r.leakBySegment[k] / Double(n) }
        }
        var leakNames: [String: Double] = [:]
        for segment in LoyaltySegment.allCases where cohorts.contains(where: { $0.segment == segment }) {
            leakNames[segment.rawValue] = leakBySegment[segment.ordinal]
        }
        let probabilityOfLoss = program.probabilityOfLoss
        let verdict: ForecastResult.Verdict =
            probabilityOfLoss < 0.1 ? .pays : (probabilityOfLoss <= 0.5 ? .risky : .loses)
        var comparison: ForecastResult.Comparison?
        if let service {
            comparison =
                service.probabilityBetter >= 0.9
                ? .serviceBetter : (service.probabilityBetter <= 0.1 ? .programBetter : .unclear)
        }
        return ForecastResult(
            runs: n, seed: s.seed, horizonMonths: horizon, currency: baseline.currency, program: program,
            subsidyLeak: .init(column(\.leak)), subsidyLeakBySegment: leakNames, members: .init(column(\.members)),
            customersKept: .init(column(\.kept)), retentionCostPerMember: .init(column(\.retentionCost)),
            acquisitionCostPerCustomer: .init(column { $0.retentionCost * s.acquisitionMultiple }),
            replacementValue: .init(column { $0.kept * $0.retentionCost * s.acquisitionMultiple }),
            liability: s.kind == .points && s.points.redemptionLagMonths > 0 ? bands(\.liability) : [],
            withdrawal: withdrawal, service: service, serviceGap: change.gap, breakEven: breakEven(),
            histogram: Self.histogram(program: npv, service: service == nil ? [] : column(\.serviceNPV)),
            verdict: verdict,
            comparison: comparison)
    }

    /// The retention uplift (with no other effect) and the frequency uplift (likewise) that
    /// bring the NPV at the likely inputs to zero, by bisection; nil when even the largest
    /// uplift allowed does not.
    func breakEven() -> ForecastResult.BreakEven {
        func solve(_ range: ClosedRange<Double>, _ set: (inout Draws, Double) -> Void) -> Double? {
            func npv(_ x: Double) -> Double {
                var d = likely
                d.retention = 0
                d.frequency = 0
                d.spend = 0
                set(&d, x)
                return simulate(d).npv
            }
            if npv(range.lowerBound) >= 0 { return range.lowerBound }
            guard npv(range.upperBound) >= 0 else { return nil }
            var low = range.lowerBound
            var high = range.upperBound
            for _ in 0..<60 {
                let mid = (low + high) / 2
                if npv(mid) >= 0 { high = mid } else { low = mid }
            }
            return high
        }
        return .init(
            retentionUplift: solve(0...1) { $0.retention = $1 }, frequencyUplift: solve(0...10) { $0.frequency = $1 })
    }

    /// 30 equal bins over every NPV of both plans.
    static func histogram(program: [Double], service: [Double], bins: Int = 30) -> [ForecastResult.Bin] {
        let all = program + service
        guard let low = all.min(), let high = all.max() else { return [] }
        let width = high > low ? (high - low) / Double(bins) : 1
        var out = (0..<bins).map {
            ForecastResult.Bin(
                lower: low + Double($0) * width, upper: low + Double($0 + 1) * width, program: 0, service: 0)
        }
        func bin(_ x: Double) -> Int { min(bins - 1, max(0, Int(((x - low) / width).rounded(.down)))) }
        for x in program { out[bin(x)].program += 1 }
        for x in service { out[bin(x)].service += 1 }
        return out
    }
}
