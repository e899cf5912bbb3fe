import EarnedDomain
import EarnedServices
import EarnedStore
import EarnedTestSupport
import FluentKit
import Foundation
import Testing

@Suite("the Today agenda")
struct TodayAgendaTests {
    @Test("a seller's own day: overdue first, then by time left; nothing due after tomorrow, nobody else's")
    func own() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let customer = try await f.customer("Анна Клиент", on: db)
            let soon = try await PromiseActionsTests.promise(f, customer, at: testNow - 3600, dueIn: 5, on: db)
            let late = try await PromiseActionsTests.promise(f, customer, at: testNow - 7200, dueIn: 1, on: db)
            _ = try await PromiseActionsTests.promise(f, customer, at: testNow - 3600, dueIn: 72, on: db)
            _ = try await PromiseActionsTests.promise(
                f, customer, at: testNow - 3600, dueIn: 2, by: f.northManager, on: db)
            // A call two days old: its reply is the longest overdue.
            let contact = try await ContactRepository(db: db).create(
                InboundContactDraft(
                    channel: .call, customerID: customer.id, locationID: f.north.id, receivedAt: testNow - 2 * 86_400,
                    subject: "Перезвоните"), actor: f.northSeller, now: testNow - 2 * 86_400)
            _ = try await ContactActions.apply("take", to: contact.id, actor: f.northSeller, in: f.context(db))

            let agenda = try await TodayAgenda.load(
                for: f.northSeller, locations: [f.north], team: false, in: f.context(db))

            #expect(agenda.promises.count == 2 && agenda.contacts.map(\.id) == [contact.id])
            #expect(agenda.items.map(\.id) == [contact.id.rawValue, late.id.rawValue, soon.id.rawValue])
            #expect(agenda.items.map { $0.isOverdue(at: testNow) } == [true, true, false])
            #expect(agenda.items.last?.dueAt == soon.dueAt)
            #expect(agenda.items.first?.assigneeID == f.northSeller.id)
            #expect(agenda.overdueByPerson.isEmpty)
        }
    }

    @Test("a manager's team day holds everyone's work at their locations, and a case by its resolution target")
    func team() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let customer = try await f.customer("Анна Клиент", on: db)
            _ = try await PromiseActionsTests.promise(f, customer, at: testNow - 3600, dueIn: 2, on: db)
            let contact = try await ContactActionsTests.call(f, customer: customer, on: db)
            let linked = try await ContactActions.apply("case", to: contact.id, actor: f.northSeller, in: f.context(db))

            let mine = try await TodayAgenda.load(
                for: f.northManager, locations: [f.north], team: false, in: f.context(db))
            let team = try await TodayAgenda.load(
                for: f.northManager, locations: [f.north], team: true, in: f.context(db))

            #expect(mine.items.isEmpty)
            #expect(team.items.filter { $0.source == .promise }.map(\.assigneeID) == [f.northSeller.id])
            let caseItem = try #require(team.items.first { $0.source == .serviceCase })
            #expect(caseItem.id == linked.caseID?.rawValue && caseItem.dueAt != nil)
            #expect(team.items.contains { $0.source == .contact && $0.id == contact.id.rawValue })
            #expect(Set(team.staff.map(\.id)).isSuperset(of: [f.northSeller.id, f.northManager.id]))
        }
    }
}
