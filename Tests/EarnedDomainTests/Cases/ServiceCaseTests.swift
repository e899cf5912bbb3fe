import Foundation
import Testing

@testable import EarnedDomain

@Suite("Service case rules")
struct ServiceCaseTests {
    typealias C = CaseFixture
    typealias F = ClockFixture

    @Test("the owner stays accountable however often the work is handed off")
    func handOffKeepsOwner() throws {
        var serviceCase = C.open()
        try serviceCase.handOff(toDepartment: "Workshop", staff: C.technician, by: C.owner, at: C.at(hours: 1))
        try serviceCase.handOff(toDepartment: "Warehouse", staff: nil, by: C.technician, at: C.at(hours: 2))
        try serviceCase.handOff(toDepartment: nil, staff: C.colleague, by: C.technician, at: C.at(hours: 3))
        #expect(serviceCase.ownerID == C.owner)
        #expect(serviceCase.holder == ServiceCase.Holder(department: nil, staffID: C.colleague))
        #expect(serviceCase.openingHolder == ServiceCase.Holder(department: "Service", staffID: C.owner))
        #expect(
            serviceCase.events.map(\.kind) == [
                .opened, .handedOff(department: "Workshop", staffID: C.technician),
                .handedOff(department: "Warehouse", staffID: nil), .handedOff(department: nil, staffID: C.colleague),
            ])
        #expect(serviceCase.events.last?.byID == C.technician)
    }

    @Test("a handoff needs somebody new to hand to")
    func handOffNeedsAHolder() throws {
        var serviceCase = C.open()
        let nobody = F.error {
            try serviceCase.handOff(toDepartment: "  ", staff: nil, by: C.owner, at: C.at(hours: 1))
        }
        #expect(nobody?.refusedFields == ["holder"])
        let same = F.error {
            try serviceCase.handOff(toDepartment: "Service", staff: C.owner, by: C.owner, at: C.at(hours: 1))
        }
        #expect(same?.refusedFields == ["holder"])
        #expect(serviceCase.events.count == 1)
    }

    @Test("ownership moves only to another person and only with a reason")
    func transferNeedsReason() throws {
        var serviceCase = C.open()
        try serviceCase.handOff(toDepartment: "Workshop", staff: C.technician, by: C.owner, at: C.at(hours: 1))
        let noReason = F.error {
            try serviceCase.transferOwnership(to: C.colleague, reason: " \n", by: C.owner, at: C.at(hours: 2))
        }
        #expect(noReason?.refusedFields == ["reason"])
        let toSelf = F.error {
            try serviceCase.transferOwnership(to: C.owner, reason: "", by: C.owner, at: C.at(hours: 2))
        }
        #expect(toSelf?.refusedFields == ["reason", "owner_id"])
        #expect(serviceCase.ownerID == C.owner)

        try serviceCase.transferOwnership(
            to: C.colleague, reason: "Owner on leave for two weeks", by: C.owner, at: C.at(hours: 2))
        #expect(serviceCase.ownerID == C.colleague)
        #expect(serviceCase.holder == ServiceCase.Holder(department: "Workshop", staffID: C.technician))
        #expect(
            serviceCase.events.last?.kind
                == .transferred(fromOwner: C.owner, toOwner: C.colleague, reason: "Owner on leave for two weeks"))
    }

    @Test("the first response is kept once set")
    func firstResponseOnce() throws {
        var serviceCase = C.open()
        try serviceCase.respond(at: C.at(hours: 1), by: C.owner)
        try serviceCase.respond(at: C.at(hours: 2), by: C.owner)
        #expect(serviceCase.firstResponseAt == C.at(hours: 1))
        #expect(serviceCase.events.filter { $0.kind == .responded }.count == 2)
    }

    @Test("reopening is only for a case that was resolved; it clears the resolution and counts")
    func reopenOnlyAfterResolve() throws {
        var serviceCase = C.open()
        #expect(F.error { try serviceCase.reopen(reason: "Still leaks", at: C.at(hours: 1)) }?.isConflict == true)
        try serviceCase.startWaiting(at: C.at(hours: 1))
        #expect(F.error { try serviceCase.reopen(reason: "Still leaks", at: C.at(hours: 2)) }?.isConflict == true)
        #expect(F.error { try serviceCase.confirm(at: C.at(hours: 2)) }?.isConflict == true)

        try serviceCase.resolve(at: C.at(hours: 2), by: C.owner)
        #expect(serviceCase.status == .resolved)
        #expect(serviceCase.resolvedAt == C.at(hours: 2))
        #expect(F.error { try serviceCase.reopen(reason: "", at: C.at(hours: 3)) }?.refusedFields == ["reason"])
        try serviceCase.reopen(reason: "Still leaks", at: C.at(hours: 3))
        #expect(serviceCase.status == .open)
        #expect(serviceCase.reopenCount == 1)
        #expect(serviceCase.resolvedAt == nil)

        try serviceCase.resolve(at: C.at(hours: 4))
        try serviceCase.confirm(at: C.at(hours: 5))
        #expect(serviceCase.status == .closed)
        #expect(serviceCase.confirmedAt == C.at(hours: 5))
        try serviceCase.reopen(reason: "Leaks again a month later", at: C.at(hours: 6), by: C.colleague)
        #expect(serviceCase.reopenCount == 2)
        #expect(serviceCase.confirmedAt == nil)
        #expect(serviceCase.resolvedAt == nil)
        #expect(serviceCase.events.last?.kind == .reopened(reason: "Leaks again a month later"))
    }

    @Test("waiting on the customer starts only when open and ends only when waiting")
    func waitingStates() throws {
        var serviceCase = C.open()
        #expect(F.error { try serviceCase.endWaiting(at: C.at(hours: 1)) }?.isConflict == true)
        try serviceCase.startWaiting(at: C.at(hours: 1))
        #expect(serviceCase.status == .waitingOnCustomer)
        #expect(F.error { try serviceCase.startWaiting(at: C.at(hours: 2)) }?.isConflict == true)
        try serviceCase.endWaiting(at: C.at(hours: 2))
        #expect(serviceCase.status == .open)
    }

    @Test("resolving while waiting ends the wait, and resolving counts as the first response")
    func resolveWhileWaiting() throws {
        var serviceCase = C.open()
        try serviceCase.startWaiting(at: C.at(hours: 1))
        try serviceCase.resolve(at: C.at(hours: 3))
        #expect(serviceCase.firstResponseAt == C.at(hours: 3))
        #expect(
            serviceCase.waitingIntervals(until: C.at(hours: 10)) == [
                DateInterval(start: C.at(hours: 1), end: C.at(hours: 3))
            ])
        #expect(F.error { try serviceCase.resolve(at: C.at(hours: 4)) }?.isConflict == true)
    }

    @Test("corrective actions add up per currency and stop once the case is closed")
    func actions() throws {
        var serviceCase = C.open()
        try serviceCase.addAction(C.action(.replace, cost: 1_250_000, at: C.at(hours: 1)))
        try serviceCase.addAction(C.action(.apologise, at: C.at(hours: 1)))
        try serviceCase.addAction(C.action(.refund, cost: 5_000, currency: "EUR", at: C.at(hours: 2)))
        let bad = F.error { try serviceCase.addAction(C.action(cost: -1, currency: "rub", at: C.at(hours: 3))) }
        #expect(bad?.refusedFields == ["cost_minor_units", "currency"])
        #expect(serviceCase.actions.count == 3)
        #expect(
            serviceCase.totalCost == [
                Money(minorUnits: 5_000, currency: "EUR"), Money(minorUnits: 1_250_000, currency: "RUB"),
            ])
        #expect(serviceCase.totalCost(in: "RUB") == 1_250_000)
        #expect(serviceCase.events.filter { if case .action = $0.kind { true } else { false } }.count == 3)

        try serviceCase.resolve(at: C.at(hours: 4))
        try serviceCase.confirm(at: C.at(hours: 5))
        let closed = F.error { try serviceCase.addAction(C.action(.explain, at: C.at(hours: 6))) }
        #expect(closed?.isConflict == true)
        #expect(
            F.error { try serviceCase.handOff(toDepartment: "X", staff: nil, by: C.owner, at: C.at(hours: 6)) }?
                .isConflict == true)
        #expect(
            F.error {
                try serviceCase.transferOwnership(to: C.colleague, reason: "r", by: C.owner, at: C.at(hours: 6))
            }?.isConflict == true)
        // Notes are welcome in any status.
        try serviceCase.addNote("Customer sent a thank-you card", by: C.owner, at: C.at(hours: 7))
        #expect(serviceCase.events.last?.kind == .note(text: "Customer sent a thank-you card"))
    }

    @Test("the history stays in time order")
    func eventsInOrder() throws {
        var serviceCase = C.open()
        try serviceCase.respond(at: C.at(hours: 2))
        #expect(F.error { try serviceCase.startWaiting(at: C.at(hours: 1)) }?.refusedFields == ["at"])
        #expect(F.error { try serviceCase.addAction(C.action(at: C.at(hours: 1))) }?.refusedFields == ["at"])
        #expect(serviceCase.status == .open)
        #expect(serviceCase.updatedAt == C.at(hours: 2))
    }

    @Test("a case with every kind of event survives a JSON round trip")
    func codable() throws {
        var serviceCase = C.open()
        try serviceCase.handOff(toDepartment: "Workshop", staff: C.technician, by: C.owner, at: C.at(hours: 1))
        try serviceCase.transferOwnership(to: C.colleague, reason: "Leave", by: C.owner, at: C.at(hours: 1))
        try serviceCase.addAction(C.action(.repair, cost: 300, at: C.at(hours: 1)))
        try serviceCase.respond(at: C.at(hours: 1))
        try serviceCase.startWaiting(at: C.at(hours: 2))
        try serviceCase.endWaiting(at: C.at(hours: 3))
        try serviceCase.resolve(at: C.at(hours: 4))
        try serviceCase.confirm(at: C.at(hours: 5))
        try serviceCase.reopen(reason: "No", at: C.at(hours: 6))
        try serviceCase.addNote("n", by: nil, at: C.at(hours: 6))
        let data = try JSONEncoder().encode(serviceCase)
        #expect(try JSONDecoder().decode(ServiceCase.self, from: data) == serviceCase)
    }
}
