import Foundation
import Testing

@testable import EarnedDomain

@Suite("Service case time")
struct ServiceCaseTimeTests {
    typealias C = CaseFixture
    let hour: TimeInterval = 3600

    /// Service 09–10, Workshop 10–13, nobody's department 13–14, Service again from 14.
    func travelled() throws -> ServiceCase {
        var serviceCase = C.open()
        try serviceCase.handOff(toDepartment: "Workshop", staff: C.technician, by: C.owner, at: C.at(hours: 1))
        try serviceCase.transferOwnership(to: C.colleague, reason: "Shift ended", by: C.owner, at: C.at(hours: 2))
        try serviceCase.handOff(toDepartment: nil, staff: C.colleague, by: C.technician, at: C.at(hours: 4))
        try serviceCase.handOff(toDepartment: "Service", staff: C.owner, by: C.colleague, at: C.at(hours: 5))
        return serviceCase
    }

    @Test("time per department comes from the handoffs, the start going to the opening department")
    func byDepartment() throws {
        let serviceCase = try travelled()
        let times = serviceCase.timeByDepartment(until: C.at(hours: 7))
        #expect(times == ["Service": 3 * hour, "Workshop": 3 * hour, ServiceCase.noDepartment: hour])

        var handedOnce = C.open()
        try handedOnce.handOff(toDepartment: "Workshop", staff: nil, by: C.owner, at: C.at(hours: 2))
        #expect(handedOnce.timeByDepartment(until: C.at(hours: 5)) == ["Service": 2 * hour, "Workshop": 3 * hour])
    }

    @Test("department time adds up to the case's open time", arguments: [0.0, 0.5, 1, 3.5, 5, 7, 100])
    func addsUp(_ hours: Double) throws {
        let now = C.at(hours: hours)
        let serviceCase = try travelled()
        let total = serviceCase.timeByDepartment(until: now).values.reduce(0, +)
        #expect(total == serviceCase.age(until: now))
        #expect(total == hours * hour)
    }

    @Test("a closed case stops counting at the confirmation, and counts again once reopened")
    func closedCaseStops() throws {
        var serviceCase = try travelled()
        try serviceCase.resolve(at: C.at(hours: 6))
        try serviceCase.confirm(at: C.at(hours: 8))
        let later = C.at(hours: 48)
        #expect(serviceCase.age(until: later) == 8 * hour)
        #expect(serviceCase.timeByDepartment(until: later).values.reduce(0, +) == 8 * hour)
        #expect(serviceCase.timeByDepartment(until: later)["Service"] == 4 * hour)

        try serviceCase.reopen(reason: "Not fixed", at: C.at(hours: 24))
        #expect(serviceCase.age(until: later) == 48 * hour)
        #expect(serviceCase.timeByDepartment(until: later)["Service"] == 44 * hour)
    }

    @Test("waiting stretches come from the events; one still running ends at the instant asked about")
    func waitingIntervals() throws {
        var serviceCase = C.open()
        try serviceCase.startWaiting(at: C.at(hours: 1))
        try serviceCase.endWaiting(at: C.at(hours: 2))
        try serviceCase.startWaiting(at: C.at(hours: 3))
        try serviceCase.resolve(at: C.at(hours: 4))
        try serviceCase.reopen(reason: "Again", at: C.at(hours: 5))
        try serviceCase.startWaiting(at: C.at(hours: 6))
        let interval = { (from: Double, to: Double) in DateInterval(start: C.at(hours: from), end: C.at(hours: to)) }
        #expect(
            serviceCase.waitingIntervals(until: C.at(hours: 8)) == [interval(1, 2), interval(3, 4), interval(6, 8)])
        // Asked about an earlier instant, the stretches are cut there.
        #expect(serviceCase.waitingIntervals(until: C.at(hours: 3.5)) == [interval(1, 2), interval(3, 3.5)])
    }
}
