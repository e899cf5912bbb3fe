import EarnedDomain
import EarnedServices
import EarnedStore
import EarnedTestSupport
import FluentKit
import Foundation
import Testing

@Suite("promise actions")
struct PromiseActionsTests {
    /// A callback the north seller promised `customer` at `at`, due `hours` later.
    static func promise(
        _ f: TestFixture, _ customer: Customer, at: Date, dueIn hours: Double, by owner: Staff? = nil,
        kind: Promise.Kind = .callback, on db: any Database
    ) async throws -> Promise {
        try await PromiseRepository(db: db).create(
            PromiseDraft(
                customerID: customer.id, kind: kind, text: "Перезвоню с ценой", ownerID: (owner ?? f.northSeller).id,
                dueAt: at + hours * 3600), actor: owner ?? f.northSeller, now: at)
    }

    static func step(_ action: String, reason: String? = nil, dueAt: Date? = nil) -> ServiceActions.PromiseStep {
        ServiceActions.PromiseStep(action: action, reason: reason, dueAt: dueAt, toldVia: nil, note: nil)
    }

    @Test("breaking an open promise tells subscribers once; keeping one tells them nothing")
    func brokenEvent() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let hooks = WebhookStore(db: db)
            let hook = try await hooks.create(
                WebhookSubscriptionDraft(url: "https://hooks.example.com/earned", events: ["promise.broken"]),
                secret: "s", actor: f.owner, now: testNow - 86_400)
            let customer = try await f.customer("Анна Клиент", on: db)
            let broken = try await Self.promise(f, customer, at: testNow - 7200, dueIn: 1, on: db)
            let kept = try await Self.promise(f, customer, at: testNow - 7200, dueIn: 1, on: db)

            let changed = try await ServiceActions.promise(
                Self.step("break", reason: "поставщик подвёл"), id: broken.id, actor: f.northSeller,
                in: f.context(db))
            try await ServiceActions.promise(Self.step("keep"), id: kept.id, actor: f.northSeller, in: f.context(db))
            await #expect(throws: DomainError.self) {
                try await ServiceActions.promise(
                    Self.step("break"), id: broken.id, actor: f.northSeller, in: f.context(db, at: testNow + 60))
            }

            #expect(changed.brokenAt == testNow && changed.brokenReason == "поставщик подвёл")
            let deliveries = try await hooks.deliveries(subscription: hook.id)
            #expect(deliveries.map(\.eventKey) == ["promise.broken:\(broken.id)"])
            #expect(deliveries.first?.eventKind == .promiseBroken)
            let stored = try await PromiseRepository(db: db).get(kept.id, actor: f.owner)
            #expect(stored.keptAt == testNow)
        }
    }

    @Test("a renegotiation needs a new due time, and told in time moves the due time in force; others may not")
    func refused() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let customer = try await f.customer("Анна Клиент", on: db)
            let promise = try await Self.promise(f, customer, at: testNow - 3600, dueIn: 4, on: db)

            await #expect(throws: DomainError.invalid([FieldError(field: "due_at", code: .required)])) {
                try await ServiceActions.promise(
                    Self.step("renegotiate"), id: promise.id, actor: f.northSeller, in: f.context(db))
            }
            await #expect(throws: DomainError.self) {
                try await ServiceActions.promise(
                    Self.step("keep"), id: promise.id, actor: f.southSeller, in: f.context(db))
            }
            let moved = try await ServiceActions.promise(
                ServiceActions.PromiseStep(
                    action: "renegotiate", reason: nil, dueAt: testNow + 86_400, toldVia: .phone, note: "завтра"),
                id: promise.id, actor: f.northSeller, in: f.context(db))

            #expect(moved.dueAt == testNow + 86_400 && moved.isOpen)
            #expect(moved.dueInForce == testNow + 86_400)
            #expect(moved.renegotiations.count == 1)
        }
    }
}
