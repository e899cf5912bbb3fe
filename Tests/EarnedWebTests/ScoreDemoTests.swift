import EarnedAnalytics
import EarnedDemo
import EarnedDomain
import EarnedServices
import Foundation
import SQLKit
import Testing
import Vapor

@testable import EarnedStore
@testable import EarnedWeb

/// `earned score` on the demo business, whose weaknesses were planted on purpose: every
/// planted weak slot is flagged, nothing else is flagged where the planted slots are cut
/// (shift, part of the day, special day), and once the planted records are taken out no
/// dimension flags more than the false-discovery rate allows; the discount hunters come out
/// mostly as spurious loyalty. Seeded once: the one test checks it all.
@Suite("Scores of the demo business")
struct ScoreDemoTests {
    static let demoNow = DemoHistoryTests.demoNow

    @Test("score finds every planted weakness, flags nothing unplanted, and calls discount hunters spurious")
    func demoScores() async throws {
        try await withEarnedApp(seed: false) { app, _ in
            let demo = try await DemoSeeder.seed(app, seed: 2026, scale: 1, now: Self.demoNow)
            let summary = try await Score(db: app.db, logger: app.logger).run(now: Self.demoNow)
            let store = ScoreStore(db: app.db)

            // Every live customer has a row; the lifetime models converged.
            #expect(try await app.count("customer_scores") == demo.customerCount)
            let lifetime = try #require(summary.lifetime)
            #expect(lifetime.purchases.converged)
            #expect(lifetime.spend.values.allSatisfy { $0.converged })
            try checkServiceEffects(lifetime, demo: demo)

            let (report, _) = try #require(try await store.snapshot(ConsistencyReport.self, key: ConsistencyReport.key))
            try checkPlanted(report, demo: demo)
            try await checkUnplanted(app, demo: demo)
            try await checkHunters(store, demo: demo)
            try await checkScorecard(app, store)
            try await checkPages(app, demo: demo)
            try await checkAnalyticsAPI(app)
            for location in demo.locations {
                #expect(
                    try await store.snapshot(
                        Scorecard.self, key: Score.scorecardKey(days: 90, scope: .location(location.id))) != nil)
            }
        }
    }

    /// The lifetime model with the service as covariates finds the effect the demo planted at
    /// each customer's first service moment: the planted purchase and dropout factors of a failed
    /// first promise and the purchase factor of a late first reply lie inside the model's 95 %
    /// intervals, and what a failure costs over the horizon is a loss (clearly, for a promise; the
    /// 93 late first replies of 5,000 customers leave the reply's cost wide).
    ///
    /// Not the dropout factor of a late first reply (planted ×1.6; found ×0.84, 0.45–1.57, here):
    /// this seed's late replies show customers staying longer at every size (×0.83, 0.71–0.96,
    /// with nothing planted at 100,000 customers), which six other seeds do not repeat; over seven
    /// demos of 100,000 customers `scripts/demo-planted-factors.sh` counts how many of the
    /// intervals hold (BENCHMARKS.md).
    func checkServiceEffects(_ lifetime: LifetimeSummary, demo: DemoBusiness) throws {
        let effects = try #require(lifetime.serviceEffects)
        #expect(effects.converged && effects.pValue < 0.001)
        func inside(_ value: Double, _ r: IntervalEstimate) -> Bool { r.lower <= value && value <= r.upper }
        let promise = try #require(effects.effect(ServiceCovariates.brokenPromises))
        let reply = try #require(effects.effect(ServiceCovariates.lateReplies))
        let planted = (demo.groundTruth.failedPromiseEffect, demo.groundTruth.lateReplyEffect)
        #expect(inside(planted.0.purchaseFactor, promise.purchaseRatio), "\(promise.purchaseRatio)")
        #expect(inside(planted.0.dropoutFactor, promise.dropoutRatio), "\(promise.dropoutRatio)")
        #expect(inside(planted.1.purchaseFactor, reply.purchaseRatio), "\(reply.purchaseRatio)")
        #expect(reply.dropoutRatio.lower.isFinite && reply.dropoutRatio.upper.isFinite)
        let costs = Dictionary(uniqueKeysWithValues: effects.perFailure.map { ($0.name, $0) })
        let promiseCost = try #require(costs[ServiceCovariates.brokenPromises])
        let replyCost = try #require(costs[ServiceCovariates.lateReplies])
        #expect(promiseCost.purchases + 1.96 * promiseCost.standardError < 0, "\(promiseCost)")
        #expect(replyCost.purchases < 0, "\(replyCost)")
    }

    /// The business's CSAT figure counts exactly the answers plain SQL finds in the period, and
    /// the stored scorecard covers every step.
    func checkScorecard(_ app: Application, _ store: ScoreStore) async throws {
        let (card, _) = try #require(
            try await store.snapshot(Scorecard.self, key: Score.scorecardKey(days: 90, scope: .business)))
        #expect(card.figures.map(\.step) == ScorecardStep.allCases)
        let start = Self.demoNow.addingTimeInterval(-Score.scorecardPeriod)
        let sql = try app.db.sql
        let row = try #require(
            try await sql.raw(
                """
                SELECT COUNT(*) AS n, SUM(CASE WHEN csat >= 4 THEN 1 ELSE 0 END) AS satisfied FROM survey_answers
                WHERE csat IS NOT NULL AND COALESCE(served_at, answered_at) >= \(bind: start)
                AND COALESCE(served_at, answered_at) < \(bind: Self.demoNow)
                """
            ).first())
        let quality = try #require(card.figure(.qualityService))
        #expect(quality.sampleSize == (try row.decode(column: "n", as: Int.self)))
        #expect(quality.successes == (try row.decode(column: "satisfied", as: Int.self)))
        let estimate = try #require(quality.estimate)
        #expect(abs(estimate.value - Double(quality.successes) / Double(quality.sampleSize)) < 1e-12)
        #expect(estimate.lower < estimate.value && estimate.value < estimate.upper)
        let trust = try #require(card.figure(.buildTrust)?.estimate)
        #expect(trust.value > 0 && trust.value < 1)
    }

    /// The planted slots, per measure, as the consistency report keys them.
    static func planted(_ demo: DemoBusiness) throws -> Set<PlantedFlag> {
        guard case .shift(let ekb, let evening) = try #require(demo.groundTruth.weakness(id: "ekb-evening-late")).slot
        else { throw Abort(.internalServerError) }
        let shift = "loc=\(ekb);shift=\(evening)"
        return [
            PlantedFlag(.deliveryOnTime, .shift, shift), PlantedFlag(.deliveryOnTime, .dayPart, "part=last_hour"),
            PlantedFlag(.deliveryOnTime, .specialDay, "day=inventory"), PlantedFlag(.promiseOnTime, .shift, shift),
            PlantedFlag(.firstReplyInTarget, .dayPart, "part=last_hour"), PlantedFlag(.csat, .shift, shift),
            PlantedFlag(.surveyResponse, .shift, shift), PlantedFlag(.fastEnough, .dayPart, "part=last_hour"),
        ]
    }

    struct PlantedFlag: Hashable, CustomStringConvertible {
        var measure: ServiceRecord.Measure
        var dimension: ServiceRecord.Dimension
        var slot: String
        init(_ measure: ServiceRecord.Measure, _ dimension: ServiceRecord.Dimension, _ slot: String) {
            self.measure = measure
            self.dimension = dimension
            self.slot = slot
        }
        var description: String { "\(measure.rawValue) by \(dimension.rawValue): \(slot)" }
    }

    /// Every planted slot is flagged where it is cut.
    func checkPlanted(_ report: ConsistencyReport, demo: DemoBusiness) throws {
        let planted = try Self.planted(demo)
        let flagged = Set(report.flags.map { PlantedFlag($0.measure, $0.dimension, $0.slot) })
        for p in planted {
            let slot = report.measures.first { $0.measure == p.measure }?.analyses[p.dimension]?.slots
                .first { $0.key == p.slot }
            #expect(
                flagged.contains(p),
                "planted but not flagged: \(p): n \(slot?.count ?? 0), mean \(slot?.mean?.estimate ?? .nan), p \(slot?.comparison?.pValue ?? .nan)"
            )
        }
    }

    /// Whether a record lies in a slot where the demo planted a weakness for its measure.
    /// Promises tied to orders share their delivery's fate, so they carry the delivery
    /// weaknesses too.
    static func isPlanted(_ r: ServiceRecord, shift: String) -> Bool {
        let lastHour = r.slot?.dayPart == .lastHour
        let evening = r.key(.shift) == shift
        switch r.measure {
        case .deliveryOnTime, .promiseOnTime: return evening || lastHour || r.slot?.specialDay == .inventory
        case .firstReplyInTarget, .fastEnough: return lastHour
        case .csat, .surveyResponse: return evening
        }
    }

    /// With every record of a planted slot taken out, nothing is flagged where the planted slots
    /// are cut (shift, part of the day, special day) — so every flag there came from a planted
    /// weakness, including those that show through an overlap (an evening shift holds the last
    /// hour) — and the other dimensions flag no more than the false-discovery rate allows.
    func checkUnplanted(_ app: Application, demo: DemoBusiness) async throws {
        guard case .shift(let ekb, let evening) = try #require(demo.groundTruth.weakness(id: "ekb-evening-late")).slot
        else { return }
        let shift = "loc=\(ekb);shift=\(evening)"
        let facts = try await ScoreFactsReader(db: app.db).read(
            since: Self.demoNow.addingTimeInterval(-Score.lookBack), now: Self.demoNow)
        let observations = ServiceObservations(
            facts: facts, setting: try await Tick.Setting.load(app.db), now: Self.demoNow)
        let from = Self.demoNow.addingTimeInterval(-Score.consistencyWindow)
        let clean = observations.records.filter { $0.at >= from && !Self.isPlanted($0, shift: shift) }
        let rerun = ServiceObservations.analyse(clean, from: from, to: Self.demoNow, seed: 1)
        #expect(rerun.testCount > 100)
        let primary: Set<ServiceRecord.Dimension> = [.shift, .dayPart, .specialDay]
        for f in rerun.flags where primary.contains(f.dimension) {
            Issue.record("flagged without a planted cause: \(f.measure.rawValue) by \(f.dimension.rawValue): \(f.slot)")
        }
        let allowed = max(1, Int((Double(rerun.testCount) * ServiceObservations.falseDiscoveryRate).rounded(.up)))
        #expect(
            rerun.flags.count <= allowed,
            "\(rerun.flags.map { "\($0.measure.rawValue)/\($0.dimension.rawValue)/\($0.slot)" })")
    }

    /// Most discount hunters who bought again are spurious loyalty; few other repeat buyers are.
    func checkHunters(_ store: ScoreStore, demo: DemoBusiness) async throws {
        let batch = demo.batch(0..<demo.customerCount)
        var hunters = (spurious: 0, all: 0)
        var others = (spurious: 0, all: 0)
        for truth in batch.truths {
            guard let row = try await store.customerScore(truth.customerID), row.purchases >= 2 else { continue }
            let spurious = row.segment == LoyaltySegment.spuriousLoyalty.rawValue
            if truth.isDiscountHunter {
                hunters.all += 1
                if spurious { hunters.spurious += 1 }
            } else {
                others.all += 1
                if spurious { others.spurious += 1 }
            }
        }
        #expect(hunters.all > 100)
        #expect(Double(hunters.spurious) / Double(hunters.all) > 0.7, "\(hunters)")
        #expect(Double(others.spurious) / Double(others.all) < 0.3, "\(others)")
    }
}
