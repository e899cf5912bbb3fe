import EarnedDomain
import EarnedServices
import EarnedStore
import EarnedTestSupport
import FluentKit
import Foundation
import Logging
import Testing

/// A steady scheduler pass reads only what fell due or changed since the step's watermark; it
/// must make exactly the tasks a pass over everything would. Each random history here — shops
/// with closed weekends, holiday stretches and a daylight-saving zone, follow-up days of their
/// own, orders placed and delivered late, deliveries recorded with a time before the last pass
/// (a transaction that committed after it), a changed policy — runs a steady pass, then a pass
/// over everything at the same instant, which must find nothing left to make. A steady pass
/// never makes what a full one would not (it reads a subset and decides each order by the same
/// rule), so the two make the same tasks. Runs on whichever database the tests use (CI: both).
@Suite("Scheduler: a steady pass reads what changed and makes what a pass over everything would")
struct IncrementalTickTests {
    struct NoWebhooks: WebhookTransport {
        func post(_ url: String, headers: [(String, String)], body: String, timeoutSeconds: Int64) async throws -> Int {
            200
        }
    }

    static func location(
        _ name: String, zone: String, weekends: Bool, holiday: LocalDate, length: Int
    ) -> Location {
        let hours = WeeklyHours.uniform([DayPeriod(start: 10 * 60, end: 19 * 60)], closed: weekends ? [6, 7] : [])
        // Within one month: the days run on by number.
        let special = (0..<length).map {
            SpecialDay(
                date: LocalDate(year: holiday.year, month: holiday.month, day: holiday.day + $0), kind: .holiday,
                label: "closed", periods: [])
        }
        return Location(
            name: name, timeZone: zone, hours: hours, specialDays: special, createdAt: testNow, updatedAt: testNow)
    }

    static func offsets(_ random: inout SeededGenerator) -> [Int] {
        let all = [1, 2, 3, 7, 10, 14, 30]
        let chosen = all.filter { _ in Double.random(in: 0..<1, using: &random) < 0.4 }
        return chosen.isEmpty ? [3] : chosen
    }

    @Test("a pass reports each step's time and what the reading steps read; timings do not make reports differ")
    func stepTimes() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            _ = try await f.order(try await f.customer("Анна", on: db), by: f.northSeller, at: testNow - 3600, on: db)
            let tick = Tick(
                db: db, transport: NoWebhooks(), logger: Logger(label: "test"), linkBase: "http://localhost")
            let report = try await tick.run(now: testNow)
            let names = report.steps.list.map(\.name)
            #expect(names.starts(with: ["settings, absences", "after-sale", "promise reminders", "reply targets"]))
            #expect(report.steps.list.first { $0.name == "after-sale" }?.read == 1)
            #expect(report.steps.list.allSatisfy { $0.seconds >= 0 })
            #expect(report.stepLines.count == report.steps.list.count)
            var same = report
            same.steps = Tick.StepTimes()
            #expect(same == report)
            same.tasksCreated += 1
            #expect(same != report)
        }
    }

    @Test("after-sale, over random histories", arguments: [1, 2, 3, 4] as [UInt64])
    func afterSale(seed: UInt64) async throws {
        try await TestDatabase.with { db in
            var random = SeededGenerator(seed: seed)
            let f = try await TestFixture.make(db)
            let start = testNow - 70 * 86_400
            // Berlin changes its clocks on 29 March and 25 October 2026; the history spans one.
            let berlin = Self.location(
                "Берлин", zone: "Europe/Berlin", weekends: true, holiday: LocalDate(year: 2026, month: 10, day: 1),
                length: 3 + Int(random.next() % 6))
            let kazan = Self.location(
                "Казань", zone: "Europe/Moscow", weekends: false, holiday: LocalDate(year: 2026, month: 10, day: 20),
                length: 1 + Int(random.next() % 3))
            try await LocationRepository(db: db).insert([berlin, kazan])
            let shops = [f.north.id, berlin.id, kazan.id]
            let settings = SettingsStore(db: db)
            func changePolicies() async throws {
                var rules = try await settings.service()
                for shop in shops {
                    rules.afterSale[shop] = AfterSalePolicy(
                        handover: random.next() % 2 == 0 ? .visit : .call, offsetsDays: Self.offsets(&random))
                }
                _ = try await settings.changeService(rules, actor: f.owner, now: start)
            }
            try await changePolicies()
            let customers = CustomerRepository(db: db)
            var people: [Customer] = []
            for i in 0..<6 {
                let consents =
                    i % 2 == 0
                    ? [Consent(channel: .phone, given: true, at: start - 86_400, source: "test")] : []
                people.append(
                    try await customers.create(
                        CustomerDraft(
                            name: "Покупатель \(i)", phones: ["+7 912 000-00-0\(i)"], consents: consents,
                            homeLocationID: f.north.id), actor: f.owner, now: start - 86_400))
            }
            let orders = OrderRepository(db: db, defaultCurrency: "RUB")
            let tick = Tick(
                db: db, transport: NoWebhooks(), logger: Logger(label: "test"), linkBase: "http://localhost")
            var undelivered: [OrderID] = []
            var previous = start
            var now = start
            var (steadyRead, fullRead, made, fullPasses) = (0, 0, 0, 0)
            let steps: [TimeInterval] = [60, 600, 3 * 3600, 86_400, 2.5 * 86_400]
            for pass in 0..<45 {
                now += steps[Int(random.next() % UInt64(steps.count))]
                // A write stamped before the last pass: its transaction began then, committed after.
                func stamp() -> Date { random.next() % 5 == 0 ? max(start, previous - 300) : now }
                for _ in 0..<Int(random.next() % 4) {
                    let shop = shops[Int(random.next() % UInt64(shops.count))]
                    let customer = people[Int(random.next() % UInt64(people.count))]
                    let written = stamp()
                    let placed = written - Double(random.next() % 5) * 86_400 - Double(random.next() % 86_400)
                    let delivered: Date? =
                        switch random.next() % 4 {
                        case 0: nil
                        // Recorded late: delivered three weeks before it was written down.
                        case 1: max(placed, written - 21 * 86_400 + Double(random.next() % 86_400))
                        default: min(written, placed + Double(random.next() % (2 * 86_400)))
                        }
                    let order = try await orders.create(
                        OrderDraft(
                            customerID: customer.id, sellerID: f.northSeller.id, locationID: shop,
                            placedAt: min(placed, delivered ?? placed), amountMinorUnits: 100_000,
                            deliveredAt: delivered), actor: f.owner, now: written)
                    if delivered == nil { undelivered.append(order.id) }
                }
                if !undelivered.isEmpty, random.next() % 2 == 0 {
                    let id = undelivered.removeFirst()
                    let written = stamp()
                    let at = written - Double(random.next() % (3 * 86_400))
                    _ = try await orders.change(id, actor: f.owner, now: written, summary: "delivered") {
                        (order: inout Order) throws(DomainError) in try order.markDelivered(at: max(at, order.placedAt))
                    }
                }
                if pass % 15 == 14 { try await changePolicies() }

                let setting = try await Tick.Setting.load(db)
                var steady = Tick.Report()
                steadyRead += try await tick.afterSale(now: now, setting, report: &steady)
                made += steady.tasksCreated
                var full = Tick.Report()
                fullRead += try await tick.afterSale(now: now, setting, report: &full, reading: .everything)
                fullPasses += 1
                #expect(full.tasksCreated == 0, "seed \(seed), pass \(pass): a full pass made \(full.tasksCreated)")
                previous = now
            }
            // Not vacuous: the steady passes made the work, and read less than the full ones.
            #expect(made >= 20, "seed \(seed): \(made) tasks")
            #expect(steadyRead < fullRead, "seed \(seed): steady read \(steadyRead), full \(fullRead)")
        }
    }
}
