import EarnedDomain
import EarnedServices
import EarnedStore
import EarnedTestSupport
import FluentKit
import Foundation
import Testing

@Suite("the on-time breakdown")
struct OnTimeBreakdownTests {
    static let names = OnTimeBreakdown.Names(none: "—", kind: { "kind " + $0.rawValue })

    /// Within the last 90 days: the seller keeps two callbacks on time and breaks a delivery;
    /// the manager keeps one quote late.
    static func history(_ f: TestFixture, on db: any Database) async throws {
        let customer = try await f.customer("Анна Клиент", on: db)
        let start = testNow - 30 * 86_400
        func promise(_ kind: Promise.Kind, by owner: Staff, _ action: String, after hours: Double) async throws {
            let made = try await PromiseActionsTests.promise(
                f, customer, at: start, dueIn: 2, by: owner, kind: kind, on: db)
            try await ServiceActions.promise(
                PromiseActionsTests.step(action), id: made.id, actor: owner,
                in: f.context(db, at: start + hours * 3600))
        }
        try await promise(.callback, by: f.northSeller, "keep", after: 1)
        try await promise(.callback, by: f.northSeller, "keep", after: 1.5)
        try await promise(.delivery, by: f.northSeller, "break", after: 3)
        try await promise(.quote, by: f.northManager, "keep", after: 5)
    }

    @Test("by owner: a manager sees everyone at their location, most decided first, named")
    func byOwner() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            try await Self.history(f, on: db)

            let report = try await OnTimeBreakdown.load(
                OnTimeBreakdown.Query(), viewer: f.northManager, locations: [f.north], zone: .gmt, names: Self.names,
                in: f.context(db))

            #expect(report.to == testNow && report.from == testNow - 90 * 86_400)
            #expect(report.rows.map(\.label) == ["Николай Север", "Мария Менеджер"])
            #expect(report.rows.map(\.key) == [f.northSeller.id.description, f.northManager.id.description])
            let seller = try #require(report.rows.first)
            #expect(seller.tally.decided == 3 && seller.tally.onTime == 2 && seller.tally.broken == 1)
            #expect(!seller.hasEnoughData && seller.interval != nil)
            #expect(report.rows.last?.tally.late == 1)
        }
    }

    @Test("a seller sees only their own promises; by kind, labels in the reader's words")
    func ownByKind() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            try await Self.history(f, on: db)

            let report = try await OnTimeBreakdown.load(
                OnTimeBreakdown.Query(grouping: .kind), viewer: f.northSeller, locations: [f.north], zone: .gmt,
                names: Self.names, in: f.context(db))

            #expect(report.rows.map(\.label) == ["kind callback", "kind delivery"])
            #expect(report.rows.map(\.tally.decided) == [2, 1])
        }
    }

    @Test("by location and by month; a period that ends before it starts is refused")
    func locationsAndPeriods() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            try await Self.history(f, on: db)

            let byLocation = try await OnTimeBreakdown.load(
                OnTimeBreakdown.Query(grouping: .location), viewer: f.owner, locations: [f.north, f.south],
                zone: .gmt, names: Self.names, in: f.context(db))
            let byMonth = try await OnTimeBreakdown.load(
                OnTimeBreakdown.Query(grouping: .month), viewer: f.owner, locations: [f.north, f.south],
                zone: .gmt, names: Self.names, in: f.context(db))

            #expect(byLocation.rows.map(\.label) == ["Север"])
            #expect(byLocation.rows.map(\.tally.decided) == [4])
            #expect(byMonth.rows.map(\.key) == ["2026-10"])
            await #expect(
                throws: DomainError.invalid([
                    FieldError(field: "from", code: .inconsistent, detail: "must be before to")
                ])
            ) {
                try await OnTimeBreakdown.load(
                    OnTimeBreakdown.Query(from: testNow, to: testNow - 1), viewer: f.owner, locations: [f.north],
                    zone: .gmt, names: Self.names, in: f.context(db))
            }
        }
    }
}
