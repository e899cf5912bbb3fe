import EarnedDomain
import EarnedServices
import Foundation
import SQLKit
import Testing
import Vapor

@testable import EarnedStore
@testable import EarnedWeb

/// The on-time report counts promises from their columns: the store's facts judge each promise
/// exactly as the promise judges itself, whichever way it ended.
@Suite("On-time facts read from columns")
struct OnTimeFactsTests {
    @Test(
        "kept on time, renegotiated in time, moved without telling, late, broken, open and overdue: the same outcomes")
    func factsJudgeAsThePromise() async throws {
        try await withEarnedApp { app, f in
            let customer = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "Анна", homeLocationID: f.north.id), actor: f.owner, now: testNow - 86_400)
            let repo = PromiseRepository(db: app.db)
            func make(_ text: String, due: TimeInterval) async throws -> Promise {
                try await repo.create(
                    PromiseDraft(customerID: customer.id, kind: .callback, text: text, dueAt: testNow + due),
                    actor: f.northStaff, now: testNow - 3 * 86_400)
            }
            let onTime = try await make("в срок", due: -7200)
            try await repo.change(onTime.id, actor: f.northStaff, now: testNow) {
                (p: inout Promise) throws(DomainError) in try p.keep(at: testNow - 9000)
            }
            let moved = try await make("перенесли, сказали", due: -7200)
            try await repo.change(moved.id, actor: f.northStaff, now: testNow) {
                (p: inout Promise) throws(DomainError) in
                try p.renegotiate(to: testNow - 3600, at: testNow - 10_000, toldVia: .phone)
                try p.keep(at: testNow - 5000)
            }
            let untold = try await make("перенесли молча", due: -7200)
            try await repo.change(untold.id, actor: f.northStaff, now: testNow) {
                (p: inout Promise) throws(DomainError) in
                try p.renegotiate(to: testNow - 3600, at: testNow - 10_000, toldVia: nil)
                try p.keep(at: testNow - 5000)
            }
            let broken = try await make("не сделали", due: -7200)
            try await repo.change(broken.id, actor: f.northStaff, now: testNow) {
                (p: inout Promise) throws(DomainError) in
                try p.markBroken(at: testNow - 3600, reason: "нет товара")
            }
            _ = try await make("просрочено", due: -600)
            _ = try await make("впереди", due: 3600)

            let from = testNow - 86_400
            let to = testNow + 86_400
            let whole = try await repo.due(from: from, to: to, locations: nil)
            let facts = try await repo.dueFacts(from: from, to: to, locations: nil)
            #expect(facts.count == 6 && whole.count == 6)
            #expect(Set(facts) == Set(whole.map(PromiseFacts.init)))
            let outcomes = facts.map { $0.outcome(at: testNow) }
            #expect(
                Set(outcomes) == [.keptOnTime, .renegotiated, .late, .broken, .overdue, .open],
                "\(outcomes)")
            #expect(
                OnTimeTally.group(facts, at: testNow) { _ in 0 } == OnTimeTally.group(whole, at: testNow) { _ in 0 })

            // One location's, or none when no location is visible.
            let north = whole.filter { $0.locationID == f.north.id }
            #expect(!north.isEmpty)
            #expect(
                Set(try await repo.dueFacts(from: from, to: to, locations: [f.north.id, LocationID()]))
                    == Set(north.map(PromiseFacts.init)))
            #expect(try await repo.dueFacts(from: from, to: to, locations: []).isEmpty)

            // A row without the column filled (as before migration 0028) is read whole, the same.
            try await app.db.sql.raw("UPDATE promises SET renegotiated_in_time = NULL").run()
            #expect(Set(try await repo.dueFacts(from: from, to: to, locations: nil)) == Set(facts))
            // One owner's only.
            #expect(try await repo.dueFacts(from: from, to: to, locations: nil, owner: f.manager.id).isEmpty)
        }
    }
}
