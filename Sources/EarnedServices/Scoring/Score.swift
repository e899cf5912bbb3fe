import EarnedAnalytics
import EarnedDomain
import EarnedStore
import FluentKit
import Foundation
import Logging

/// `earned score`: recomputes every analysis from the data and stores it — the lifetime models
/// and each customer's segment, the consistency of service across slots with its control
/// charts, what a broken promise or a late reply costs, and the ten-step scorecards. Runs from
/// the command line, and inside `earned serve` whenever the data changed (see
/// `ScoreSchedule`); a lease in the database lets one instance compute at a time.
package struct Score: Sendable {
    package let db: any Database
    package let logger: Logger
    /// Where runs are counted for `/metrics`.
    package var metrics: (any ServiceInstruments)? = nil

    package init(db: any Database, logger: Logger, metrics: (any ServiceInstruments)? = nil) {
        self.db = db
        self.logger = logger
        self.metrics = metrics
    }

    /// The key of the run summary snapshot.
    package static let runKey = "run"
    /// The lease every instance asks for before computing.
    package static let leaseKey = "score"
    /// How far back service records are read: the consistency window and the scorecard's trend.
    package static let lookBack: TimeInterval = 731 * 86_400
    /// The scorecard's default period, ending now.
    package static let scorecardPeriod: TimeInterval = 90 * 86_400
    /// The periods (in days, ending now) a scorecard is kept for; a page chooses among them.
    package static let scorecardPeriodDays = [30, 90, 365]
    /// How far back segment movement looks: the segments then against the segments now.
    package static let movementPeriod: TimeInterval = 90 * 86_400

    /// The snapshot key of a scope's scorecard over the last `days` days.
    package static func scorecardKey(days: Int, scope: ScorecardScope) -> String { "scorecard:\(days)d:" + scope.key }
    /// The window of the consistency analysis, ending now: two years, so that rare slots such as
    /// inventory days (four a year) gather enough records in a business of a few thousand
    /// customers; the control charts show change within it.
    package static let consistencyWindow: TimeInterval = 730 * 86_400

    /// What one run stored about itself.
    package struct RunSummary: Codable, Sendable, Equatable {
        package var computedAt: Date
        package var dataMark: String
        package var seconds: Double
        package var customers: Int
        package var orders: Int
        package var segments: [String: Int]
        package var lifetime: LifetimeSummary?
        package var flags: Int
    }

    /// Runs every step and stores the results; `progress` hears each step as it ends. `mark`
    /// is the data mark when the caller has just read it.
    package func run(now: Date, mark given: String? = nil, progress: @Sendable (String) -> Void = { _ in }) async throws
        -> RunSummary
    {
        guard let metrics else { return try await compute(now: now, mark: given, progress: progress) }
        return try await metrics.scoreRun(computedAt: \.computedAt) {
            try await compute(now: now, mark: given, progress: progress)
        }
    }

    private func compute(now: Date, mark given: String?, progress: @Sendable (String) -> Void) async throws
        -> RunSummary
    {
        let started = ContinuousClock.now
        let store = ScoreStore(db: db)
        let mark: String
        if let given { mark = given } else { mark = try await store.dataMark() }
        let facts = try await ScoreFactsReader(db: db).read(since: now.addingTimeInterval(-Self.lookBack), now: now) {
            progress("read " + $0)
        }
        let setting = try await Tick.Setting.load(db)
        let staff = try await StaffRepository(db: db).all()

        var lifetime = LifetimeScores(facts: facts, now: now)
        progress(
            "lifetime models: "
                + (lifetime.summary.map {
                    "\($0.purchases.name) on \($0.customers) customers"
                        + ($0.validation.map { v in
                            ", validated on \(v.holdoutWeeks) weeks held out: \(v.verdict.rawValue)"
                        }
                            ?? "")
                } ?? "not enough data"))

        let observations = ServiceObservations(facts: facts, setting: setting, now: now)
        let moments = FirstServiceMoments(facts: facts, replyStatus: observations.replyStatus, now: now)
        let covariateStart = ContinuousClock.now
        lifetime.fitServiceEffects(
            ServiceCovariates.of(facts: facts, moments: moments, now: now),
            names: ServiceCovariates.names, tested: ServiceCovariates.tested, horizonDays: ServiceCost.horizonDays)
        if let effects = lifetime.summary?.serviceEffects {
            let took = ContinuousClock.now - covariateStart
            progress(
                "service in the lifetime model (\(effects.customers) customers, \(took.components.seconds) s): "
                    + effects.effects.map {
                        "\($0.name) leaving \(Self.factor($0.dropoutRatio)), purchases \(Self.factor($0.purchaseRatio))"
                    }.joined(separator: "; ")
                    + String(format: "; p = %.2g against the model without it", effects.pValue))
        }
        let consistency = observations.consistency(
            from: now.addingTimeInterval(-Self.consistencyWindow), to: now, seed: 1)
        try await store.save(consistency, as: ConsistencyReport.key, at: now)
        progress("consistency: \(consistency.flags.count) weak slots flagged of \(consistency.testCount) tested")

        let incidents = try await IncidentFacts.load(db)
        let scorecardObservations = observations.scorecard(incidents: incidents)
        let departments = Dictionary(
            staff.compactMap { s in s.department.map { (s.id, $0) } }, uniquingKeysWith: { a, _ in a })
        var scopes: [ScorecardScope] = [.business]
        scopes += setting.locations.map { .location($0.id) }
        scopes += Set(departments.values).sorted().map { .team($0) }
        scopes += staff.filter(\.isActive).map { .person($0.id) }
        var businessCard: Scorecard?
        for days in Self.scorecardPeriodDays {
            let start = now.addingTimeInterval(-Double(days) * 86_400)
            for scope in scopes {
                let card = Scorecard.build(
                    scope: scope, start: start, end: now, observations: scorecardObservations,
                    department: { departments[$0] })
                if scope == .business, days == 90 { businessCard = card }
                try await store.save(card, as: Self.scorecardKey(days: days, scope: scope), at: now)
            }
        }
        try await store.replaceObservations(
            scorecardObservations.map {
                ScoreObservationRow(
                    step: $0.step.rawValue, recordID: $0.recordID, recordKind: $0.recordKind, at: $0.at,
                    locationID: $0.locationID, staffID: $0.staffID, team: $0.staffID.flatMap { departments[$0] },
                    success: $0.success, value: $0.value, slot: $0.slot)
            }, at: now)
        progress(
            "scorecards: \(scopes.count) scopes × \(Self.scorecardPeriodDays.count) periods, \(scorecardObservations.count) records"
        )

        var loyalty = LoyaltyScores(facts: facts, lifetime: lifetime, replyStatus: observations.replyStatus, now: now)
        // The same classification as it stood a period ago, for the movement between segments.
        let then = now.addingTimeInterval(-Self.movementPeriod)
        let past = facts.asOf(then)
        let before = LoyaltyScores(
            facts: past, lifetime: LifetimeScores(facts: past, now: then), replyStatus: observations.replyStatus,
            now: then)
        loyalty.summary.movement = .init(since: then, before: before.rows, after: loyalty.rows)
        try await store.replaceCustomerScores(loyalty.rows, at: now)
        try await store.save(loyalty.summary, as: LoyaltySummary.key, at: now)
        progress("segments: \(loyalty.rows.count) customers")

        let costs = ServiceCost(facts: facts, moments: moments, now: now)
        try await store.save(costs.report, as: ServiceCostReport.key, at: now)
        progress("cost of a broken promise: " + costs.report.promise.summaryLine)

        let baseline = ForecastBaseline.of(
            facts: facts, lifetime: lifetime, rows: loyalty.rows, scorecard: businessCard, costs: costs.report, now: now
        )
        try await store.save(baseline, as: ForecastBaseline.key, at: now)
        progress("forecast baseline: \(baseline.cohorts.count) segments")

        let elapsed = ContinuousClock.now - started
        let summary = RunSummary(
            computedAt: now, dataMark: mark,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
            customers: facts.customerIDs.count, orders: facts.orders.count, segments: loyalty.summary.counts,
            lifetime: lifetime.summary, flags: consistency.flags.count)
        try await store.save(summary, as: Self.runKey, at: now)
        return summary
    }

    /// Runs when the data changed since the last run (or a day has passed, as P(alive) moves
    /// with time alone), holding the lease; nil when it did not run.
    package func runIfDue(now: Date, holder: String, minimumGap: TimeInterval = 600) async throws -> RunSummary? {
        let store = ScoreStore(db: db)
        var mark: String?
        if let (last, at) = try await store.snapshot(RunSummary.self, key: Self.runKey) {
            let age = now.timeIntervalSince(at)
            if age < minimumGap { return nil }
            if age < 86_400 {
                mark = try await store.dataMark()
                if mark == last.dataMark { return nil }
            }
        }
        return try await runHoldingLease(now: now, holder: holder, mark: mark)
    }

    /// Runs while holding the lease as `holder`, giving it back however the run ends; nil when
    /// another instance holds it.
    package func runHoldingLease(
        now: Date, holder: String, mark: String? = nil, progress: @Sendable (String) -> Void = { _ in }
    ) async throws -> RunSummary? {
        let store = ScoreStore(db: db)
        guard try await store.acquire(Self.leaseKey, holder: holder, now: now, duration: 3600) else { return nil }
        do {
            let summary = try await run(now: now, mark: mark, progress: progress)
            try await store.release(Self.leaseKey, holder: holder)
            return summary
        } catch {
            try? await store.release(Self.leaseKey, holder: holder)
            throw error
        }
    }

    /// A factor and its interval for the progress log, e.g. "×2.02 (1.80 … 2.28)".
    static func factor(_ r: IntervalEstimate) -> String {
        String(format: "×%.3g (%.3g … %.3g)", r.estimate, r.lower, r.upper)
    }
}
