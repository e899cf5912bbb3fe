import Foundation
import Testing

@testable import EarnedDomain

@Suite("Inbound contacts")
struct InboundContactTests {
    typealias F = ClockFixture
    let now = ClockFixture.utc("2026-03-10T12:00:00Z")

    var draft: InboundContactDraft {
        InboundContactDraft(
            channel: .messenger, locationID: F.location, receivedAt: now.addingTimeInterval(-F.hour),
            subject: "  Can I change the size?  ", fromAddress: "@anna")
    }

    @Test("a good draft becomes a new contact")
    func create() throws {
        let contact = try draft.validated(id: ContactID(), now: now)
        #expect(contact.subject == "Can I change the size?")
        #expect(contact.priority == .normal)
        #expect(contact.status == .new)
        #expect(contact.createdAt == now)
    }

    @Test("every bad field is reported at once")
    func allBadFields() {
        let bad = InboundContactDraft(
            receivedAt: now.addingTimeInterval(6 * F.minute), subject: " ", body: String(repeating: "x", count: 4001),
            firstResponseAt: now.addingTimeInterval(-F.hour))
        let error = F.error { _ = try bad.validated(id: ContactID(), now: now) }
        #expect(
            error?.refusedFields == ["channel", "location_id", "subject", "body", "received_at", "first_response_at"])
    }

    @Test(
        "the received time may run five minutes ahead of the server's clock, not more",
        arguments: [(4.0, true), (5.0, true), (5.5, false), (60.0, false)])
    func futureTolerance(_ minutesAhead: Double, _ accepted: Bool) {
        var draft = draft
        draft.receivedAt = now.addingTimeInterval(minutesAhead * F.minute)
        let error = F.error { _ = try draft.validated(id: ContactID(), now: now) }
        #expect((error == nil) == accepted)
        if !accepted { #expect(error?.refusedFields == ["received_at"]) }
    }

    @Test("a first response after the resolution is refused")
    func responseAfterResolution() {
        var draft = draft
        draft.firstResponseAt = now
        draft.resolvedAt = now.addingTimeInterval(-F.minute)
        #expect(F.error { _ = try draft.validated(id: ContactID(), now: now) }?.refusedFields == ["first_response_at"])
    }

    @Test("a resolution without a recorded reply counts as the first response")
    func resolutionIsAResponse() throws {
        var draft = draft
        draft.resolvedAt = now
        let contact = try draft.validated(id: ContactID(), now: now)
        #expect(contact.firstResponseAt == now)
        #expect(contact.status == .resolved)
    }

    @Test("an edit keeps what it does not name")
    func edit() throws {
        let contact = try draft.validated(id: ContactID(), now: now)
        let later = now.addingTimeInterval(F.hour)
        let edited = try InboundContactDraft(priority: .high).validated(id: contact.id, now: later, existing: contact)
        #expect(edited.priority == .high)
        #expect(edited.subject == contact.subject)
        #expect(edited.createdAt == now)
        #expect(edited.updatedAt == later)
    }

    @Test("replies, waits and resolution follow the contact's state")
    func transitions() throws {
        var contact = F.contact(received: now)
        let t = { (minutes: Double) in now.addingTimeInterval(minutes * F.minute) }
        #expect(F.error { try contact.respond(at: t(-1)) }?.refusedFields == ["at"])
        #expect(F.error { try contact.endWaiting(at: t(1)) }?.isConflict == true)
        try contact.respond(at: t(10))
        try contact.respond(at: t(20))
        #expect(contact.firstResponseAt == t(10))
        #expect(contact.status == .inProgress)
        try contact.startWaiting(at: t(30))
        #expect(contact.status == .waitingOnCustomer)
        #expect(F.error { try contact.startWaiting(at: t(31)) }?.isConflict == true)
        #expect(contact.pauses(until: t(40)) == [DateInterval(start: t(30), end: t(40))])
        try contact.resolve(at: t(50))
        #expect(contact.waiting == [DateInterval(start: t(30), end: t(50))])
        #expect(contact.waitingSince == nil)
        #expect(contact.status == .resolved)
        #expect(F.error { try contact.resolve(at: t(51)) }?.isConflict == true)
        #expect(F.error { try contact.assign(to: StaffID(), at: t(51)) }?.isConflict == true)
        #expect(F.error { try contact.startWaiting(at: t(51)) }?.isConflict == true)
        try contact.reopen(at: t(60))
        #expect(contact.resolvedAt == nil)
        #expect(contact.firstResponseAt == t(10))
        #expect(F.error { try contact.reopen(at: t(61)) }?.isConflict == true)
        let owner = StaffID()
        try contact.assign(to: owner, at: t(62))
        #expect(contact.ownerID == owner)
        #expect(contact.updatedAt == t(62))
    }

    @Test("a new wait cannot start before the last one ended")
    func waitsInOrder() throws {
        var contact = F.contact(received: now)
        try contact.startWaiting(at: now.addingTimeInterval(F.hour))
        try contact.endWaiting(at: now.addingTimeInterval(2 * F.hour))
        let error = F.error { try contact.startWaiting(at: now.addingTimeInterval(1.5 * F.hour)) }
        #expect(error?.refusedFields == ["at"])
    }

    @Test("a contact survives a JSON round trip")
    func codable() throws {
        var contact = try draft.validated(id: ContactID(), now: now)
        try contact.startWaiting(at: now)
        let data = try JSONEncoder().encode(contact)
        #expect(try JSONDecoder().decode(InboundContact.self, from: data) == contact)
    }
}
