import EarnedDomain
import EarnedServices
import EarnedStore
import EarnedTestSupport
import FluentKit
import Foundation
import Testing

@Suite("contact actions")
struct ContactActionsTests {
    /// A phone call to the north location, logged by its seller.
    static func call(_ f: TestFixture, customer: Customer?, on db: any Database) async throws -> InboundContact {
        try await ContactRepository(db: db).create(
            InboundContactDraft(
                channel: .call, priority: .high, customerID: customer?.id, locationID: f.north.id,
                receivedAt: testNow - 3600, subject: "Где мой заказ?", body: "Обещали вчера"),
            actor: f.northSeller, now: testNow - 3600)
    }

    @Test("\"case\" opens one case for the contact's customer, owned by the actor and linked back")
    func openCase() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let customer = try await f.customer("Анна Клиент", on: db)
            let contact = try await Self.call(f, customer: customer, on: db)

            let first = try await ContactActions.apply("case", to: contact.id, actor: f.northSeller, in: f.context(db))
            let again = try await ContactActions.apply("case", to: contact.id, actor: f.northSeller, in: f.context(db))

            let caseID = try #require(first.caseID)
            #expect(again.caseID == caseID)
            let cases = try await CaseRepository(db: db).list(locations: nil, activeOnly: false)
            #expect(cases.map(\.id) == [caseID])
            let opened = try #require(cases.first)
            #expect(opened.customerID == customer.id && opened.ownerID == f.northSeller.id)
            #expect(opened.source == .contact && opened.link == contact.id.rawValue)
            #expect(opened.title == "Где мой заказ?" && opened.priority == .high)
        }
    }

    @Test("a contact without a customer cannot become a case; an unknown step is refused by name")
    func refused() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let contact = try await Self.call(f, customer: nil, on: db)

            await #expect(throws: DomainError.invalid([FieldError(field: "customer_id", code: .required)])) {
                try await ContactActions.apply("case", to: contact.id, actor: f.northSeller, in: f.context(db))
            }
            await #expect(throws: DomainError.invalid([FieldError(field: "action", code: .invalidChoice)])) {
                try await ContactActions.apply("escalate", to: contact.id, actor: f.northSeller, in: f.context(db))
            }
            #expect(try await CaseRepository(db: db).list(locations: nil, activeOnly: false).isEmpty)
        }
    }

    @Test("take, respond, wait, resume, resolve: each step goes through the contact's rules")
    func steps() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let contact = try await Self.call(f, customer: nil, on: db)
            let actor = f.northManager

            let taken = try await ContactActions.apply("take", to: contact.id, actor: actor, in: f.context(db))
            let answered = try await ContactActions.apply(
                "respond", to: contact.id, actor: actor, in: f.context(db, at: testNow + 60))
            _ = try await ContactActions.apply(
                "wait", to: contact.id, actor: actor, in: f.context(db, at: testNow + 120))
            _ = try await ContactActions.apply(
                "resume", to: contact.id, actor: actor, in: f.context(db, at: testNow + 600))
            let resolved = try await ContactActions.apply(
                "resolve", to: contact.id, actor: actor, in: f.context(db, at: testNow + 900))

            #expect(taken.ownerID == actor.id)
            #expect(answered.firstResponseAt == testNow + 60)
            #expect(resolved.resolvedAt == testNow + 900)
            #expect(resolved.waiting == [DateInterval(start: testNow + 120, end: testNow + 600)])
            let stored = try await ContactRepository(db: db).get(contact.id, actor: f.owner)
            #expect(stored.status == .resolved)
        }
    }

    @Test("the reply clocks: one per location given, with the owner's targets for that location")
    func clocks() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let quick = ReplyTargets(base: [.call: ServiceTarget(firstResponse: 600, resolution: 3600)])
            _ = try await SettingsStore(db: db).changeService(
                ServiceRules(replyTargets: [f.north.id: quick]), actor: f.owner, now: testNow)

            let clocks = try await ContactActions.clocks([f.north, f.south], on: db)

            #expect(Set(clocks.keys) == [f.north.id, f.south.id])
            #expect(clocks[f.north.id]?.targets == quick)
            #expect(clocks[f.south.id]?.targets == .standard)
        }
    }
}
