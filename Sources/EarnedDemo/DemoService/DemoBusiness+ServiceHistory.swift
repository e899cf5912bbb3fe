import EarnedDomain
import Foundation

extension DemoBusiness {
    /// The service history of one batch of customers: their after-sale tasks (planned by
    /// `FollowUpPlanner` with the scheduler's keys, closed with outcomes unless due in the last
    /// `openTaskWindow`), the cases the problems found opened, promises, inbound contacts,
    /// their part in the incidents, greetings and referrals.
    ///
    /// Deterministic: each customer's history depends only on the seed, its position and its
    /// own data, so the same seed gives the same history however the customers are batched (the
    /// parts of consecutive batches, appended, equal the part of the whole). Referrals look at
    /// other customers, made on demand when they lie outside the batch.
    public func serviceHistory(for batch: DemoBatch) -> DemoServiceHistory {
        serviceHistory(for: batch, momentsOnly: false)
    }

    /// The service history of a batch; with `momentsOnly`, only the parts that hold promises and
    /// contacts (after-sale cases, promises, contacts, incidents), which is what the first service
    /// moments are found in (`plantServiceEffects`).
    func serviceHistory(for batch: DemoBatch, momentsOnly: Bool) -> DemoServiceHistory {
        let context = serviceContext()
        var log = DemoServiceLog()
        var slices: [ArraySlice<Order>] = []
        slices.reserveCapacity(batch.customers.count)
        var start = batch.orders.startIndex
        for customer in batch.customers {
            var end = start
            while end < batch.orders.endIndex, batch.orders[end].customerID == customer.id { end += 1 }
            slices.append(batch.orders[start..<end])
            start = end
        }

        // After-sale first: the satisfied customers asked for a referral are the referrers.
        var steps: [[DemoAfterSaleStep]] = []
        var sources: [Int: DemoReferralSource] = [:]
        for (offset, customer) in batch.customers.enumerated() {
            let index = batch.range.lowerBound + offset
            let result = afterSaleSteps(index: index, customer: customer, orders: slices[offset], context: context)
            log.history.refusedSteps += result.refused
            steps.append(result.steps)
            sources[index] = Self.referralSource(customer, steps: result.steps)
        }

        for (offset, customer) in batch.customers.enumerated() {
            let index = batch.range.lowerBound + offset
            let orders = slices[offset]
            let touches = recordAfterSale(steps[offset], index: index, customer: customer, context: context, log: &log)
            let truth = batch.truths[offset]
            promiseHistory(index: index, customer: customer, orders: orders, truth: truth, context: context, log: &log)
            contactHistory(index: index, customer: customer, orders: orders, truth: truth, context: context, log: &log)
            incidentHistory(index: index, customer: customer, orders: orders, context: context, log: &log)
            guard !momentsOnly else { continue }
            greetingHistory(
                index: index, customer: customer, orders: orders, touches: touches, context: context, log: &log)
            referralHistory(
                index: index, customer: customer, orders: orders, context: context, cache: &sources, log: &log)
        }
        return log.history
    }

    /// The part of the service history that belongs to no batch: the incidents themselves
    /// (their affected customers' outreach is in each batch's `outreach`), and calls and reviews
    /// from people not on file. Deterministic for the seed.
    public func businessServiceHistory() -> DemoServiceHistory {
        let context = serviceContext()
        var log = DemoServiceLog()
        log.history.incidents = context.incidents.map(\.incident)
        var random = serviceRandom(.business, index: 1)
        let from = now.addingTimeInterval(-Double(Self.historyDays) * 86_400)
        for site in sites {
            let language = context.language(site)
            let scaled = Double(max(1, scale)) * Double(site.spec.customerShare) / 0.45
            for review in [false, true] {
                for _ in 0..<random.poisson(mean: (review ? 25 : 60) * scaled) {
                    let instant = from.addingTimeInterval((random.uniform() * now.timeIntervalSince(from)).rounded())
                    let channel: InboundContact.Channel = review ? .review : .call
                    let receivedAt = arrival(instant, channel: channel, site: site, context: context, random: &random)
                    guard receivedAt < now else { continue }
                    let bad = review && random.chance(0.3)
                    let subjects =
                        review
                        ? (bad ? DemoServiceCatalog.badReviews : DemoServiceCatalog.goodReviews)
                        : DemoServiceCatalog.strangerCalls
                    let digits = Self.padded(random.int(0..<1_000_000_000), width: 9)
                    let seed = DemoContactSeed(
                        id: ContactID(random.uuid()), customer: nil, channel: channel,
                        priority: bad ? .high : (review ? .low : .normal), site: site, receivedAt: receivedAt,
                        subject: random.pick(subjects.list(language)),
                        ownerID: review
                            ? context.manager(site) : context.seller(at: receivedAt, site: site, using: &random),
                        fromAddress: review ? nil : (site.spec.isRussian ? "+79" : "+4915") + digits,
                        settledAtOnce: random.chance(review ? 0.5 : 0.7))
                    recordContact(seed, context: context, random: &random, log: &log)
                }
            }
        }
        return log.history
    }

    /// Turns one customer's after-sale steps into tasks, touches and structured outcomes, and
    /// opens a case for each problem found, as recording the outcome on Today does: owned by
    /// whoever made the contact, linked to the order. Returns the customer's touches.
    func recordAfterSale(
        _ steps: [DemoAfterSaleStep], index: Int, customer: Customer, context: DemoServiceContext,
        log: inout DemoServiceLog
    ) -> [DemoTouch] {
        var random = serviceRandom(.cases, index: index)
        var touches: [DemoTouch] = []
        for step in steps {
            let plan = step.planned
            let order = step.order
            let site = context.site(order.locationID)
            var task = ServiceTask(
                id: step.taskID, key: plan.taskKey, kind: plan.step == .handover ? .handover : .followUp,
                assigneeID: plan.ownerID, locationID: order.locationID, customerID: customer.id,
                subject: .init(kind: .order, id: order.id.rawValue), dueAt: plan.dueAt, channel: plan.channel,
                text: plan.step.key, createdAt: plan.dueAt, updatedAt: plan.dueAt)
            defer { log.history.tasks.append(task) }
            guard let at = step.closedAt, let by = step.closedByID else { continue }
            switch step.state {
            case .open:
                continue
            case .skipped(let words):
                _ = log.step { () throws(DomainError) in try task.close(as: .skipped, outcome: words, by: by, at: at) }
            case .done(let outcome):
                let language = context.language(site)
                let words = log.summaries[language, default: [:]][outcome] ?? Self.summary(outcome, language: language)
                log.summaries[language, default: [:]][outcome] = words
                guard log.step({ () throws(DomainError) in try task.close(as: .done, outcome: words, by: by, at: at) })
                else { continue }
                var caseID: CaseID?
                if let problem = outcome.problem {
                    let id = CaseID(random.uuid())
                    let topic: DemoCaseTopic =
                        Self.isService(order)
                        ? .service
                        : (DemoServiceCatalog.goodsProblems.list(context.language(site)).firstIndex(of: problem) == 2
                            ? .delivery : .product)
                    let seed = DemoCaseSeed(
                        id: id, customer: customer, site: site, openedAt: at, source: .followUp,
                        link: order.id.rawValue, title: problem, ownerID: by, openedByID: by, topic: topic, order: order
                    )
                    recordCase(seed, context: context, random: &random, log: &log)
                    caseID = id
                }
                log.history.followUps.append(
                    DemoFollowUp(
                        taskKey: plan.taskKey, orderID: order.id, customerID: customer.id, step: plan.step, staffID: by,
                        at: at, outcome: outcome, caseID: caseID))
                if step.touched, let channel = plan.channel {
                    touches.append(
                        DemoTouch(
                            customerID: customer.id, touch: Touch(at: at, kind: .followUp), channel: channel,
                            taskKey: plan.taskKey))
                }
            }
        }
        log.history.touches += touches
        return touches
    }
}
