import Foundation
import Testing

@testable import EarnedDomain

@Suite("On-time tallies")
struct OnTimeTallyTests {
    let now = PromiseFixture.now
    let hour = PromiseFixture.hour
    let day = PromiseFixture.day

    /// A promise due `dueInHours` after now that ends with `outcome` at now.
    func promise(
        _ outcome: PromiseOutcome, owner: StaffID = PromiseFixture.ownerID, location: LocationID? = nil,
        kind: Promise.Kind = .delivery, dueInHours: Double = -10
    ) throws -> Promise {
        let due = now + dueInHours * hour
        var promise = Promise(
            customerID: PromiseFixture.customerID, kind: kind, text: "Call back with a price", ownerID: owner,
            locationID: location, originalDueAt: due, createdAt: due - 5 * day)
        switch outcome {
        case .open, .overdue:
            break
        case .keptOnTime:
            try promise.keep(at: due - hour)
        case .renegotiated:
            try promise.renegotiate(to: due + hour, at: due - hour, toldVia: .phone)
            try promise.keep(at: due + hour)
        case .late:
            try promise.keep(at: due + hour)
        case .broken:
            try promise.markBroken(at: due)
        }
        #expect(promise.outcome(at: now) == outcome, "the fixture builds what it claims")
        return promise
    }

    @Test("an empty tally has no rate")
    func empty() {
        let tally = OnTimeTally([PromiseOutcome]())
        #expect(tally.total == 0 && tally.decided == 0 && tally.onTimeRate == nil)
    }

    @Test("open and overdue are not decided: no rate, overdue reported separately")
    func undecided() {
        let tally = OnTimeTally([.open, .overdue, .overdue])
        #expect(tally.decided == 0 && tally.onTimeRate == nil)
        #expect(tally.overdue == 2 && tally.open == 1 && tally.total == 3)
    }

    @Test("counts, decided, on time and the rate")
    func counts() {
        let outcomes: [PromiseOutcome] = [
            .keptOnTime, .keptOnTime, .keptOnTime, .renegotiated, .late, .late, .broken, .overdue, .open,
        ]
        let tally = OnTimeTally(outcomes)
        #expect(tally == OnTimeTally(open: 1, overdue: 1, keptOnTime: 3, renegotiated: 1, late: 2, broken: 1))
        #expect(tally.decided == 7)
        #expect(tally.onTime == 4)
        #expect(tally.onTimeRate == 4.0 / 7.0)
        #expect(tally.total == 9)
        for outcome in PromiseOutcome.allCases {
            #expect(tally.count(of: outcome) == outcomes.filter { $0 == outcome }.count)
        }
    }

    @Test("adding tallies adds every count")
    func sum() {
        let a = OnTimeTally([.keptOnTime, .late, .open])
        let b = OnTimeTally([.broken, .renegotiated, .overdue, .late])
        #expect(a + b == OnTimeTally([.keptOnTime, .late, .open, .broken, .renegotiated, .overdue, .late]))
    }

    @Test("grouped by owner")
    func byOwner() throws {
        let anna = PromiseFixture.ownerID
        let boris = PromiseFixture.otherOwnerID
        let promises = [
            try promise(.keptOnTime, owner: anna), try promise(.renegotiated, owner: anna),
            try promise(.late, owner: anna), try promise(.overdue, owner: anna),
            try promise(.broken, owner: boris), try promise(.keptOnTime, owner: boris),
            try promise(.open, owner: boris, dueInHours: 10),
        ]
        let groups = OnTimeTally.group(promises, at: now) { $0.ownerID }
        #expect(groups.count == 2)
        #expect(groups[anna] == OnTimeTally(overdue: 1, keptOnTime: 1, renegotiated: 1, late: 1))
        #expect(groups[anna]?.onTimeRate == 2.0 / 3.0)
        #expect(groups[boris] == OnTimeTally(open: 1, keptOnTime: 1, broken: 1))
        #expect(groups[boris]?.onTimeRate == 0.5)
        #expect(groups.values.reduce(OnTimeTally(), +) == OnTimeTally(promises, at: now))
    }

    @Test("grouped by team through a lookup; owners in no team are left out")
    func byTeam() throws {
        let third = StaffID()
        let teams = [PromiseFixture.ownerID: "sales", PromiseFixture.otherOwnerID: "sales"]
        let promises = [
            try promise(.keptOnTime, owner: PromiseFixture.ownerID),
            try promise(.late, owner: PromiseFixture.otherOwnerID), try promise(.broken, owner: third),
        ]
        let groups = OnTimeTally.group(promises, at: now) { teams[$0.ownerID] }
        #expect(groups == ["sales": OnTimeTally(keptOnTime: 1, late: 1)])
    }

    @Test("grouped by location and by kind")
    func byLocationAndKind() throws {
        let shop = PromiseFixture.locationID
        let promises = [
            try promise(.keptOnTime, location: shop, kind: .callback), try promise(.late, location: shop, kind: .quote),
            try promise(.broken, location: nil, kind: .quote),
        ]
        #expect(OnTimeTally.group(promises, at: now) { $0.locationID } == [shop: OnTimeTally(keptOnTime: 1, late: 1)])
        #expect(
            OnTimeTally.group(promises, at: now) { $0.kind } == [
                .callback: OnTimeTally(keptOnTime: 1), .quote: OnTimeTally(late: 1, broken: 1),
            ])
    }

    @Test("the same promises tally differently as time passes: open becomes overdue")
    func asTimePasses() throws {
        let promises = [try promise(.open, dueInHours: 2), try promise(.keptOnTime)]
        #expect(OnTimeTally(promises, at: now) == OnTimeTally(open: 1, keptOnTime: 1))
        #expect(OnTimeTally(promises, at: now + 3 * hour) == OnTimeTally(overdue: 1, keptOnTime: 1))
    }

    @Test(
        "period keys in a time zone",
        arguments: [
            ("2026-11-19T10:00:00Z", "UTC", "2026-11", "2026-W47"),
            ("2026-01-01T00:00:00Z", "UTC", "2026-01", "2026-W01"),
            ("2027-01-01T09:00:00Z", "UTC", "2027-01", "2026-W53"),
            ("2024-12-30T09:00:00Z", "UTC", "2024-12", "2025-W01"),
            ("2021-01-03T09:00:00Z", "UTC", "2021-01", "2020-W53"),
            // 23:30 UTC on 30 November is already 1 December, a Tuesday, in Moscow.
            ("2026-11-30T23:30:00Z", "Europe/Moscow", "2026-12", "2026-W49"),
            ("2026-11-30T23:30:00Z", "UTC", "2026-11", "2026-W49"),
            // 01:00 in Moscow on Monday 1 March is still Sunday 28 February in UTC.
            ("2027-03-01T01:00:00+03:00", "UTC", "2027-02", "2027-W08"),
            ("2027-03-01T01:00:00+03:00", "Europe/Moscow", "2027-03", "2027-W09"),
            ("2026-03-09T02:00:00Z", "America/Los_Angeles", "2026-03", "2026-W10"),
        ])
    func periodKeys(_ instant: String, _ zone: String, _ month: String, _ week: String) {
        let timeZone = TimeZone(identifier: zone)!
        let date = PromiseFixture.instant(instant)
        #expect(PromisePeriod(.month, timeZone: timeZone).key(of: date) == month)
        #expect(PromisePeriod(.isoWeek, timeZone: timeZone).key(of: date) == week)
    }

    @Test("grouped by month of the due time in force, not of the working due time")
    func byPeriod() throws {
        let moscow = TimeZone(identifier: "Europe/Moscow")!
        let dueEndOfMonth = PromiseFixture.instant("2026-11-30T20:00:00Z")  // 23:00 in Moscow
        var untold = Promise(
            customerID: PromiseFixture.customerID, kind: .delivery, text: "Kitchen fitted",
            ownerID: PromiseFixture.ownerID,
            originalDueAt: dueEndOfMonth, createdAt: dueEndOfMonth - 10 * day)
        // Moved into December without telling the customer: still measured, and reported, in November.
        try untold.renegotiate(to: dueEndOfMonth + 2 * day, at: dueEndOfMonth - day, toldVia: nil)
        try untold.keep(at: dueEndOfMonth + day)
        var told = untold
        told.renegotiations[0].customerToldVia = .phone
        let month = PromisePeriod(.month, timeZone: moscow)
        #expect(month.key(of: untold) == "2026-11")
        #expect(month.key(of: told) == "2026-12")
        let groups = OnTimeTally.group([untold, told], at: dueEndOfMonth + 5 * day) { month.key(of: $0) }
        #expect(groups == ["2026-11": OnTimeTally(late: 1), "2026-12": OnTimeTally(renegotiated: 1)])
    }
}
