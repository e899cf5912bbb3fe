import EarnedAnalytics
import EarnedDomain
import EarnedServices
import EarnedStore
import EarnedTestSupport
import FluentKit
import Foundation
import Testing

@Suite("program forecasts")
struct ForecastingTests {
    static let baseline = ForecastBaseline(
        computedAt: testNow, currency: "RUB",
        cohorts: [
            .init(
                segment: .trueLoyalty, customers: 800, activeCustomers: 600, monthlyPurchaseRate: 0.6,
                monthlyChurn: 0.02, averageOrderMinor: 250_000, spendGroups: ForecastBaseline.spendGroups([1, 2, 3]))
        ], onTime: nil, replies: nil, promiseEffect: nil, replyEffect: nil)

    static var scenario: ProgramScenario {
        var scenario = ProgramScenario.standard
        scenario.service = nil
        return scenario
    }

    @Test("only the owner forecasts; before the first score run there is no baseline to forecast on")
    func refused() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let forecasting = Forecasting(db: db)

            let manager = await #expect(throws: DomainError.self) {
                try await forecasting.run(Self.scenario, actor: f.northManager)
            }
            let owner = await #expect(throws: DomainError.self) {
                try await forecasting.run(Self.scenario, actor: f.owner)
            }

            #expect(try await forecasting.baseline() == nil)
            var forbidden = false
            if case .forbidden = manager { forbidden = true }
            #expect(forbidden, "a manager got \(String(describing: manager))")
            var reason = ""
            if case .conflict(let text) = owner { reason = text }
            #expect(reason.contains("earned score"), "the owner got \(String(describing: owner))")
        }
    }

    @Test("a run on the stored baseline is the engine's answer; saved, it comes back whole")
    func runAndSave() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            try await ScoreStore(db: db).save(Self.baseline, as: ForecastBaseline.key, at: testNow)
            let forecasting = Forecasting(db: db)

            let document = try await forecasting.run(Self.scenario, actor: f.owner)
            let saved = try await forecasting.save(document, name: "Баллы 3 %", actor: f.owner, now: testNow)
            let (row, again) = try await forecasting.saved(saved.id, actor: f.owner)

            #expect(document == Forecasting.run(try Self.scenario.validated(), on: Self.baseline))
            #expect(again == document)
            #expect(row.name == "Баллы 3 %" && row.currency == "RUB")
            #expect(row.npvP50Minor == Int64(document.result.program.npv.p50.rounded()))
        }
    }
}
