import EarnedDomain
import EarnedTestSupport
import FluentKit
import Foundation
import Testing

@testable import EarnedStore

@Suite("The touches the contact budget counts")
struct TouchQueriesTests {
    @Test("a touch with a task key already recorded is skipped; touches without a key all count")
    func recordsOncePerTaskKey() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let anna = try await f.customer("Анна", on: db)
            let boris = try await f.customer("Борис", on: db)
            let touches = TouchRepository(db: db)
            try await touches.record([
                (anna.id, Touch(at: testNow - 3 * 86_400, kind: .greeting), "greeting:anna"),
                (anna.id, Touch(at: testNow - 2 * 86_400, kind: .followUp), nil),
                (boris.id, Touch(at: testNow - 86_400, kind: .followUp), nil),
            ])
            // A pass run again: the greeting is not counted twice.
            try await touches.record([(anna.id, Touch(at: testNow - 3 * 86_400, kind: .greeting), "greeting:anna")])
            try await TouchQueries.record(
                [(anna.id, Touch(at: testNow - 86_400, kind: .survey), "greeting:anna")], on: db)
            try await TouchQueries.record([(boris.id, Touch(at: testNow - 3600, kind: .survey), nil)], on: db)

            let found = try await touches.since(testNow - 30 * 86_400, customers: [anna.id, boris.id])
            #expect(found[anna.id]?.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.followUp, .greeting])
            #expect(found[boris.id]?.count == 2)
            #expect(found[anna.id]?.first { $0.kind == .greeting }?.at == testNow - 3 * 86_400)
            let recent = try await touches.since(testNow - 2 * 86_400, customers: [anna.id])
            #expect(recent[anna.id]?.map(\.kind) == [.followUp])
        }
    }
}
