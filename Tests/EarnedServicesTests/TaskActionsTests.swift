import EarnedDomain
import EarnedServices
import EarnedStore
import EarnedTestSupport
import FluentKit
import Foundation
import Testing

@Suite("task actions")
struct TaskActionsTests {
    /// The north seller's follow-up of `order`, due now.
    static func followUp(_ f: TestFixture, _ order: Order, kind: ServiceTask.Kind = .followUp, on db: any Database)
        async throws -> ServiceTask
    {
        let task = ServiceTask(
            key: "test:\(order.id):\(kind.rawValue)", kind: kind, assigneeID: f.northSeller.id, locationID: f.north.id,
            customerID: order.customerID, subject: .init(kind: .order, id: order.id.rawValue), dueAt: testNow,
            createdAt: testNow - 86_400, updatedAt: testNow - 86_400)
        return try #require(try await TaskRepository(db: db).createNew([task]).first)
    }

    @Test("a follow-up that found a problem opens a case linked to the order, closes, and counts as a touch")
    func problemFound() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let customer = try await f.customer("Анна Клиент", on: db)
            let order = try await f.order(customer, by: f.northSeller, at: testNow - 3 * 86_400, on: db)
            let task = try await Self.followUp(f, order, on: db)
            let outcome = try FollowUpOutcomeDraft(reached: true, satisfied: false, problem: "царапина на корпусе")
                .validated()

            let closed = try await TaskActions.recordFollowUp(
                task.id, outcome: outcome, summary: outcome.summary(.english), actor: f.northSeller,
                in: f.context(db))

            #expect(closed.status == .done && closed.outcome == outcome.summary(.english))
            let cases = try await CaseRepository(db: db).list(locations: nil, activeOnly: false)
            #expect(cases.count == 1)
            #expect(cases.first?.source == .followUp && cases.first?.link == order.id.rawValue)
            #expect(cases.first?.customerID == customer.id && cases.first?.title == "царапина на корпусе")
            let touches = try await TouchRepository(db: db).since(testNow - 86_400, customers: [customer.id])
            #expect(touches[customer.id]?.map(\.kind) == [.followUp])
        }
    }

    @Test("not reached: no case and no touch; a handover reached is no follow-up touch either")
    func notReached() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let customer = try await f.customer("Анна Клиент", on: db)
            let order = try await f.order(customer, by: f.northSeller, at: testNow - 3 * 86_400, on: db)
            let missed = try await Self.followUp(f, order, on: db)
            let handover = try await Self.followUp(f, order, kind: .handover, on: db)

            try await TaskActions.recordFollowUp(
                missed.id, outcome: FollowUpOutcome(reached: false), summary: "✗", actor: f.northSeller,
                in: f.context(db))
            try await TaskActions.recordFollowUp(
                handover.id, outcome: FollowUpOutcome(reached: true, satisfied: true), summary: "ok",
                actor: f.northSeller, in: f.context(db))

            #expect(try await CaseRepository(db: db).list(locations: nil, activeOnly: false).isEmpty)
            let touches = try await TouchRepository(db: db).since(testNow - 86_400, customers: [customer.id])
            #expect(touches[customer.id, default: []].isEmpty)
            let open = try await TaskRepository(db: db).open(assignee: f.northSeller.id, locations: nil)
            #expect(!open.contains { $0.id == missed.id || $0.id == handover.id })
        }
    }
}
