import Foundation
import Testing

@testable import EarnedDomain

/// A customer's preferred, consented and refused channels, and the channel follow-ups must use.
typealias ChannelExample = (
    preferred: ContactChannel?, consented: [ContactChannel], refused: [ContactChannel], channel: ContactChannel?
)

@Suite("After-sale follow-up planning")
struct FollowUpPlannerTests {
    let day = PromiseFixture.day

    func instant(_ text: String) -> Date { PromiseFixture.instant(text) }

    @Test("nothing is planned until the order is delivered")
    func notDelivered() {
        let plan = FollowUpPlanner.plan(
            order: AfterSaleFixture.order(deliveredAt: nil), customer: AfterSaleFixture.customer(),
            calendar: AfterSaleFixture.alwaysOpen, policy: AfterSalePolicy())
        #expect(plan.isEmpty)
    }

    @Test("a delivered order gets a handover contact and one per offset, at the same time of day")
    func standardPlan() {
        let delivered = instant("2026-11-02T14:30:00Z")
        let plan = FollowUpPlanner.plan(
            order: AfterSaleFixture.order(deliveredAt: delivered), customer: AfterSaleFixture.customer(),
            calendar: AfterSaleFixture.alwaysOpen, policy: AfterSalePolicy())
        #expect(plan.map(\.step) == [.handover, .day(1), .day(7), .day(30)])
        #expect(plan.map(\.dueAt) == [delivered, delivered + day, delivered + 7 * day, delivered + 30 * day])
        #expect(plan.map(\.channel) == [.visit, .phone, .phone, .phone])
        #expect(plan.allSatisfy { $0.ownerID == AfterSaleFixture.sellerID && !$0.isSkipped })
        #expect(
            plan.allSatisfy { $0.orderID == AfterSaleFixture.orderID && $0.customerID == PromiseFixture.customerID })
        #expect(plan.allSatisfy { $0.locationID == PromiseFixture.locationID })
    }

    @Test("task keys name the order in lower case and the step, once each")
    func taskKeys() {
        let plan = FollowUpPlanner.plan(
            order: AfterSaleFixture.order(deliveredAt: PromiseFixture.now), customer: AfterSaleFixture.customer(),
            calendar: AfterSaleFixture.alwaysOpen, policy: AfterSalePolicy(offsetsDays: [7, 90]))
        let order = "0193a5b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b"
        #expect(
            plan.map(\.taskKey) == [
                "aftersale:\(order):handover", "aftersale:\(order):d7", "aftersale:\(order):d90",
            ])
    }

    @Test("planning again gives the same plan, so the scheduler can match tasks by key")
    func repeatable() {
        let order = AfterSaleFixture.order(deliveredAt: PromiseFixture.now)
        let first = FollowUpPlanner.plan(
            order: order, customer: AfterSaleFixture.customer(), calendar: AfterSaleFixture.berlinShop,
            policy: AfterSalePolicy())
        let second = FollowUpPlanner.plan(
            order: order, customer: AfterSaleFixture.customer(), calendar: AfterSaleFixture.berlinShop,
            policy: AfterSalePolicy())
        #expect(first == second)
        #expect(Set(first.map(\.taskKey)).count == first.count)
    }

    @Test("a handover call goes by phone; a visit needs no consent")
    func handoverKinds() {
        let order = AfterSaleFixture.order(deliveredAt: PromiseFixture.now)
        let noConsent = AfterSaleFixture.customer(consented: [])
        let call = FollowUpPlanner.plan(
            order: order, customer: AfterSaleFixture.customer(consented: [.phone]),
            calendar: AfterSaleFixture.alwaysOpen, policy: AfterSalePolicy(handover: .call))
        #expect(call.first?.channel == .phone && call.first?.dueAt == PromiseFixture.now)
        let visit = FollowUpPlanner.plan(
            order: order, customer: noConsent, calendar: AfterSaleFixture.alwaysOpen,
            policy: AfterSalePolicy(handover: .visit))
        #expect(visit.first?.channel == .visit && visit.first?.isSkipped == false)
        let callWithoutConsent = FollowUpPlanner.plan(
            order: order, customer: AfterSaleFixture.customer(consented: [.email]),
            calendar: AfterSaleFixture.alwaysOpen, policy: AfterSalePolicy(handover: .call))
        #expect(callWithoutConsent.first?.channel == nil)
        #expect(callWithoutConsent.first?.skippedReason == .noConsent)
        #expect(callWithoutConsent.dropFirst().allSatisfy { $0.channel == .email })
    }

    @Test("the handover is due at delivery even when the shop is closed then")
    func handoverNotMoved() {
        let sunday = instant("2026-11-15T12:00:00+01:00")
        let plan = FollowUpPlanner.plan(
            order: AfterSaleFixture.order(deliveredAt: sunday), customer: AfterSaleFixture.customer(),
            calendar: AfterSaleFixture.berlinShop, policy: AfterSalePolicy())
        #expect(plan.first?.dueAt == sunday)
    }

    static let berlinCases: [(delivered: String, days: Int, due: String)] = [
        // Day 7 across the last Sunday of October keeps 15:00 local: 13:00 UTC, then 14:00 UTC.
        ("2026-10-19T15:00:00+02:00", 7, "2026-10-26T15:00:00+01:00"),
        ("2026-10-19T15:00:00+02:00", 1, "2026-10-20T15:00:00+02:00"),
        ("2026-10-19T15:00:00+02:00", 30, "2026-11-18T15:00:00+01:00"),
        // Across the last Sunday of March the other way.
        ("2026-03-24T11:15:00+01:00", 7, "2026-03-31T11:15:00+02:00"),
        // Day 1 after a Saturday falls on the closed Sunday: Monday's opening.
        ("2026-11-14T16:00:00+01:00", 1, "2026-11-16T10:00:00+01:00"),
        ("2026-11-14T16:00:00+01:00", 7, "2026-11-21T16:00:00+01:00"),
        // Delivered by courier after closing: the next morning's opening.
        ("2026-11-18T21:00:00+01:00", 1, "2026-11-20T10:00:00+01:00"),
        // Before opening: that same morning's opening.
        ("2026-11-17T08:00:00+01:00", 1, "2026-11-18T10:00:00+01:00"),
        // At closing time the shop is closed: the next opening.
        ("2026-11-17T20:00:00+01:00", 1, "2026-11-19T10:00:00+01:00"),
        // The special closed day: the day after.
        ("2026-11-18T12:00:00+01:00", 7, "2026-11-26T10:00:00+01:00"),
    ]

    @Test("offsets count calendar days in the shop's time zone and move out of closed time", arguments: berlinCases)
    func berlin(_ example: (delivered: String, days: Int, due: String)) {
        let plan = FollowUpPlanner.plan(
            order: AfterSaleFixture.order(deliveredAt: instant(example.delivered)),
            customer: AfterSaleFixture.customer(), calendar: AfterSaleFixture.berlinShop,
            policy: AfterSalePolicy(offsetsDays: [example.days]))
        #expect(plan.map(\.step) == [.handover, .day(example.days)])
        #expect(plan.last?.dueAt == instant(example.due))
    }

    @Test("day 7 across the October change is 169 hours later, not 168")
    func dstLength() {
        let delivered = instant("2026-10-19T15:00:00+02:00")
        let plan = FollowUpPlanner.plan(
            order: AfterSaleFixture.order(deliveredAt: delivered), customer: AfterSaleFixture.customer(),
            calendar: AfterSaleFixture.berlinShop, policy: AfterSalePolicy(offsetsDays: [7]))
        let due = plan.last!.dueAt
        #expect(due.timeIntervalSince(delivered) == 169 * 3600)
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = AfterSaleFixture.berlin
        #expect(gregorian.component(.hour, from: due) == 15)
    }

    @Test(
        "a local time skipped or repeated by a change reads as the calendar reads it",
        arguments: [
            // 02:30 on 29 March 2026 does not exist in Berlin: the moment of the change, 03:00 CEST.
            ("2026-03-22T02:30:00+01:00", "2026-03-29T03:00:00+02:00"),
            // 02:30 on 25 October 2026 happens twice: the first time, still CEST.
            ("2026-10-18T02:30:00+02:00", "2026-10-25T02:30:00+02:00"),
            ("2026-10-18T02:30:00.250+02:00", "2026-10-25T02:30:00.250+02:00"),
        ])
    func gapAndOverlap(_ from: String, _ expected: String) {
        let parse = { (text: String) -> Date in
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return formatter.date(from: text) ?? PromiseFixture.instant(text)
        }
        let result = FollowUpPlanner.adding(days: 7, to: parse(from), in: AfterSaleFixture.berlin)
        #expect(abs(result.timeIntervalSince(parse(expected))) < 0.000_1)
    }

    static let channelCases: [ChannelExample] = [
        (.messenger, [.phone, .messenger], [], .messenger),
        (.email, [.phone, .email], [], .email),
        (.email, [.phone], [.email], .phone),
        (.post, [.post, .sms], [], .sms),
        (nil, [.email, .sms], [], .sms),
        (nil, [.email, .messenger, .sms], [], .messenger),
        (nil, [.email], [], .email),
        (.phone, [], [.phone], nil),
        (nil, [.post], [], nil),
    ]

    @Test(
        "the preferred channel when consented, else the first consented of phone, messenger, sms, e-mail",
        arguments: channelCases)
    func channels(_ example: ChannelExample) {
        let customer = AfterSaleFixture.customer(
            preferred: example.preferred, consented: example.consented, refused: example.refused)
        #expect(FollowUpPlanner.followUpChannel(for: customer) == example.channel)
        let plan = FollowUpPlanner.plan(
            order: AfterSaleFixture.order(deliveredAt: PromiseFixture.now), customer: customer,
            calendar: AfterSaleFixture.alwaysOpen, policy: AfterSalePolicy())
        #expect(plan.dropFirst().allSatisfy { $0.channel == example.channel })
    }

    @Test("a consent withdrawn later wins over the earlier one")
    func withdrawn() {
        var customer = AfterSaleFixture.customer(preferred: .phone, consented: [.phone, .email])
        customer.consents.append(
            Consent(channel: .phone, given: false, at: PromiseFixture.now - day, source: "asked not to call"))
        #expect(FollowUpPlanner.followUpChannel(for: customer) == .email)
    }

    @Test("with no consent the steps are still planned, marked as skipped")
    func noConsent() {
        let plan = FollowUpPlanner.plan(
            order: AfterSaleFixture.order(deliveredAt: PromiseFixture.now),
            customer: AfterSaleFixture.customer(consented: [], refused: [.phone, .sms]),
            calendar: AfterSaleFixture.alwaysOpen, policy: AfterSalePolicy())
        #expect(plan.count == 4)
        #expect(plan[0].channel == .visit && plan[0].skippedReason == nil)
        for step in plan.dropFirst() {
            #expect(step.channel == nil && step.skippedReason == .noConsent && step.isSkipped)
        }
    }

    @Test("the owner is the seller, or the customer's owner when the order has no seller")
    func owner() {
        let customer = AfterSaleFixture.customer()
        let noSeller = FollowUpPlanner.plan(
            order: AfterSaleFixture.order(deliveredAt: PromiseFixture.now, sellerID: nil), customer: customer,
            calendar: AfterSaleFixture.alwaysOpen, policy: AfterSalePolicy())
        #expect(noSeller.allSatisfy { $0.ownerID == AfterSaleFixture.relationshipOwnerID })
    }

    @Test("no follow-ups for an erased customer or for someone else's order")
    func refusedCustomers() {
        let order = AfterSaleFixture.order(deliveredAt: PromiseFixture.now)
        var erased = AfterSaleFixture.customer()
        erased.erasedAt = PromiseFixture.now
        var stranger = AfterSaleFixture.customer()
        stranger.id = CustomerID()
        for customer in [erased, stranger] {
            let plan = FollowUpPlanner.plan(
                order: order, customer: customer, calendar: AfterSaleFixture.alwaysOpen, policy: AfterSalePolicy())
            #expect(plan.isEmpty)
        }
    }

    @Test("an unvalidated policy's offsets are used sorted, once each, positive only")
    func untidyPolicy() {
        let plan = FollowUpPlanner.plan(
            order: AfterSaleFixture.order(deliveredAt: PromiseFixture.now), customer: AfterSaleFixture.customer(),
            calendar: AfterSaleFixture.alwaysOpen, policy: AfterSalePolicy(offsetsDays: [30, 0, 7, 7, -2]))
        #expect(plan.map(\.step) == [.handover, .day(7), .day(30)])
    }

    @Test("a policy with no offsets plans the handover only")
    func handoverOnly() {
        let plan = FollowUpPlanner.plan(
            order: AfterSaleFixture.order(deliveredAt: PromiseFixture.now), customer: AfterSaleFixture.customer(),
            calendar: AfterSaleFixture.alwaysOpen, policy: AfterSalePolicy(offsetsDays: []))
        #expect(plan.map(\.step) == [.handover])
    }

    @Test("a planned follow-up encodes its step by key and round-trips")
    func codable() throws {
        let plan = FollowUpPlanner.plan(
            order: AfterSaleFixture.order(deliveredAt: PromiseFixture.now),
            customer: AfterSaleFixture.customer(consented: []), calendar: AfterSaleFixture.alwaysOpen,
            policy: AfterSalePolicy(offsetsDays: [7]))
        let data = try JSONEncoder().encode(plan[1])
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains(#""step":"d7""#))
        #expect(json.contains(#""skippedReason":"no_consent""#))
        #expect(try JSONDecoder().decode(PlannedFollowUp.self, from: data) == plan[1])
    }
}
