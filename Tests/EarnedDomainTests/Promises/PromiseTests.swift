import Foundation
import Testing

@testable import EarnedDomain

@Suite("Promise: recording and changing")
struct PromiseTests {
    let now = PromiseFixture.now
    let hour = PromiseFixture.hour
    let day = PromiseFixture.day

    func draft(dueAt: Date? = PromiseFixture.now.addingTimeInterval(86_400)) -> PromiseDraft {
        PromiseDraft(
            customerID: PromiseFixture.customerID, kind: .repairReady, text: "  Phone repaired by Friday  ",
            ownerID: PromiseFixture.ownerID, locationID: PromiseFixture.locationID, dueAt: dueAt)
    }

    @Test("a valid draft becomes an open promise due where it was promised")
    func created() throws {
        let id = PromiseID()
        let link = Promise.Link.order(OrderID())
        var input = draft()
        input.link = link
        input.createdByID = PromiseFixture.otherOwnerID
        let promise = try input.validated(id: id, now: now)
        #expect(promise.id == id)
        #expect(promise.text == "Phone repaired by Friday")
        #expect(promise.kind == .repairReady)
        #expect(promise.originalDueAt == now.addingTimeInterval(day))
        #expect(promise.dueAt == promise.originalDueAt)
        #expect(promise.createdAt == now && promise.updatedAt == now)
        #expect(promise.createdByID == PromiseFixture.otherOwnerID)
        #expect(promise.link == link && link.kind == .order)
        #expect(promise.isOpen && promise.renegotiations.isEmpty && promise.reminderSentAt == nil)
    }

    @Test("kind defaults to other")
    func defaultKind() throws {
        var input = draft()
        input.kind = nil
        #expect(try input.validated(id: PromiseID(), now: now).kind == .other)
    }

    @Test("every missing field is reported at once")
    func missing() {
        let fields = PromiseFixture.invalidFields {
            _ = try PromiseDraft(text: "   ").validated(id: PromiseID(), now: now)
        }
        #expect(fields.map(Set.init) == ["customer_id", "owner_id", "text", "due_at"])
    }

    @Test("text is at most 500 characters", arguments: [(500, true), (501, false)])
    func textLength(_ length: Int, _ accepted: Bool) {
        var input = draft()
        input.text = String(repeating: "я", count: length)
        let fields = PromiseFixture.invalidFields { _ = try input.validated(id: PromiseID(), now: now) }
        #expect(fields == (accepted ? nil : ["text"]))
    }

    @Test(
        "the due time lies at most two years ahead and at most one day behind",
        arguments: [
            (-86_400.0, true), (-86_401.0, false), (-3600.0, true), (0.0, true), (731.0 * 86_400, true),
            (731.0 * 86_400 + 1, false),
        ])
    func dueRange(_ offset: TimeInterval, _ accepted: Bool) {
        let fields = PromiseFixture.invalidFields {
            _ = try draft(dueAt: now.addingTimeInterval(offset)).validated(id: PromiseID(), now: now)
        }
        #expect(fields == (accepted ? nil : ["due_at"]))
    }

    @Test("an edit keeps the due time and history, and refuses to move the due time")
    func edit() throws {
        var existing = try draft().validated(id: PromiseID(), now: now.addingTimeInterval(-3 * day))
        try existing.renegotiate(to: now.addingTimeInterval(2 * day), at: now.addingTimeInterval(-day), toldVia: .sms)
        let edited = try PromiseDraft(text: "Phone and case repaired", ownerID: PromiseFixture.otherOwnerID)
            .validated(id: existing.id, now: now, existing: existing)
        #expect(edited.text == "Phone and case repaired")
        #expect(edited.ownerID == PromiseFixture.otherOwnerID)
        #expect(edited.kind == .repairReady && edited.customerID == existing.customerID)
        #expect(edited.dueAt == existing.dueAt && edited.renegotiations == existing.renegotiations)
        #expect(edited.createdAt == existing.createdAt && edited.updatedAt == now)
        // A due time long past is fine on an edit: it is not being set.
        let moved = PromiseFixture.invalidFields {
            _ = try PromiseDraft(dueAt: now.addingTimeInterval(5 * day)).validated(
                id: existing.id, now: now, existing: existing)
        }
        #expect(moved == ["due_at"])
    }

    @Test("kinds and link kinds are stored as snake_case strings")
    func rawValues() throws {
        #expect(Promise.Kind.repairReady.rawValue == "repair_ready")
        #expect(Promise.Link.Kind.serviceCase.rawValue == "service_case")
        let promise = PromiseFixture.promise(kind: .repairReady)
        let json = String(decoding: try JSONEncoder().encode(promise), as: UTF8.self)
        #expect(json.contains("\"repair_ready\""))
        #expect(try JSONDecoder().decode(Promise.self, from: Data(json.utf8)) == promise)
    }

    @Test("keeping records the time and closes the promise")
    func keep() throws {
        var promise = PromiseFixture.promise()
        try promise.keep(at: now)
        #expect(promise.keptAt == now && promise.updatedAt == now && !promise.isOpen)
        #expect(PromiseFixture.isConflict { try promise.keep(at: now) })
        #expect(PromiseFixture.isConflict { try promise.markBroken(at: now) })
        #expect(PromiseFixture.isConflict { try promise.renegotiate(to: now + day, at: now, toldVia: .phone) })
    }

    @Test("a keep more than a day before the promise was recorded is refused")
    func keepTooEarly() {
        var promise = PromiseFixture.promise(createdHoursBefore: 1)
        let fields = PromiseFixture.invalidFields { try promise.keep(at: now - 26 * hour) }
        #expect(fields == ["kept_at"])
        #expect(promise.isOpen)
    }

    @Test("marking broken records the time and the trimmed reason, and closes the promise")
    func broken() throws {
        var promise = PromiseFixture.promise()
        try promise.markBroken(at: now, reason: "  supplier never shipped ")
        #expect(promise.brokenAt == now && promise.brokenReason == "supplier never shipped")
        #expect(!promise.isOpen)
        #expect(PromiseFixture.isConflict { try promise.keep(at: now) })
        #expect(PromiseFixture.isConflict { try promise.markBroken(at: now) })
    }

    @Test("a broken reason longer than 500 characters is refused and nothing changes")
    func brokenReasonTooLong() {
        var promise = PromiseFixture.promise()
        let fields = PromiseFixture.invalidFields {
            try promise.markBroken(at: now, reason: String(repeating: "x", count: 501))
        }
        #expect(fields == ["broken_reason"])
        #expect(promise.isOpen && promise.brokenReason == nil)
    }

    @Test("renegotiating moves the working due time and records the move")
    func renegotiate() throws {
        var promise = PromiseFixture.promise(dueInHours: 24)
        promise.markReminderSent(at: now)
        let original = promise.dueAt
        try promise.renegotiate(to: now + 3 * day, at: now + hour, toldVia: .messenger, note: " new parts ")
        #expect(promise.dueAt == now + 3 * day)
        #expect(promise.originalDueAt == original)
        #expect(
            promise.renegotiations == [
                Promise.Renegotiation(
                    at: now + hour, fromDueAt: original, toDueAt: now + 3 * day, customerToldVia: .messenger,
                    note: "new parts")
            ])
        #expect(promise.reminderSentAt == nil)
        #expect(promise.updatedAt == now + hour)
        try promise.renegotiate(to: now + 4 * day, at: now + 2 * hour, toldVia: nil)
        #expect(promise.renegotiations.map(\.fromDueAt) == [original, now + 3 * day])
        #expect(promise.renegotiations.last?.customerWasTold == false)
    }

    @Test(
        "a renegotiation must move the due time to after it, by at most two years",
        arguments: [
            (0.0, ["due_at"]), (-3600.0, ["due_at"]), (1.0, []), (731.0 * 86_400, []), (731.0 * 86_400 + 1, ["due_at"]),
        ])
    func renegotiateTarget(_ offset: TimeInterval, _ expected: [String]) {
        var promise = PromiseFixture.promise(dueInHours: 24)
        let fields = PromiseFixture.invalidFields {
            try promise.renegotiate(to: now + offset, at: now, toldVia: .phone)
        }
        #expect(fields == (expected.isEmpty ? nil : expected))
        #expect(promise.renegotiations.count == (expected.isEmpty ? 1 : 0))
    }

    @Test("a renegotiation to the same due time, out of order, or with a long note reports every field")
    func renegotiateProblems() throws {
        var promise = PromiseFixture.promise(dueInHours: 24)
        try promise.renegotiate(to: now + 2 * day, at: now, toldVia: .phone)
        let fields = PromiseFixture.invalidFields {
            try promise.renegotiate(
                to: now + 2 * day, at: now - hour, toldVia: .phone, note: String(repeating: "x", count: 501))
        }
        #expect(fields == ["due_at", "renegotiated_at", "note"])
        #expect(promise.renegotiations.count == 1)
    }

    @Test("a renegotiation long before the promise was recorded is refused")
    func renegotiateBeforeCreation() {
        var promise = PromiseFixture.promise(dueInHours: 24, createdHoursBefore: 1)
        let fields = PromiseFixture.invalidFields {
            try promise.renegotiate(to: now, at: now - 30 * hour, toldVia: .sms)
        }
        #expect(fields == ["renegotiated_at"])
    }

    @Test("a broken promise cannot be renegotiated")
    func renegotiateBroken() throws {
        var promise = PromiseFixture.promise()
        try promise.markBroken(at: now)
        #expect(PromiseFixture.isConflict { try promise.renegotiate(to: now + day, at: now, toldVia: .phone) })
        #expect(promise.renegotiations.isEmpty)
    }
}
