import EarnedDomain
import Foundation
import Testing

@testable import EarnedDemo

@Suite("DemoBusiness: planted weaknesses are in the data")
struct DemoWeaknessTests {
    static func eveningToMorning(at location: Location) -> (ratio: Double, evening: Int, morning: Int) {
        let rows = DemoFixture.promised.filter { $0.order.locationID == location.id }
        let morning = rows.filter { $0.slot.shiftName == location.shifts[0].name }
        let evening = rows.filter { $0.slot.shiftName == location.shifts[1].name }
        return (DemoFixture.lateShare(evening) / DemoFixture.lateShare(morning), evening.count, morning.count)
    }

    @Test func yekaterinburgsEveningShiftIsLateAboutTwiceAsOftenAsItsMorning() {
        let ekb = Self.eveningToMorning(at: DemoFixture.yekaterinburg)
        #expect(ekb.evening > 800 && ekb.morning > 400)
        #expect((1.6...3.0).contains(ekb.ratio), "ratio \(ekb.ratio)")
        // Elsewhere the evening is only a little worse (its last hour), so Yekaterinburg stands out.
        for location in [DemoFixture.moscow, DemoFixture.berlin] {
            let other = Self.eveningToMorning(at: location)
            #expect(other.ratio < 1.5, "\(location.name) ratio \(other.ratio)")
            #expect(ekb.ratio > 1.5 * other.ratio)
        }
    }

    @Test func theLastHourBeforeClosingIsLateMoreOftenEverywhere() {
        let rows = DemoFixture.promised.filter { $0.slot.special != .inventory }
        let last = rows.filter(\.slot.inLastHour)
        let rest = rows.filter { !$0.slot.inLastHour }
        #expect(last.count > 800)
        let ratio = DemoFixture.lateShare(last) / DemoFixture.lateShare(rest)
        #expect((1.4...2.6).contains(ratio), "ratio \(ratio)")
        for location in DemoFixture.business.locations {
            let here = rows.filter { $0.order.locationID == location.id }
            let lastHere = DemoFixture.lateShare(here.filter(\.slot.inLastHour))
            #expect(lastHere > 1.2 * DemoFixture.lateShare(here.filter { !$0.slot.inLastHour }), "\(location.name)")
        }
    }

    @Test func inventoryDaysAreLateMoreOften() {
        let inventory = DemoFixture.promised.filter { $0.slot.special == .inventory }
        let regular = DemoFixture.promised.filter { $0.slot.special == nil }
        #expect(inventory.count > 100)
        let ratio = DemoFixture.lateShare(inventory) / DemoFixture.lateShare(regular)
        #expect((1.8...4.0).contains(ratio), "ratio \(ratio)")
    }

    @Test func discountHuntersBuyMostlyOnDiscountAndTheRestRarely() {
        let data = DemoFixture.data
        let hunters = Set(data.discountHunterIDs)
        #expect(hunters.count == data.truths.filter(\.isDiscountHunter).count)
        let theirs = data.orders.filter { hunters.contains($0.customerID) }
        let others = data.orders.filter { !hunters.contains($0.customerID) }
        func discountShare(_ orders: [Order]) -> Double {
            Double(orders.filter(\.isDiscounted).count) / Double(orders.count)
        }
        #expect(discountShare(theirs) > 0.65)
        #expect(discountShare(others) < 0.1)

        // Per customer: nearly every hunter with a few orders has most of them discounted.
        let byCustomer = Dictionary(grouping: theirs, by: \.customerID).values.filter { $0.count >= 5 }
        let mostlyDiscounted = byCustomer.filter { discountShare($0) > 0.5 }.count
        #expect(Double(mostlyDiscounted) / Double(byCustomer.count) > 0.85)

        // They come in sale weeks.
        func saleShare(_ orders: [Order]) -> Double {
            let sale = orders.filter { order in
                let location = DemoFixture.business.location(order.locationID!)!
                let local = DemoFixture.slot(of: order.placedAt, at: location).date
                return DemoGroundTruth.isSaleDay(local)
            }
            return Double(sale.count) / Double(orders.count)
        }
        #expect(saleShare(theirs) > 0.5)
        #expect(saleShare(others) < 0.25)
    }

    @Test func huntersAreNotTaggedSoTheGroupMustBeFound() {
        let hunters = Set(DemoFixture.data.discountHunterIDs)
        let tagsOfHunters = Set(DemoFixture.data.customers.filter { hunters.contains($0.id) }.flatMap(\.tags))
        let tagsOfOthers = Set(DemoFixture.data.customers.filter { !hunters.contains($0.id) }.flatMap(\.tags))
        #expect(tagsOfHunters.isSubset(of: tagsOfOthers))
    }
}
