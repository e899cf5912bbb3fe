import EarnedDomain
import Foundation
import Testing

@testable import EarnedDemo

@Suite("DemoBusiness: orders")
struct DemoOrderTests {
    @Test func everyOrderIsPlacedWithinItsLocationsHoursBeforeNow() {
        let business = DemoFixture.business
        let earliest = DemoFixture.now.addingTimeInterval(-Double(DemoBusiness.historyDays + 1) * 86_400)
        for order in DemoFixture.data.orders {
            let location = business.location(order.locationID!)!
            let slot = DemoFixture.slot(of: order.placedAt, at: location)
            #expect(slot.isOpen, "\(location.name) \(slot.date) minute \(slot.minute)")
            #expect(order.placedAt < DemoFixture.now && order.placedAt > earliest)
        }
    }

    @Test func promisesFallInOpeningHoursAndDeliveriesFollowPlacement() {
        let business = DemoFixture.business
        var promised = 0
        var pending = 0
        for order in DemoFixture.data.orders {
            guard let promisedAt = order.promisedAt else {
                #expect(order.deliveredAt == nil)
                continue
            }
            promised += 1
            #expect(promisedAt > order.placedAt)
            #expect(DemoFixture.slot(of: promisedAt, at: business.location(order.locationID!)!).isOpen)
            if let deliveredAt = order.deliveredAt {
                #expect(deliveredAt > order.placedAt)
                #expect(deliveredAt <= DemoFixture.now)
                #expect(order.updatedAt == deliveredAt)
            } else {
                pending += 1
                #expect(promisedAt > DemoFixture.now.addingTimeInterval(-4 * 86_400))
            }
        }
        let share = Double(promised) / Double(DemoFixture.data.orders.count)
        #expect((0.15...0.4).contains(share))
        #expect(pending > 0 && pending < 200)
    }

    @Test func ordersPassTheDomainValidation() throws {
        for order in DemoFixture.data.orders.prefix(3_000) {
            let draft = OrderDraft(
                customerID: order.customerID, sellerID: order.sellerID, locationID: order.locationID,
                placedAt: order.placedAt, amountMinorUnits: order.amount.minorUnits, currency: order.amount.currency,
                discountMinorUnits: order.discountMinorUnits, quantity: order.quantity,
                itemsSummary: order.itemsSummary,
                channel: order.channel, promisedAt: order.promisedAt, deliveredAt: order.deliveredAt,
                externalID: order.externalID)
            let valid = try draft.validated(id: order.id, now: DemoFixture.now, defaultCurrency: "RUB")
            #expect(valid.amount == order.amount)
            #expect(valid.externalID == order.externalID)
        }
    }

    @Test func amountsAreInTheLocationsCurrencyAndDiscountsAreSmallerThanTheListPrice() {
        let russian: Set = [DemoFixture.moscow.id, DemoFixture.yekaterinburg.id]
        for order in DemoFixture.data.orders {
            #expect(order.amount.currency == (russian.contains(order.locationID!) ? "RUB" : "EUR"))
            #expect(order.amount.minorUnits > 0)
            #expect(order.discountMinorUnits >= 0 && order.discountMinorUnits < order.amount.minorUnits)
            #expect(order.quantity >= 1)
            #expect(order.itemsSummary?.isEmpty == false)
        }
        let rub = DemoFixture.data.orders.filter { $0.amount.currency == "RUB" }.map(\.amount.minorUnits)
        let meanRUB = Double(rub.reduce(0, +)) / Double(rub.count) / 100
        #expect((2_000...6_000).contains(meanRUB))
        let eur = DemoFixture.data.orders.filter { $0.amount.currency == "EUR" }.map(\.amount.minorUnits)
        let meanEUR = Double(eur.reduce(0, +)) / Double(eur.count) / 100
        #expect((25...70).contains(meanEUR))
    }

    @Test func sellersWorkWhereTheySell() {
        let staff = Dictionary(uniqueKeysWithValues: DemoFixture.business.staff.map { ($0.id, $0) })
        for order in DemoFixture.data.orders {
            let seller = staff[order.sellerID!]!
            #expect(seller.homeLocationID == order.locationID)
            #expect(seller.department != "delivery")
        }
        // Most orders are sold at the customer's home shop, some at the other Russian one.
        let home = Dictionary(uniqueKeysWithValues: DemoFixture.data.customers.map { ($0.id, $0.homeLocationID) })
        let away = DemoFixture.data.orders.filter { home[$0.customerID]! != $0.locationID }.count
        #expect((0.02...0.08).contains(Double(away) / Double(DemoFixture.data.orders.count)))
    }

    @Test func ordersPeakInDecemberDipInSummerAndRiseAtWeekends() {
        var byMonth = [Int](repeating: 0, count: 13)
        var byWeekday = [Int](repeating: 0, count: 8)
        let moscow = DemoFixture.moscow
        for order in DemoFixture.data.orders where order.locationID == moscow.id {
            let slot = DemoFixture.slot(of: order.placedAt, at: moscow)
            byMonth[slot.date.month] += 1
            byWeekday[slot.isoWeekday] += 1
        }
        #expect(Double(byMonth[12]) > 1.4 * Double(byMonth[7]))
        #expect(byMonth[12] == byMonth.max())
        #expect(byMonth[7] < byMonth[10])
        #expect(Double(byWeekday[6]) > 1.4 * Double(byWeekday[1]))
    }

    @Test func theBaselineLateRateIsAroundSixToEightPercent() {
        let clean = DemoFixture.promised.filter { row in
            row.order.locationID != DemoFixture.yekaterinburg.id && !row.slot.inLastHour
                && row.slot.special != .inventory
        }
        #expect(clean.count > 5_000)
        #expect((0.05...0.08).contains(DemoFixture.lateShare(clean)))
        #expect((0.06...0.10).contains(DemoFixture.lateShare(DemoFixture.promised)))
    }
}
