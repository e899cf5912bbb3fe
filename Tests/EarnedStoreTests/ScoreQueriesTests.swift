import EarnedDomain
import EarnedTestSupport
import FluentKit
import Foundation
import Testing

@testable import EarnedStore

@Suite("Score queries: the lease and the snapshots")
struct ScoreQueriesTests {
    @Test("one holder at a time until the lease runs out; only the holder gives it back")
    func lease() async throws {
        try await TestDatabase.with { db in
            let scores = ScoreStore(db: db)
            #expect(try await scores.acquire("score", holder: "a", now: testNow, duration: 600))
            #expect(try await !scores.acquire("score", holder: "b", now: testNow + 60, duration: 600))
            // The holder renews it.
            #expect(try await ScoreQueries.acquire("score", holder: "a", now: testNow + 120, duration: 600, on: db))
            #expect(try await !scores.acquire("score", holder: "b", now: testNow + 700, duration: 600))
            try await scores.release("score", holder: "b")
            #expect(try await !scores.acquire("score", holder: "b", now: testNow + 710, duration: 600))
            try await scores.release("score", holder: "a")
            #expect(try await scores.acquire("score", holder: "b", now: testNow + 720, duration: 600))
            // Run out: another may take it.
            #expect(try await scores.acquire("score", holder: "c", now: testNow + 1_400, duration: 600))
        }
    }

    @Test("a snapshot saved again replaces the first; keys are found by prefix, in order")
    func snapshots() async throws {
        try await TestDatabase.with { db in
            let scores = ScoreStore(db: db)
            try await scores.save(["figure": 1], as: "scorecard:2026-11", at: testNow - 60)
            try await scores.save(["figure": 2], as: "scorecard:2026-11", at: testNow)
            try await scores.save(["figure": 3], as: "scorecard:2026-10", at: testNow - 3600)
            try await scores.save(["figure": 4], as: "loyalty", at: testNow)

            let (value, at) = try #require(try await scores.snapshot([String: Int].self, key: "scorecard:2026-11"))
            #expect(value == ["figure": 2] && at == testNow)
            #expect(
                try await ScoreQueries.snapshotKeys(prefix: "scorecard:", on: db) == [
                    "scorecard:2026-10", "scorecard:2026-11",
                ])
            let times = try await ScoreQueries.snapshotTimes(keys: ["scorecard:2026-10", "missing"], on: db)
            #expect(times == ["scorecard:2026-10": testNow - 3600])
            #expect(try await scores.snapshots([String: Int].self, keys: []).isEmpty)
        }
    }
}
