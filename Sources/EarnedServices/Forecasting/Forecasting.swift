import EarnedAnalytics
import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

/// Runs program forecasts on the latest baseline `earned score` stored, and saves them with
/// the inputs and the baseline they used: the page, the API and `earned forecast` call this.
package struct Forecasting: Sendable {
    let db: any Database

    package init(db: any Database) { self.db = db }

    /// A saved forecast's whole document.
    package struct Document: Codable, Sendable, Hashable {
        package var scenario: ProgramScenario
        package var baseline: ForecastBaseline
        package var result: ForecastResult
    }

    /// The latest baseline; nil before the first score run.
    package func baseline() async throws -> ForecastBaseline? {
        try await ScoreStore(db: db).snapshot(ForecastBaseline.self, key: ForecastBaseline.key)?.0
    }

    /// The latest baseline, or `conflict` before the first score run.
    package func requireBaseline() async throws -> ForecastBaseline {
        guard let baseline = try await baseline() else {
            throw DomainError.conflict("no baseline yet: the scores have not been computed (run `earned score`)")
        }
        return baseline
    }

    /// The forecast of `scenario` on the latest baseline. Throws `conflict` before the first
    /// score run, and `invalid` for a bad scenario.
    package func run(_ scenario: ProgramScenario, actor: Staff) async throws -> Document {
        try Policy.require(actor, .forecastPrograms)
        let valid = try scenario.validated()
        let baseline = try await requireBaseline()
        return await Task.detached(priority: .userInitiated) { Self.run(valid, on: baseline) }.value
    }

    /// The simulation, off the caller's executor (a few hundred milliseconds of arithmetic).
    package static func run(_ scenario: ProgramScenario, on baseline: ForecastBaseline) -> Document {
        var result = ProgramForecast(scenario: scenario, baseline: baseline).run()
        // The service alternative once more, with the lifetime model's estimates of the effects.
        if result.service != nil, let byModel = baseline.withModelEffects {
            result.serviceByModel = ProgramForecast(scenario: scenario, baseline: byModel).run().service
        }
        return Document(scenario: scenario, baseline: baseline, result: result)
    }

    /// Saves a forecast under `name`.
    package func save(_ document: Document, name: String, actor: Staff, now: Date) async throws -> SavedForecast {
        let p50 = document.result.program.npv.p50
        return try await ForecastStore(db: db).save(
            SavedForecast(
                id: UUID(), name: name, kind: document.scenario.kind.rawValue, createdByID: actor.id, createdAt: now,
                baselineAt: document.baseline.computedAt,
                npvP50Minor: p50.isFinite ? Int64(p50.rounded()) : 0,
                probabilityOfLoss: document.result.program.probabilityOfLoss,
                verdict: document.result.verdict.rawValue, currency: document.baseline.currency,
                document: try ScoreStore.document(document)),
            actor: actor, now: now)
    }

    /// A saved forecast and its document.
    package func saved(_ id: UUID, actor: Staff) async throws -> (SavedForecast, Document) {
        let row = try await ForecastStore(db: db).get(id, actor: actor)
        return (row, try ScoreStore.decode(Document.self, document: row.document))
    }
}
