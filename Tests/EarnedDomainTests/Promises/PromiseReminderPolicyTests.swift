import Foundation
import Testing

@testable import EarnedDomain

@Suite("Promise reminders")
struct PromiseReminderPolicyTests {
    let now = PromiseFixture.now
    let hour = PromiseFixture.hour

    static let defaultLeads: [(Promise.Kind, TimeInterval)] = [
        (.delivery, 86_400), (.callback, 900), (.meeting, 7200), (.quote, 14_400), (.repairReady, 86_400),
        (.other, 3600),
    ]

    @Test("default lead times per kind", arguments: defaultLeads)
    func defaults(_ kind: Promise.Kind, _ lead: TimeInterval) {
        let policy = PromiseReminderPolicy()
        #expect(policy.leadTime(for: kind) == lead)
        let promise = PromiseFixture.promise(kind: kind, dueInHours: 48, createdHoursBefore: 1)
        #expect(policy.reminderAt(for: promise) == promise.dueAt.addingTimeInterval(-lead))
    }

    @Test("an override replaces one kind's lead time and leaves the others")
    func override() {
        let policy = PromiseReminderPolicy(overrideMinutes: [.callback: 5, .delivery: 0])
        #expect(policy.leadTime(for: .callback) == 300)
        #expect(policy.leadTime(for: .delivery) == 0)
        #expect(policy.leadTime(for: .meeting) == 2 * hour)
    }

    @Test("overrides are stored keyed by the kind's raw value")
    func codable() throws {
        let policy = PromiseReminderPolicy(overrideMinutes: [.repairReady: 90])
        let json = String(decoding: try JSONEncoder().encode(policy), as: UTF8.self)
        #expect(json == #"{"overrideMinutes":{"repair_ready":90}}"#)
        #expect(try JSONDecoder().decode(PromiseReminderPolicy.self, from: Data(json.utf8)) == policy)
    }

    @Test("a reminder is never earlier than the promise was recorded")
    func clampedToCreation() {
        // A delivery due in 3 hours: the 24-hour lead time reaches back before the promise existed.
        let promise = PromiseFixture.promise(kind: .delivery, dueInHours: 3, createdHoursBefore: 1)
        #expect(PromiseReminderPolicy().reminderAt(for: promise) == promise.createdAt)
        #expect(PromiseReminderPolicy().needsReminder(promise, at: promise.createdAt))
    }

    @Test("the reminder follows the working due time after a renegotiation")
    func followsRenegotiation() throws {
        var promise = PromiseFixture.promise(kind: .meeting, dueInHours: 1, createdHoursBefore: 48)
        try promise.renegotiate(to: now + 10 * hour, at: now, toldVia: nil)
        #expect(PromiseReminderPolicy().reminderAt(for: promise) == now + 8 * hour)
    }

    @Test("needs a reminder once the reminder time is reached, only while open and not yet sent")
    func needsReminder() throws {
        let policy = PromiseReminderPolicy()
        let promise = PromiseFixture.promise(kind: .quote, dueInHours: 10, createdHoursBefore: 1)
        let remindAt = now + 6 * hour
        #expect(!policy.needsReminder(promise, at: remindAt - 1))
        #expect(policy.needsReminder(promise, at: remindAt))
        #expect(policy.needsReminder(promise, at: now + 20 * hour), "an overdue open promise still needs one")

        var sent = promise
        sent.markReminderSent(at: remindAt)
        #expect(!policy.needsReminder(sent, at: remindAt + hour))

        var kept = promise
        try kept.keep(at: now)
        #expect(!policy.needsReminder(kept, at: remindAt))

        var broken = promise
        try broken.markBroken(at: now)
        #expect(!policy.needsReminder(broken, at: remindAt))
    }

    @Test("a renegotiation makes a sent reminder due again for the new time")
    func remindAgain() throws {
        let policy = PromiseReminderPolicy()
        var promise = PromiseFixture.promise(kind: .callback, dueInHours: 1, createdHoursBefore: 1)
        promise.markReminderSent(at: now + 45 * 60)
        try promise.renegotiate(to: now + 5 * hour, at: now + 50 * 60, toldVia: .phone)
        #expect(!policy.needsReminder(promise, at: now + 4 * hour))
        #expect(policy.needsReminder(promise, at: now + 5 * hour - 15 * 60))
    }

    @Test(
        "overrides must lie between 0 and 30 days",
        arguments: [(-1, false), (0, true), (43_200, true), (43_201, false)])
    func validation(_ minutes: Int, _ accepted: Bool) {
        let policy = PromiseReminderPolicy(overrideMinutes: [.quote: minutes, .meeting: 30])
        let fields = PromiseFixture.invalidFields { _ = try policy.validated() }
        #expect(fields == (accepted ? nil : ["lead_minutes.quote"]))
    }
}
