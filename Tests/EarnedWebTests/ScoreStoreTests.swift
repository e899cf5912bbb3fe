import EarnedDomain
import EarnedServices
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

/// The score lease and the run-when-changed rule, on SQLite and PostgreSQL.
@Suite("Score storage")
struct ScoreStoreTests {
    @Test("one holder at a time: a second instance waits until the lease is released or runs out")
    func lease() async throws {
        try await withEarnedApp(seed: false) { app, _ in
            let store = ScoreStore(db: app.db)
            #expect(try await store.acquire("score", holder: "a", now: testNow, duration: 3600))
            #expect(
                !(try await store.acquire("score", holder: "b", now: testNow.addingTimeInterval(60), duration: 3600)))
            // The holder renews its own lease.
            #expect(try await store.acquire("score", holder: "a", now: testNow.addingTimeInterval(120), duration: 3600))
            // Someone else's release changes nothing.
            try await store.release("score", holder: "b")
            #expect(
                !(try await store.acquire("score", holder: "b", now: testNow.addingTimeInterval(180), duration: 3600)))
            // An expired lease goes to whoever asks.
            #expect(
                try await store.acquire("score", holder: "b", now: testNow.addingTimeInterval(7200), duration: 3600))
            try await store.release("score", holder: "b")
            #expect(try await store.acquire("score", holder: "c", now: testNow.addingTimeInterval(7300), duration: 60))
        }
    }

    @Test("a segment lists its customers most valuable first, those without a value after them, page by page")
    func segmentOrder() async throws {
        try await withEarnedApp { app, f in
            let customers = CustomerRepository(db: app.db)
            var rows: [CustomerScoreRow] = []
            // Values 500, 400, …, 100 and three without one, all in one segment; one elsewhere.
            for k in 0..<9 {
                let c = try await customers.create(
                    CustomerDraft(name: "C\(k)", phones: ["+7 900 000-00-0\(k)"], homeLocationID: f.north.id),
                    actor: f.owner, now: testNow)
                rows.append(
                    CustomerScoreRow(
                        customerID: c.id, segment: k == 8 ? "true_loyalty" : "spurious_loyalty", atRisk: k % 2 == 0,
                        purchases: 2, probabilityAlive: 0.9, expectedPurchases: 1,
                        lifetimeValueMinor: k < 5 ? Int64(500 - 100 * k) : nil, currency: "RUB", discountShare: 0.6,
                        document: "{}"))
            }
            let store = ScoreStore(db: app.db)
            try await store.replaceCustomerScores(rows, at: testNow)
            let all = try await store.scoredCustomers(segment: "spurious_loyalty", atRiskOnly: false, limit: 50)
            #expect(all.map(\.score.lifetimeValueMinor) == [500, 400, 300, 200, 100, nil, nil, nil])
            // Pages cross from the valued customers to the rest without losing or repeating one.
            var paged: [ScoredCustomer] = []
            for offset in stride(from: 0, to: 8, by: 3) {
                paged += try await store.scoredCustomers(
                    segment: "spurious_loyalty", atRiskOnly: false, limit: 3, offset: offset)
            }
            #expect(paged.map(\.score.customerID) == all.map(\.score.customerID))
            let risky = try await store.scoredCustomers(segment: nil, atRiskOnly: true, limit: 50)
            #expect(risky.prefix(3).map(\.name) == ["C0", "C2", "C4"])
            #expect(Set(risky.dropFirst(3).map(\.name)) == ["C6", "C8"])
        }
    }

    struct Figures: Codable, Equatable {
        var statistic: Double
        var low: Double
        var value: Double
    }

    @Test("a snapshot keeps infinite figures and NaN instead of failing to store")
    func nonFinite() async throws {
        try await withEarnedApp(seed: false) { app, _ in
            let store = ScoreStore(db: app.db)
            try await store.save(Figures(statistic: .infinity, low: -.infinity, value: 0.5), as: "t", at: testNow)
            let (read, at) = try #require(try await store.snapshot(Figures.self, key: "t"))
            #expect(read == Figures(statistic: .infinity, low: -.infinity, value: 0.5))
            #expect(at == testNow)
            try await store.save(Figures(statistic: .nan, low: 0, value: 1), as: "t", at: testNow)
            #expect(try #require(try await store.snapshot(Figures.self, key: "t")).0.statistic.isNaN)
            #expect(try await store.snapshotKeys(prefix: "t") == ["t"])
        }
    }

    @Test("scores run again only when the data changed, a day passed, and never while another instance holds the lease")
    func runIfDue() async throws {
        try await withEarnedApp { app, fixture in
            let customers = CustomerRepository(db: app.db)
            let customer = try await customers.create(
                CustomerDraft(kind: .person, name: "Анна Петрова"), actor: fixture.owner, now: testNow)
            let score = Score(db: app.db, logger: app.logger)
            let first = try #require(try await score.runIfDue(now: testNow, holder: "x", minimumGap: 0))
            #expect(first.customers == 0)
            #expect(try await app.count("customer_scores") == 1)
            // Nothing changed: no run an hour later.
            #expect(try await score.runIfDue(now: testNow.addingTimeInterval(3600), holder: "x", minimumGap: 0) == nil)
            // A new order changes the data mark.
            _ = try await OrderRepository(db: app.db).create(
                OrderDraft(
                    customerID: customer.id, locationID: fixture.north.id,
                    placedAt: testNow.addingTimeInterval(-86_400),
                    amountMinorUnits: 150_000, currency: "RUB"), actor: fixture.owner, now: testNow)
            let store = ScoreStore(db: app.db)
            #expect(try await store.acquire(Score.leaseKey, holder: "other", now: testNow, duration: 86_400))
            #expect(try await score.runIfDue(now: testNow.addingTimeInterval(7200), holder: "x", minimumGap: 0) == nil)
            try await store.release(Score.leaseKey, holder: "other")
            let second = try #require(
                try await score.runIfDue(now: testNow.addingTimeInterval(7200), holder: "x", minimumGap: 0))
            #expect(second.orders == 1)
            let row = try #require(try await store.customerScore(customer.id))
            #expect(row.purchases == 1)
            // Too few customers for the lifetime models: no figures rather than made-up ones.
            #expect(row.probabilityAlive == nil && second.lifetime == nil)
            // A day later the scores are due again even without new data.
            #expect(
                try await score.runIfDue(now: testNow.addingTimeInterval(7200 + 86_401), holder: "x", minimumGap: 0)
                    != nil)
        }
    }
}
