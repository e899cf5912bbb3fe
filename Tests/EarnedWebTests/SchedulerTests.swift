import EarnedDomain
import EarnedServices
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

@Suite("Scheduler: unique task keys and webhooks")
struct SchedulerTests {
    func task(_ key: String, fixture: Fixture, due: Date = testNow) -> ServiceTask {
        ServiceTask(
            key: key, kind: .followUp, assigneeID: fixture.northStaff.id, locationID: fixture.north.id,
            customerID: nil, subject: nil, dueAt: due, createdAt: testNow, updatedAt: testNow)
    }

    @Test("a task key is created once, however many times and from however many writers it is asked for")
    func uniqueKeys() async throws {
        try await withEarnedApp { app, fixture in
            let repo = TaskRepository(db: app.db)
            let first = try await repo.createNew([task("a", fixture: fixture), task("b", fixture: fixture)])
            #expect(first.map(\.key).sorted() == ["a", "b"])
            // The same keys again (new ids) create nothing.
            let again = try await repo.createNew([task("a", fixture: fixture), task("c", fixture: fixture)])
            #expect(again.map(\.key) == ["c"])
            // Eight writers racing for the same ten keys: each key exists once.
            let keys = (0..<10).map { "race-\($0)" }
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await TaskRepository(db: app.db).createNew(keys.map { task($0, fixture: fixture) }).count
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(counts == 10)
            #expect(try await app.count("service_tasks") == 13)
        }
    }

    @Test("closing a task: the assignee or a manager, once, with the outcome kept")
    func closing() async throws {
        try await withEarnedApp { app, fixture in
            let repo = TaskRepository(db: app.db)
            let created = try await repo.createNew([task("close-me", fixture: fixture)])
            let id = try #require(created.first).id
            await #expect(throws: DomainError.self) {
                try await repo.close(id, as: .done, outcome: nil, actor: fixture.southStaff, now: testNow)
            }
            let closed = try await repo.close(
                id, as: .done, outcome: "reached, happy", actor: fixture.northStaff, now: testNow)
            #expect(closed.status == .done && closed.outcome == "reached, happy")
            await #expect(throws: DomainError.conflict("this task is already closed")) {
                try await repo.close(id, as: .skipped, outcome: nil, actor: fixture.manager, now: testNow)
            }
            #expect(try await repo.withKey("close-me")?.completedByID == fixture.northStaff.id)
        }
    }

    @Test("a receiver on loopback gets signed deliveries; each event once per subscription")
    func signedDelivery() async throws {
        let receiver = try await WebhookReceiver.start()
        defer { Task { await receiver.stop() } }
        try await withEarnedApp { app, fixture in
            let store = WebhookStore(db: app.db)
            let subscription = try await store.create(
                WebhookSubscriptionDraft(url: receiver.url, events: ["task.created", "promise.broken"]),
                secret: "s3cret-for-test", actor: fixture.owner, now: testNow)
            _ = try await TaskRepository(db: app.db).createNew([])
            var report = Tick.Report()
            let tick = Tick(app: app)
            try await tick.create([task("hooked", fixture: fixture)], now: testNow, report: &report)
            try await tick.create([task("hooked", fixture: fixture)], now: testNow, report: &report)
            #expect(report.tasksCreated == 1 && report.eventsQueued == 1)
            let result = try await tick.run(now: testNow)
            #expect(result.deliveriesSent == 1)
            let got = try #require(receiver.received.first)
            #expect(receiver.received.count == 1)
            #expect(got.headers.first(name: "Earned-Event") == "task.created")
            let expected = WebhookSender.signature(body: got.body, secret: subscription.secret, time: testNow)
            #expect(got.headers.first(name: "Earned-Signature") == expected)
            // The receiver can check it independently: HMAC-SHA256 over "<t>.<body>".
            let mac = HMAC<SHA256>.authenticationCode(
                for: Data("\(Int(testNow.timeIntervalSince1970)).\(got.body)".utf8),
                using: SymmetricKey(data: Data("s3cret-for-test".utf8)))
            #expect(expected.hasSuffix(mac.map { String(format: "%02x", $0) }.joined()))
            #expect(got.body.contains("\"task_key\":\"hooked\""))
            // Nothing is sent twice.
            #expect(try await tick.run(now: testNow.addingTimeInterval(3600)).deliveriesSent == 0)
            let log = try await store.deliveries()
            #expect(log.count == 1 && log[0].status == .delivered && log[0].lastStatusCode == 200)
        }
    }

    @Test("a failing receiver gets retries with backoff, then the delivery is given up and logged")
    func retries() async throws {
        let receiver = try await WebhookReceiver.start(status: .internalServerError)
        defer { Task { await receiver.stop() } }
        try await withEarnedApp { app, fixture in
            let store = WebhookStore(db: app.db)
            _ = try await store.create(
                WebhookSubscriptionDraft(url: receiver.url, events: ["task.created"]), secret: "k",
                actor: fixture.owner,
                now: testNow)
            var report = Tick.Report()
            let tick = Tick(app: app)
            try await tick.create([task("retry", fixture: fixture)], now: testNow, report: &report)
            var now = testNow
            #expect(try await tick.run(now: now).deliveriesFailed == 1)
            var delivery = try #require(try await store.deliveries().first)
            #expect(delivery.status == .pending && delivery.attempts == 1 && delivery.lastStatusCode == 500)
            let firstRetry = try #require(delivery.nextAttemptAt)
            #expect(firstRetry >= now.addingTimeInterval(30) && firstRetry <= now.addingTimeInterval(33))
            // Not before its time.
            #expect(try await tick.run(now: now.addingTimeInterval(10)).deliveriesFailed == 0)
            // Each retry waits longer; after the last it is given up.
            var gaps: [TimeInterval] = []
            var rounds = 0
            while delivery.status == .pending, let next = delivery.nextAttemptAt, rounds < 20 {
                rounds += 1
                gaps.append(next.timeIntervalSince(now))
                // A second after it is due (a Date read back from the database may differ from
                // the one written in its last bit, and a real scheduler ticks later anyway).
                now = next + 1
                _ = try await tick.run(now: now)
                delivery = try #require(try await store.deliveries().first)
            }
            #expect(delivery.status == .failed)
            #expect(delivery.attempts == WebhookBackoff().maxAttempts)
            #expect(receiver.received.count == WebhookBackoff().maxAttempts)
            // Each wait is the schedule's delay for that try, stretched by at most 10 % of jitter.
            let delays = WebhookBackoff().delays
            for (index, gap) in gaps.enumerated() {
                let base = delays[min(index, delays.count - 1)]
                #expect(gap >= base - 0.01 && gap <= base * 1.1 + 0.01, "retry \(index + 1) waited \(gap) s")
            }
            // The receiver recovers: a new event is delivered.
            receiver.answer(.ok)
            try await tick.create([task("retry-2", fixture: fixture)], now: now, report: &report)
            #expect(try await tick.run(now: now).deliveriesSent == 1)
        }
    }

    @Test("webhook subscriptions: owner only, a bad URL or event refused with the field")
    func subscriptionRules() async throws {
        try await withEarnedApp { app, fixture in
            let store = WebhookStore(db: app.db)
            await #expect(throws: DomainError.self) {
                try await store.create(
                    WebhookSubscriptionDraft(url: "https://example.com/h", events: ["task.created"]), secret: "x",
                    actor: fixture.manager, now: testNow)
            }
            do {
                _ = try await store.create(
                    WebhookSubscriptionDraft(url: "ftp://x", events: ["nope"]), secret: "x", actor: fixture.owner,
                    now: testNow)
                Issue.record("accepted a bad subscription")
            } catch let error as DomainError {
                guard case .invalid(let fields) = error else { throw error }
                #expect(Set(fields.map(\.field)) == ["url", "events"])
            }
            #expect(try await app.count("webhook_subscriptions") == 0)
        }
    }
}
