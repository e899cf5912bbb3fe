import Foundation
import Testing

@testable import EarnedDomain

@Suite("Service case drafts")
struct ServiceCaseDraftTests {
    typealias C = CaseFixture
    typealias F = ClockFixture

    @Test("a new case is open, owned, held and has its opening in the history")
    func create() {
        let serviceCase = C.open()
        #expect(serviceCase.status == .open)
        #expect(serviceCase.ownerID == C.owner)
        #expect(serviceCase.holder == ServiceCase.Holder(department: "Service", staffID: C.owner))
        #expect(serviceCase.openingHolder == serviceCase.holder)
        #expect(serviceCase.events == [CaseEvent(at: C.opened, byID: C.colleague, kind: .opened)])
        #expect(serviceCase.reopenCount == 0)
        #expect(!serviceCase.acceptedOnCustomersWord)
    }

    @Test("every bad field is reported at once")
    func allBadFields() {
        let draft = ServiceCaseDraft(
            title: String(repeating: "t", count: 201), detail: String(repeating: "d", count: 4001),
            department: String(repeating: "x", count: 81), openedAt: C.opened.addingTimeInterval(10 * 60))
        let error = F.error { _ = try draft.validated(id: CaseID(), now: C.opened) }
        #expect(
            error?.refusedFields == [
                "customer_id", "title", "detail", "department", "owner_id", "opened_by_id", "opened_at",
            ])
    }

    @Test("a title is required")
    func titleRequired() {
        let draft = ServiceCaseDraft(customerID: C.customer, title: "   ", ownerID: C.owner, openedByID: C.owner)
        #expect(F.error { _ = try draft.validated(id: CaseID(), now: C.opened) }?.refusedFields == ["title"])
    }

    @Test("an edit changes the description but never the owner or the holder")
    func edit() throws {
        var serviceCase = C.open()
        try serviceCase.handOff(toDepartment: "Workshop", staff: nil, by: C.owner, at: C.at(hours: 1))
        let later = C.at(hours: 2)
        let edited = try ServiceCaseDraft(title: "Leaks and rattles", priority: .high, acceptedOnCustomersWord: true)
            .validated(id: serviceCase.id, now: later, existing: serviceCase)
        #expect(edited.title == "Leaks and rattles")
        #expect(edited.priority == .high)
        #expect(edited.acceptedOnCustomersWord)
        #expect(edited.detail == serviceCase.detail)
        #expect(edited.events == serviceCase.events)
        #expect(edited.holder == serviceCase.holder)
        #expect(edited.updatedAt == later)

        let takeover = ServiceCaseDraft(ownerID: C.colleague, department: "Sales")
        let error = F.error { _ = try takeover.validated(id: serviceCase.id, now: later, existing: serviceCase) }
        #expect(error?.refusedFields == ["owner_id", "holder"])
    }
}
