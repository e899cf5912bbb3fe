import EarnedDomain
import EarnedServices
import EarnedStore
import EarnedTestSupport
import FluentKit
import Foundation
import Logging
import Testing

/// The reply targets of a chain's whole backlog are kept, not those of the first page of it: a
/// pass once read the 1,000 oldest open contacts only, so a new call at a shop with an old
/// backlog never got its escalation. And a second pass with nothing new writes nothing.
@Suite("Scheduler: reply targets of every open contact, however many")
struct ReplyTargetsBacklogTests {
    @Test("the newest of 1,202 open contacts is escalated, and a second pass makes and queues nothing")
    func backlog() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let contacts = ContactRepository(db: db)
            // Calls ten days old and more, never answered: all long past their targets.
            let old = (0..<1201).map { i in
                InboundContactDraft(
                    channel: .call, locationID: f.north.id, receivedAt: testNow - 10 * 86_400 - Double(i) * 60,
                    subject: "Звонок \(i)")
            }
            _ = try await contacts.importContacts(old, actor: f.owner, now: testNow - 10 * 86_400)
            // A call two hours ago, in open hours (10:46 in Moscow): its first reply was due at 11:16.
            let newest = try await contacts.create(
                InboundContactDraft(
                    channel: .call, locationID: f.north.id, receivedAt: testNow - 2 * 3600, subject: "Новый звонок"),
                actor: f.owner, now: testNow - 2 * 3600)
            // A gateway that wants to hear of every breach.
            _ = try await WebhookStore(db: db).create(
                WebhookSubscriptionDraft(url: "https://hooks.example.com/earned", events: ["target.breached"]),
                secret: "s", actor: f.owner, now: testNow - 86_400)
            let tick = Tick(
                db: db, transport: IncrementalTickTests.NoWebhooks(), logger: Logger(label: "test"),
                linkBase: "http://localhost")
            let setting = try await Tick.Setting.load(db)
            var first = Tick.Report()
            let read = try await tick.replyTargets(now: testNow, setting, report: &first)
            #expect(read == 1202)
            let key =
                "reply-escalation:contact:\(newest.id.rawValue.uuidString.lowercased()):first_response:"
                + "\(f.northManager.id)"
            #expect(try await TaskRepository(db: db).withKey(key) != nil)
            #expect(first.tasksCreated >= 1202)
            // A breach of the first reply and of the resolution of each: every one queued once.
            #expect(first.eventsQueued >= 1202)
            var second = Tick.Report()
            _ = try await tick.replyTargets(now: testNow + 60, setting, report: &second)
            #expect(second.tasksCreated == 0 && second.eventsQueued == 0)
        }
    }
}
