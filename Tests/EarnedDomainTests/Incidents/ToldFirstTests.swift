import Foundation
import Testing

@testable import EarnedDomain

@Suite("Told first")
struct ToldFirstTests {
    let foundAt = OutreachFixture.now

    func at(_ minutes: Int?) -> Date? { minutes.map { foundAt.addingTimeInterval(Double($0) * 60) } }

    @Test(
        "every branch, in minutes after the incident was found",
        arguments: [
            (Int?.none, Int?.none, ToldFirst.pending),
            (30, nil, .toldFirst),
            (nil, 45, .theyContactedFirst),
            (30, 45, .toldFirst),
            (45, 45, .theyContactedFirst),  // the same instant goes to the customer
            (60, 45, .theyContactedFirst),
            (nil, 0, .theyContactedFirst),  // an inbound contact at the moment of finding counts
            (nil, -1, .pending),  // before the business knew: not a reaction to the incident
            (30, -1, .toldFirst),
            (0, 0, .theyContactedFirst),
        ])
    func classify(_ told: Int?, _ inbound: Int?, _ expected: ToldFirst) {
        #expect(ToldFirst.classify(foundAt: foundAt, toldAt: at(told), firstInboundAt: at(inbound)) == expected)
        let result = OutreachResult(customerID: CustomerID(), toldAt: at(told), firstInboundAt: at(inbound))
        #expect(result.classification(foundAt: foundAt) == expected)
    }

    @Test("equal instants to the second and below")
    func equalInstants() {
        let instant = foundAt.addingTimeInterval(600.25)
        #expect(ToldFirst.classify(foundAt: foundAt, toldAt: instant, firstInboundAt: instant) == .theyContactedFirst)
        #expect(
            ToldFirst.classify(foundAt: foundAt, toldAt: instant.addingTimeInterval(-0.001), firstInboundAt: instant)
                == .toldFirst)
    }

    @Test("the figure counts every affected customer once")
    func figure() throws {
        let ids = (0..<6).map { _ in CustomerID() }
        let results = [
            OutreachResult(customerID: ids[0], toldAt: at(10)),
            OutreachResult(customerID: ids[1], toldAt: at(10), firstInboundAt: at(20)),
            OutreachResult(customerID: ids[2], toldAt: at(30), firstInboundAt: at(20)),
            OutreachResult(customerID: ids[3], firstInboundAt: at(-60)),
            // ids[4] has no result yet; ids[5] has two that merge into "told at 10, called at 5".
            OutreachResult(customerID: ids[5], toldAt: at(50)),
            OutreachResult(customerID: ids[5], toldAt: at(10), firstInboundAt: at(5)),
            OutreachResult(customerID: CustomerID(), toldAt: at(1)),  // not affected: ignored
        ]
        let figure = IncidentFigure(foundAt: foundAt, affected: ids + [ids[0]], results: results)
        #expect(figure == IncidentFigure(affected: 6, toldFirst: 2, theyContactedFirst: 2, pending: 2))
        #expect(figure.decided == 4)
        #expect(try #require(figure.toldFirstShare) == 0.5)
    }

    @Test("an earlier inbound contact before the incident does not hide a later told-first")
    func mergeIgnoresEarlyInbound() {
        let id = CustomerID()
        let figure = IncidentFigure(
            foundAt: foundAt, affected: [id],
            results: [
                OutreachResult(customerID: id, firstInboundAt: at(-5)), OutreachResult(customerID: id, toldAt: at(5)),
            ])
        #expect(figure.toldFirst == 1)
    }

    @Test("the share is nil while nobody is decided, and 1 when everyone was told first")
    func share() {
        let ids = [CustomerID(), CustomerID()]
        let pending = IncidentFigure(foundAt: foundAt, affected: ids, results: [])
        #expect(pending == IncidentFigure(affected: 2, toldFirst: 0, theyContactedFirst: 0, pending: 2))
        #expect(pending.toldFirstShare == nil)
        #expect(IncidentFigure(foundAt: foundAt, affected: [], results: []).toldFirstShare == nil)
        let told = IncidentFigure(
            foundAt: foundAt, affected: ids, results: ids.map { OutreachResult(customerID: $0, toldAt: at(1)) })
        #expect(told.toldFirstShare == 1)
    }

    @Test("the figure of an incident takes the affected customers from its orders")
    func fromIncident() {
        let (a, b) = (CustomerID(), CustomerID())
        let incident = Incident(
            title: "Брак", foundAt: foundAt, reportedByID: StaffID(), scope: .product(text: "jura", from: nil, to: nil),
            createdAt: foundAt, updatedAt: foundAt)
        let orders = [
            OutreachFixture.order(customerID: a, placedAt: OutreachFixture.utc(2025, 5, 1), items: "Jura E8"),
            OutreachFixture.order(customerID: b, placedAt: OutreachFixture.utc(2025, 5, 1), items: "Кофемолка"),
        ]
        let figure = IncidentFigure(
            incident: incident, orders: orders,
            results: [
                OutreachResult(customerID: a, firstInboundAt: at(3)), OutreachResult(customerID: b, toldAt: at(1)),
            ])
        #expect(figure == IncidentFigure(affected: 1, toldFirst: 0, theyContactedFirst: 1, pending: 0))
        #expect(figure.toldFirstShare == 0)
    }
}
