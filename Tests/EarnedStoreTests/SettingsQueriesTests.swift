import EarnedDomain
import EarnedTestSupport
import FluentKit
import Foundation
import SQLKit
import Testing

@testable import EarnedStore

@Suite("The scheduler's marks")
struct SettingsQueriesTests {
    @Test("a mark is written once however often the work is done, and read back by its key")
    func marks() async throws {
        try await TestDatabase.with { db in
            let settings = SettingsStore(db: db)
            #expect(try await !settings.isMarked("greetings:2026-11-18"))
            try await settings.mark("greetings:2026-11-18", at: testNow)
            try await settings.mark("greetings:2026-11-18", at: testNow + 60)
            try await settings.mark("surveys:2026-11-18", at: testNow)

            #expect(try await SettingsQueries.isMarked("greetings:2026-11-18", on: db))
            #expect(try await SettingsQueries.isMarked("surveys:2026-11-18", on: db))
            #expect(try await !SettingsQueries.isMarked("greetings:2026-11-19", on: db))
            let rows = try await db.sql.raw("SELECT key, done_at FROM scheduler_marks ORDER BY key").all()
            #expect(
                try rows.map { try $0.decode(column: "key", as: String.self) } == [
                    "greetings:2026-11-18", "surveys:2026-11-18",
                ])
            // The second mark of the same work changed nothing.
            #expect(try rows.first?.decode(column: "done_at", as: Date.self) == testNow)
        }
    }
}
