import EarnedDomain
import Foundation
import Testing

@testable import EarnedAnalytics

/// The program forecaster against cases that can be worked out by hand: fixed inputs give the
/// closed-form NPV to the minor unit; zero uplift loses exactly the rewards paid on sales that
/// would have happened anyway plus the costs; the same seed gives the same forecast.
@Suite("Program forecast")
struct ProgramForecastTests {
    static let cohort = ForecastBaseline.Cohort(
        segment: .trueLoyalty, customers: 1_200, activeCustomers: 1_000, monthlyPurchaseRate: 0.5, monthlyChurn: 0.02,
        averageOrderMinor: 2_000, spendGroups: [])

    static func baseline(
        cohorts: [ForecastBaseline.Cohort] = [cohort], onTime: ForecastBaseline.Rate? = nil,
        promiseEffect: ForecastBaseline.Effect? = nil
    ) -> ForecastBaseline {
        ForecastBaseline(
            computedAt: Date(timeIntervalSince1970: 1_800_000_000), currency: "RUB", cohorts: cohorts, onTime: onTime,
            replies: nil, promiseEffect: promiseEffect, replyEffect: nil)
    }

    /// A discount program with every input fixed.
    static func fixedDiscount() -> ProgramScenario {
        var s = ProgramScenario.standard
        s.kind = .discount
        s.rewardRate = 0.05
        s.participation = .fixed(0.4)
        s.retentionUplift = .fixed(0.5)
        s.frequencyUplift = .fixed(0.1)
        s.spendUplift = .fixed(0.05)
        s.grossMargin = 0.3
        s.monthlyCostMinor = 10_000
        s.setupCostMinor = 50_000
        s.horizonMonths = 12
        s.discountRate = 0.1
        s.withdrawal = nil
        s.service = nil
        s.seed = 7
        return s
    }

    /// Σ_{t=1…n} dᵗ·x^{t−1}, the discounted sum of a geometric decay.
    static func geometric(_ d: Double, _ x: Double, _ n: Int) -> Double {
        d * (1 - pow(d * x, Double(n))) / (1 - d * x)
    }

    @Test("with every input fixed, the NPV is the hand computation to the minor unit")
    func fixedInputs() throws {
        let result = ProgramForecast(scenario: try Self.fixedDiscount().validated(), baseline: Self.baseline()).run()
        // 400 members buying 0.5 × 1.1 times a month at 2,000 × 1.05, 1 % of them leaving a month
        // against 2 % without the program; 30 % margin, 5 % off, costs 10,000 a month and 50,000.
        let d = pow(1.1, -1.0 / 12)
        let members = 400.0
        let boosted = members * 0.5 * 1.1 * 2_000 * 1.05
        let base = members * 0.5 * 2_000
        let expected =
            -50_000 + (0.3 - 0.05) * boosted * Self.geometric(d, 0.99, 12) - 0.3 * base * Self.geometric(d, 0.98, 12)
            - 10_000 * Self.geometric(d, 1, 12)
        #expect(result.program.npv.p50.rounded() == expected.rounded(), "\(result.program.npv.p50) vs \(expected)")
        #expect(result.program.npv.p10 == result.program.npv.p90)
        #expect(result.program.probabilityOfLoss == (expected < 0 ? 1 : 0))
        // The leak is 5 % of what the members would have bought anyway.
        #expect(abs(result.subsidyLeak.p50 - 0.05 * base * Self.geometric(d, 0.98, 12)) < 0.5)
        #expect(abs(result.members.p50 - 400) < 1e-9)
        #expect(abs(result.customersKept.p50 - members * (pow(0.99, 12) - pow(0.98, 12))) < 1e-9)
        #expect(result.program.cumulative.count == 13)
        #expect(result.program.cumulative[0].p50 == -50_000)
        #expect(abs(result.program.cumulative[12].p50 - result.program.npv.p50) < 1e-6)
    }

    @Test("with zero uplift the program loses the rewards on sales that happen anyway and the costs")
    func zeroUplift() throws {
        var s = Self.fixedDiscount()
        s.kind = .points
        s.points = .init(perUnit: 2, valueMinor: 5, expiryMonths: 12, breakage: .fixed(0.2), redemptionLagMonths: 2)
        s.retentionUplift = .fixed(0)
        s.frequencyUplift = .fixed(0)
        s.spendUplift = .fixed(0)
        s.horizonMonths = 6
        let result = ProgramForecast(scenario: try s.validated(), baseline: Self.baseline()).run()
        let d = pow(1.1, -1.0 / 12)
        // 2 points a unit worth 5 minor each: 10 % of spend, 80 % of it redeemed two months later;
        // what is still owed at month 6 is paid then.
        var rewards = 0.0
        var owedAtMonth3 = 0.0
        for t in 1...6 {
            let reward = 0.1 * 0.8 * 400 * 0.5 * 2_000 * pow(0.98, Double(t - 1))
            rewards += reward * pow(d, Double(min(t + 2, 6)))
            if t == 2 || t == 3 { owedAtMonth3 += reward }
        }
        let running = 10_000 * Self.geometric(d, 1, 6)
        #expect(abs(result.subsidyLeak.p50 - rewards) < 0.5)
        #expect(result.program.npv.p50.rounded() == (-(rewards + 50_000 + running)).rounded())
        #expect(abs(result.program.extraMargin.p50) < 1e-9)
        #expect(result.program.probabilityOfLoss == 1)
        #expect(result.verdict == .loses)
        #expect(result.liability.count == 7)
        #expect(abs(result.liability[3].p50 - owedAtMonth3) < 1e-6)
        #expect(result.customersKept.p50 == 0)
    }

    @Test("the same seed gives the same forecast, another seed another one")
    func reproducible() throws {
        var s = ProgramScenario.standard
        s.horizonMonths = 24
        s.withdrawal = .init(month: 12, churnSpike: .init(low: 0.02, likely: 0.05, high: 0.1))
        let baseline = Self.baseline(
            onTime: .init(perMonth: 300, share: 0.85, sampleSize: 900),
            promiseEffect: .init(purchases: -0.3, standardError: 0.1, horizonDays: 180))
        s.service = .init(onTimeTarget: 0.95, repliesTarget: nil, monthlyCostMinor: 20_000, setupCostMinor: 100_000)
        let a = ProgramForecast(scenario: try s.validated(), baseline: baseline).run()
        let b = ProgramForecast(scenario: s, baseline: baseline).run()
        #expect(a == b)
        s.seed = 2
        let c = ProgramForecast(scenario: s, baseline: baseline).run()
        #expect(c.program.npv.p50 != a.program.npv.p50)
        #expect(c.service?.outcome.npv.p50 != a.service?.outcome.npv.p50)
    }

    @Test("P10 ≤ P50 ≤ P90 for every figure and month", arguments: ProgramScenario.Kind.allCases)
    func ordered(kind: ProgramScenario.Kind) throws {
        var s = ProgramScenario.standard
        s.kind = kind
        s.horizonMonths = 18
        s.withdrawal = .init(month: 9, churnSpike: .init(low: 0, likely: 0.1, high: 0.3))
        s.service = .init(onTimeTarget: 0.95, repliesTarget: nil, monthlyCostMinor: 20_000, setupCostMinor: 100_000)
        var other = Self.cohort
        other.segment = .spuriousLoyalty
        other.spendGroups = ForecastBaseline.spendGroups((1...200).map { Double($0) * 50_000 })
        let baseline = Self.baseline(
            cohorts: [Self.cohort, other], onTime: .init(perMonth: 300, share: 0.85, sampleSize: 900),
            promiseEffect: .init(purchases: -0.3, standardError: 0.2, horizonDays: 180))
        let r = ProgramForecast(scenario: try s.validated(), baseline: baseline).run()
        var all = [r.program.npv, r.subsidyLeak, r.members, r.customersKept, r.program.costs, r.program.extraMargin]
        all += [r.retentionCostPerMember, r.replacementValue]
        if let w = r.withdrawal { all += [w.npv, w.cost, w.customersLost] }
        if let service = r.service { all += [service.outcome.npv, service.outcome.costs] }
        for q in all { #expect(q.p10 <= q.p50 && q.p50 <= q.p90, "\(q)") }
        for band in r.program.cumulative + r.liability + (r.service?.outcome.cumulative ?? []) {
            #expect(band.p10 <= band.p50 && band.p50 <= band.p90, "month \(band.month)")
        }
        // The spread inputs really spread the result.
        #expect(r.program.npv.p10 < r.program.npv.p90)
        #expect(r.histogram.reduce(0) { $0 + $1.program } == s.runs)
        #expect(r.histogram.reduce(0) { $0 + $1.service } == s.runs)
        #expect(Set(r.subsidyLeakBySegment.keys) == ["true_loyalty", "spurious_loyalty"])
    }

    @Test("stopping the program loses the spike's members at the stop and what they would have bought")
    func withdrawal() throws {
        var s = Self.fixedDiscount()
        s.withdrawal = .init(month: 6, churnSpike: .fixed(0.1))
        let r = ProgramForecast(scenario: try s.validated(), baseline: Self.baseline()).run()
        let w = try #require(r.withdrawal)
        let d = pow(1.1, -1.0 / 12)
        let lost = 400 * pow(0.99, 6) * 0.1
        #expect(abs(w.customersLost.p50 - lost) < 1e-9)
        // Lost members would have bought 0.5 × 2,000 a month at 30 % margin, leaving at 2 %.
        let cost = 0.3 * 0.5 * 2_000 * lost * pow(d, 6) * Self.geometric(d, 0.98, 6)
        #expect(abs(w.cost.p50 - cost) < 1e-6)
        // Without a spike nobody is lost.
        s.withdrawal = .init(month: 6, churnSpike: .fixed(0))
        let calm = try #require(ProgramForecast(scenario: s, baseline: Self.baseline()).run().withdrawal)
        #expect(calm.customersLost.p50 == 0 && calm.cost.p50 == 0)
        #expect(calm.npv.p50 > w.npv.p50)
    }

    @Test("the service alternative brings back what each avoided late promise costs")
    func service() throws {
        var s = Self.fixedDiscount()
        s.service = .init(onTimeTarget: 0.9, repliesTarget: nil, monthlyCostMinor: 5_000, setupCostMinor: 20_000)
        let baseline = Self.baseline(
            onTime: .init(perMonth: 100, share: 0.8, sampleSize: 300),
            promiseEffect: .init(purchases: -0.5, standardError: 0, horizonDays: 30))
        let r = ProgramForecast(scenario: try s.validated(), baseline: baseline).run()
        let service = try #require(r.service)
        // 10 fewer late promises a month, each worth 0.5 purchases of 2,000 at 30 % margin.
        let d = pow(1.1, -1.0 / 12)
        let expected = -20_000 + (10 * 0.5 * 0.3 * 2_000 - 5_000) * Self.geometric(d, 1, 12)
        #expect(abs(service.avoidedPerMonth - 10) < 1e-9)
        #expect(service.outcome.npv.p50.rounded() == expected.rounded())
        #expect(service.onTimeFrom == 0.8 && service.onTimeTo == 0.9)
        #expect(r.comparison != nil)
        // Without an estimate of what a late promise costs, it says so instead of guessing.
        let blind = ProgramForecast(scenario: s, baseline: Self.baseline(onTime: baseline.onTime)).run()
        #expect(blind.service == nil)
        #expect(blind.serviceGap == .noPromiseEffect)
    }

    @Test("the break-even uplift brings the NPV to zero; none exists when rewards exceed the margin")
    func breakEven() throws {
        var s = Self.fixedDiscount()
        s.retentionUplift = .init(low: 0, likely: 0.1, high: 0.3)
        s.rewardRate = 0.02
        s.grossMargin = 0.4
        s.monthlyCostMinor = 1_000
        s.setupCostMinor = 10_000
        s.horizonMonths = 36
        let forecast = ProgramForecast(scenario: try s.validated(), baseline: Self.baseline())
        let r = forecast.run()
        let retention = try #require(r.breakEven.retentionUplift)
        var draws = forecast.likely
        draws.retention = retention
        draws.frequency = 0
        draws.spend = 0
        #expect(abs(forecast.simulate(draws).npv) < 1)
        let frequency = try #require(r.breakEven.frequencyUplift)
        draws.retention = 0
        draws.frequency = frequency
        #expect(abs(forecast.simulate(draws).npv) < 1)
        // A reward above the margin loses more the more members buy.
        s.rewardRate = 0.5
        let hopeless = ProgramForecast(scenario: s, baseline: Self.baseline()).run()
        #expect(hopeless.breakEven.retentionUplift == nil)
        #expect(hopeless.breakEven.frequencyUplift == nil)
    }

    @Test("tiers pay each tier's rate on the share of spend made by customers in it")
    func tiers() {
        var s = ProgramScenario.standard
        s.kind = .tiers
        s.tiers = [
            .init(minimumYearlySpendMinor: 10_000, rate: 0.05), .init(minimumYearlySpendMinor: 0, rate: 0.01),
            .init(minimumYearlySpendMinor: 20_000, rate: 0.1),
        ]
        var cohort = Self.cohort
        cohort.spendGroups = [
            .init(lowestMinor: 0, share: 0.2), .init(lowestMinor: 5_000, share: 0.3),
            .init(lowestMinor: 20_000, share: 0.5),
        ]
        let expected: Double = 0.2 * 0.01 + 0.3 * 0.01 + 0.5 * 0.1
        #expect(abs(s.rewardRate(for: cohort) - expected) < 1e-12)
        let groups = ForecastBaseline.spendGroups([0, 100, 300, 600], groups: 3)
        #expect(groups.map(\.lowestMinor) == [100, 300, 600])
        #expect(abs(groups.map(\.share).reduce(0, +) - 1) < 1e-12)
    }

    @Test("monthly rates reproduce the lifetime model's purchases in each of the two coming years")
    func monthlyRates() {
        let (rate, churn) = ForecastBaseline.monthlyRates(active: 500, firstYear: 2_400, secondYear: 1_500)
        func year(_ k: Int) -> Double {
            (12 * (k - 1) + 1...12 * k).reduce(0.0) { $0 + 500 * rate * pow(1 - churn, Double($1 - 1)) }
        }
        #expect(abs(year(1) - 2_400) < 1e-6)
        #expect(abs(year(2) - 1_500) < 1e-6)
        let steady = ForecastBaseline.monthlyRates(active: 500, firstYear: 2_400, secondYear: 2_400)
        #expect(steady.churn == 0 && abs(steady.rate - 0.4) < 1e-12)
        let nobody = ForecastBaseline.monthlyRates(active: 0, firstYear: 10, secondYear: 5)
        #expect(nobody.rate == 0 && nobody.churn == 0)
    }

    @Test("bad inputs are refused field by field")
    func validation() {
        var s = ProgramScenario.standard
        s.rewardRate = 1.5
        s.participation = .init(low: 0.5, likely: 0.2, high: 0.9)
        s.horizonMonths = 0
        s.runs = 100
        s.withdrawal = .init(month: 40, churnSpike: .fixed(2))
        s.points.redemptionLagMonths = 13
        let fields = Self.refused { _ = try s.validated() }
        for field in [
            "reward_rate", "participation", "horizon_months", "runs", "withdrawal.month", "withdrawal.churn_spike.low",
            "points.redemption_lag_months",
        ] {
            #expect(fields.contains(field), "\(field) not refused: \(fields)")
        }
        #expect((try? ProgramScenario.standard.validated()) != nil)
    }

    @Test("a scenario file may leave out any key; null turns an option off")
    func decoding() throws {
        let json =
            #"{"kind":"cashback","reward_rate":0.03,"withdrawal":null,"participation":{"low":0.1,"likely":0.2,"high":0.3}}"#
        let s = try JSONDecoder().decode(ProgramScenario.self, from: Data(json.utf8))
        #expect(s.kind == .cashback && s.rewardRate == 0.03)
        #expect(s.withdrawal == nil)
        #expect(s.service == ProgramScenario.standard.service)
        #expect(s.participation == Spread(low: 0.1, likely: 0.2, high: 0.3))
        #expect(s.horizonMonths == ProgramScenario.standard.horizonMonths)
        let again = try JSONDecoder().decode(ProgramScenario.self, from: JSONEncoder().encode(s))
        #expect(again == s)
    }

    /// The fields a `DomainError.invalid` names; empty for any other outcome.
    static func refused(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            return []
        } catch {
            guard case .invalid(let errors) = error as? DomainError else { return [] }
            return errors.map(\.field)
        }
    }

    @Test(
        "a horizon at the ends of Int is refused by name, never trapped on (found by fuzzing the API)",
        arguments: [Int.min, -1, 0, Int.max])
    func extremeHorizon(horizon: Int) {
        var s = Self.fixedDiscount()
        s.horizonMonths = horizon
        s.withdrawal = .init(month: 6, churnSpike: .fixed(0.1))
        do {
            _ = try s.validated()
            Issue.record("a horizon of \(horizon) months was accepted")
        } catch {
            guard case .invalid(let errors) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(errors.contains { $0.field == "horizon_months" })
            #expect(errors.contains { $0.field == "withdrawal.month" } == (horizon < 7))
        }
    }
}
