import EarnedDomain
import Foundation
import Testing

@testable import EarnedDemo

@Suite("DemoBusiness: determinism, size, locations and staff")
struct DemoBusinessTests {
    static func encoded(_ batch: DemoBatch) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(batch.customers) + encoder.encode(batch.orders) + encoder.encode(batch.notes)
            + encoder.encode(batch.truths)
    }

    @Test func theSameSeedGivesByteIdenticalData() throws {
        let a = DemoBusiness(seed: 99, scale: 1, now: DemoFixture.now)
        let b = DemoBusiness(seed: 99, scale: 1, now: DemoFixture.now)
        #expect(a.locations == b.locations)
        #expect(a.staff == b.staff)
        #expect(a.groundTruth == b.groundTruth)
        var first: [DemoBatch] = []
        a.generate(batchSize: 200) { if first.isEmpty { first.append($0) } }
        var second: [DemoBatch] = []
        b.generate(batchSize: 200) { if second.isEmpty { second.append($0) } }
        #expect(first[0].customers.count == 200)
        #expect(try Self.encoded(first[0]) == Self.encoded(second[0]))
    }

    @Test func anotherSeedGivesOtherData() {
        let a = DemoBusiness(seed: 99, scale: 1, now: DemoFixture.now).batch(0..<100)
        let b = DemoBusiness(seed: 100, scale: 1, now: DemoFixture.now).batch(0..<100)
        #expect(Set(a.customers.map(\.id)).isDisjoint(with: b.customers.map(\.id)))
        #expect(a.customers.map(\.name) != b.customers.map(\.name))
        #expect(a.orders.map(\.placedAt) != b.orders.map(\.placedAt))
    }

    @Test func theBatchSizeDoesNotChangeTheData() throws {
        let business = DemoBusiness(seed: 5, scale: 1, now: DemoFixture.now)
        var streamed: [DemoBatch] = []
        business.generate(batchSize: 7) { batch in
            if batch.range.upperBound <= 21 { streamed.append(batch) }
        }
        #expect(streamed.map(\.range) == [0..<7, 7..<14, 14..<21])
        let whole = business.batch(0..<21)
        #expect(streamed.flatMap(\.customers) == whole.customers)
        #expect(streamed.flatMap(\.orders) == whole.orders)
        #expect(streamed.flatMap(\.truths) == whole.truths)
    }

    @Test func generateVisitsEveryCustomerOnce() {
        let business = DemoBusiness(seed: 1, scale: 1, now: DemoFixture.now)
        var ranges: [Range<Int>] = []
        business.generate(batchSize: 1_500) { ranges.append($0.range) }
        #expect(ranges == [0..<1_500, 1_500..<3_000, 3_000..<4_500, 4_500..<5_000])
    }

    @Test func scaleOneHasAboutFiveThousandCustomersAndTenOrdersEach() {
        let data = DemoFixture.data
        #expect(data.customers.count == 5_000)
        #expect(Set(data.customers.map(\.id)).count == 5_000)
        #expect((35_000...65_000).contains(data.orders.count))
        #expect(Set(data.orders.map(\.id)).count == data.orders.count)
        let companies = data.customers.filter { $0.kind == .company }.count
        #expect((300...520).contains(companies))
        let hunters = data.truths.filter(\.isDiscountHunter).count
        #expect((500...700).contains(hunters))
        #expect(!data.notes.isEmpty)
        #expect(DemoBusiness(seed: 1, scale: 3, now: DemoFixture.now).customerCount == 15_000)
    }

    @Test func everyCustomerButLeadsHasOrders() {
        let data = DemoFixture.data
        var orderCounts: [CustomerID: Int] = [:]
        for order in data.orders { orderCounts[order.customerID, default: 0] += 1 }
        for truth in data.truths {
            #expect((orderCounts[truth.customerID] ?? 0 == 0) == truth.isLead)
        }
        let customerIDs = Set(data.customers.map(\.id))
        #expect(data.orders.allSatisfy { customerIDs.contains($0.customerID) })
        #expect(data.notes.allSatisfy { customerIDs.contains($0.customerID) })
    }

    @Test func buyingRatesAreHeterogeneous() {
        let counts = Dictionary(grouping: DemoFixture.data.orders, by: \.customerID).values.map(\.count).sorted()
        // A long tail: most customers buy a few times, a few buy very often.
        #expect(counts[counts.count / 2] <= 6)
        #expect(counts[counts.count * 95 / 100] >= 30)
        let single = counts.filter { $0 == 1 }.count
        #expect(Double(single) / Double(counts.count) > 0.08)
        let dropped = DemoFixture.data.truths.filter { $0.droppedOutAt != nil }.count
        #expect(dropped > 1_000)
    }

    @Test func threeLocationsInThreeTimeZonesWithTheirOwnHours() throws {
        let locations = DemoFixture.business.locations
        #expect(locations.map(\.name) == ["Москва, Тверская", "Екатеринбург, Малышева", "Berlin, Kastanienallee"])
        #expect(Set(locations.map(\.timeZone)) == ["Europe/Moscow", "Asia/Yekaterinburg", "Europe/Berlin"])
        for location in locations {
            let draft = LocationDraft(
                name: location.name, timeZone: location.timeZone, hours: location.hours,
                specialDays: location.specialDays, shifts: location.shifts)
            let valid = try draft.validated(id: location.id, now: DemoFixture.now)
            #expect(valid.specialDays == location.specialDays)
            #expect(location.shifts.count == 2)
            // Every open minute of the regular week belongs to a shift.
            for day in location.hours.days {
                for period in day {
                    #expect(location.shift(atMinuteOfDay: period.start) != nil)
                    #expect(location.shift(atMinuteOfDay: period.end - 1) != nil)
                }
            }
        }
        let moscow = DemoFixture.moscow.hours
        #expect(moscow.periods(isoWeekday: 6)[0].minutes > moscow.periods(isoWeekday: 3)[0].minutes)
        #expect(DemoFixture.yekaterinburg.hours.periods(isoWeekday: 2).count == 2)
        #expect(DemoFixture.berlin.hours.periods(isoWeekday: 7).isEmpty)
        #expect(DemoFixture.yekaterinburg.shifts.map(\.name) == ["утренняя", "вечерняя"])
        #expect(DemoFixture.berlin.shifts.map(\.name) == ["morning", "evening"])
    }

    @Test(arguments: [2024, 2025, 2026])
    func russianShopsCloseOnPublicHolidays(year: Int) {
        let dates = [(1, 1), (1, 7), (1, 8), (2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4)]
        for location in [DemoFixture.moscow, DemoFixture.yekaterinburg] {
            for (month, day) in dates {
                let special = location.specialDays.first { $0.date == LocalDate(year: year, month: month, day: day) }
                #expect(special?.kind == .holiday && special?.periods == [], "\(location.name) \(year)-\(month)-\(day)")
            }
        }
    }

    @Test func berlinKeepsGermanHolidays() {
        let berlin = DemoFixture.berlin
        func kind(_ year: Int, _ month: Int, _ day: Int) -> SpecialDay.Kind? {
            berlin.specialDays.first { $0.date == LocalDate(year: year, month: month, day: day) }?.kind
        }
        #expect(kind(2025, 4, 18) == .holiday)  // Good Friday
        #expect(kind(2025, 4, 21) == .holiday)  // Easter Monday
        #expect(kind(2025, 5, 29) == .holiday)  // Ascension
        #expect(kind(2025, 6, 9) == .holiday)  // Whit Monday
        #expect(kind(2025, 10, 3) == .holiday)
        #expect(kind(2025, 12, 25) == .holiday)
        #expect(kind(2025, 12, 24) == .shortened)
        #expect(kind(2025, 2, 23) == nil)
        #expect(kind(2025, 6, 12) == nil)
    }

    @Test func inventoryDaysComeEveryQuarterOnOpenDays() {
        for location in DemoFixture.business.locations {
            let inventory = location.specialDays.filter { $0.kind == .inventory }
            // The years 2024–2026 of the history, four quarters each.
            #expect(inventory.count == 12)
            #expect(Set(inventory.map { "\($0.date.year!)-\(($0.date.month - 1) / 3)" }).count == 12)
            #expect(inventory.allSatisfy { !$0.periods.isEmpty && [3, 6, 9, 12].contains($0.date.month) })
            let dates = location.specialDays.map(\.date)
            #expect(Set(dates).count == dates.count)
        }
    }

    @Test func aboutFifteenStaffWithOneOwnerAndAManagerPerLocation() throws {
        let staff = DemoFixture.business.staff
        #expect((14...17).contains(staff.count))
        let owners = staff.filter { $0.role == .owner }
        #expect(owners.map(\.email) == [DemoBusiness.ownerEmail])
        #expect(DemoBusiness.ownerEmail == "owner@demo.earned")
        #expect(!DemoBusiness.password.isEmpty)
        let managers = staff.filter { $0.role == .manager }
        #expect(managers.map(\.email) == ["manager.1@demo.earned", "manager.2@demo.earned", "manager.3@demo.earned"])
        #expect(managers.map(\.homeLocationID) == DemoFixture.business.locations.map(\.id))
        #expect(Set(staff.map(\.email)).count == staff.count)
        for location in DemoFixture.business.locations {
            let departments = Set(staff.filter { $0.homeLocationID == location.id }.compactMap(\.department))
            #expect(
                departments == [
                    DemoBusiness.Department.sales, DemoBusiness.Department.service, DemoBusiness.Department.delivery,
                ])
        }
        for member in staff {
            let draft = StaffDraft(
                name: member.name, email: member.email, role: member.role, homeLocationID: member.homeLocationID,
                department: member.department)
            #expect(try draft.validated(id: member.id, now: DemoFixture.now).email == member.email)
        }
    }

    @Test func theGroundTruthNamesRealSlots() {
        let truth = DemoFixture.business.groundTruth
        #expect(
            truth.weaknesses.map(\.id) == [
                "ekb-evening-late", "last-hour-late", "inventory-day-late", "discount-hunters",
            ])
        #expect(truth.weaknesses.allSatisfy { !$0.englishDescription.isEmpty && !$0.russianDescription.isEmpty })
        guard case .shift(let locationID, let shiftName) = truth.weakness(id: "ekb-evening-late")?.slot else {
            Issue.record("the evening weakness is not a shift slot")
            return
        }
        #expect(locationID == DemoFixture.yekaterinburg.id)
        #expect(DemoFixture.yekaterinburg.shifts.map(\.name).contains(shiftName))
        #expect((0.06...0.08).contains(truth.baselineLateRate))
        let ekb = DemoFixture.yekaterinburg.id
        #expect(
            truth.lateFactor(locationID: ekb, shiftName: "вечерняя", minutesBeforeClosing: 300, specialDay: nil) == 2)
        #expect(
            truth.lateFactor(locationID: ekb, shiftName: "утренняя", minutesBeforeClosing: 500, specialDay: nil) == 1)
        #expect(
            truth.lateFactor(
                locationID: DemoFixture.moscow.id, shiftName: "вечерняя", minutesBeforeClosing: 30,
                specialDay: .inventory)
                == 1.8 * 2.5)
    }
}
