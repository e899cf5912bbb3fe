import EarnedDomain
import Foundation

extension DemoBusiness {
    /// Plants `groundTruth.failedPromiseEffect` and `lateReplyEffect` in a batch: finds each
    /// customer's first service moment in the promises and contacts their planned purchases bring
    /// (by the domain's rule, `ServiceMoment`, as `earned score` finds it), and for those let down
    /// there keeps each purchase after it with probability `purchaseFactor` and ends the rest at an
    /// extra departure, exponential at rate (`dropoutFactor` − 1) × λp per day. Nothing before the
    /// moment depends on the purchases after it (the service streams of orders run in order, and
    /// the customer's own promises and questions follow the planned purchases), so the moment the
    /// written history shows is the one planted at.
    func plantServiceEffects(_ batch: inout DemoBatch) {
        let history = serviceHistory(for: batch, momentsOnly: true)
        let moments = firstServiceMoments(in: history)

        var orders: [Order] = []
        orders.reserveCapacity(batch.orders.count)
        var start = batch.orders.startIndex
        for (offset, customer) in batch.customers.enumerated() {
            var end = start
            while end < batch.orders.endIndex, batch.orders[end].customerID == customer.id { end += 1 }
            var own = Array(batch.orders[start..<end])
            start = end
            let first = moments.first(of: customer.id)
            var truth = batch.truths[offset]
            truth.serviceMoment = first?.moment
            truth.serviceMomentIsContact = first?.isContact ?? false
            if let moment = first?.moment, moment.failed {
                let effect =
                    truth.serviceMomentIsContact ? groundTruth.lateReplyEffect : groundTruth.failedPromiseEffect
                var random = serviceRandom(.serviceEffect, index: batch.range.lowerBound + offset)
                let extra = (effect.dropoutFactor - 1) * truth.purchaseRate * truth.dropoutProbability
                let departure =
                    extra > 0 ? moment.at.addingTimeInterval(random.exponential(rate: extra) * 86_400) : .distantFuture
                let before = own.count
                own = own.filter { order in
                    order.placedAt <= moment.at
                        || (order.placedAt < departure && random.chance(effect.purchaseFactor))
                }
                if own.count < before {
                    for number in own.indices {
                        own[number].externalID = Self.orderExternalID(
                            customer: customer.externalID ?? "", number: number)
                    }
                }
                if truth.droppedOutAt != nil || departure < now { truth.droppedOutAt = own.last?.placedAt }
            }
            batch.truths[offset] = truth
            orders += own
        }
        batch.orders = orders
    }

    /// The first service moments in a history, its contacts judged by the reply targets the demo
    /// business keeps (the defaults), as `earned score` judges them.
    func firstServiceMoments(in history: DemoServiceHistory) -> FirstServiceMoments {
        let rules = ServiceRules.standard
        return FirstServiceMoments(promises: history.promises, contacts: history.contacts, now: now) { c in
            location(c.locationID).map { rules.replyClock(for: $0).status(of: c, now: now).firstResponse.state }
        }
    }
}
