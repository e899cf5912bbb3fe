import EarnedDomain
import Foundation
import Testing

@testable import EarnedDemo

/// The planted effect of service on buying: the first service moment the written history shows
/// is the one the effect was planted at, and those let down there buy less after it.
@Suite("Demo: the planted effect of the first service moment")
struct DemoServiceEffectTests {
    /// Each customer's first service moment, found again in the whole written history (the
    /// business-wide part included) by the domain's rule and the default reply targets, is the one
    /// in their ground truth.
    @Test func theMomentInTheHistoryIsThePlantedOne() {
        let moments = ServiceFixture.business.firstServiceMoments(in: ServiceFixture.history)
        var found = 0
        var failed = (promises: 0, contacts: 0)
        var mismatched: [CustomerID] = []
        for truth in ServiceFixture.data.truths {
            let first = moments.first(of: truth.customerID)
            if first?.moment != truth.serviceMoment || (first?.isContact ?? false) != truth.serviceMomentIsContact {
                mismatched.append(truth.customerID)
            }
            guard let first else { continue }
            found += 1
            if first.moment.failed {
                if first.isContact { failed.contacts += 1 } else { failed.promises += 1 }
            }
        }
        #expect(mismatched.isEmpty, "\(mismatched.count) customers' moments differ")
        #expect(found > ServiceFixture.data.customers.count / 3)
        #expect(failed.promises > 50 && failed.contacts > 20, "\(failed)")
    }

    /// After the moment, customers let down by a promise place fewer orders per week alive than
    /// those whose first promise was kept — by about the planted purchase factor, judged here on
    /// the orders removed: each purchase after a failed moment was kept with probability 0.7 and
    /// none follows the planted departure.
    @Test func thoseLetDownBuyLessAfterTheMoment() {
        let data = ServiceFixture.data
        let truth = ServiceFixture.business.groundTruth
        #expect(truth.failedPromiseEffect.purchaseFactor < 1 && truth.failedPromiseEffect.dropoutFactor > 1)
        #expect(truth.lateReplyEffect.purchaseFactor < 1 && truth.lateReplyEffect.dropoutFactor > 1)
        var ordersOf: [CustomerID: [Order]] = [:]
        for order in data.orders { ordersOf[order.customerID, default: []].append(order) }
        // Purchases after the moment per year of time after it, let down or not (promise moments).
        var rate = [(orders: 0, years: 0.0), (orders: 0, years: 0.0)]
        for t in data.truths {
            guard let moment = t.serviceMoment, !t.serviceMomentIsContact else { continue }
            let after = (ordersOf[t.customerID] ?? []).filter { $0.placedAt > moment.at }.count
            let k = moment.failed ? 1 : 0
            rate[k].orders += after
            rate[k].years += ServiceFixture.now.timeIntervalSince(moment.at) / (365 * 86_400)
        }
        let kept = Double(rate[0].orders) / rate[0].years
        let letDown = Double(rate[1].orders) / rate[1].years
        #expect(letDown < 0.8 * kept, "let down \(letDown), kept \(kept) orders a year")
        // Orders keep their numbering without gaps, and a dropped-out customer's last order is
        // their last.
        for (id, orders) in ordersOf {
            let numbers = orders.compactMap { $0.externalID?.split(separator: "-").last.flatMap { Int($0) } }
            #expect(numbers == Array(1...orders.count), "\(id)")
        }
    }
}
