import EarnedDomain
import Foundation

extension DemoBusiness {
    /// The reply targets of the demo business: the defaults.
    static let replyTargets = ReplyTargets.standard
    /// The chance that a first reply misses its target, where no weakness applies.
    static let firstReplyBreachRate = 0.07
    /// The chance that a resolution misses its target, where no weakness applies.
    static let resolutionBreachRate = 0.08

    /// Records an inbound contact and lives it out up to `now`: the first reply and the
    /// resolution fall within their targets (counted in the location's open time) or beyond
    /// them — beyond them `lastHourReplyBreachFactor` times as often for contacts that come in
    /// during the last hour before closing; some wait on the customer between the two. Returns
    /// the contact as it stands at `now` (nil when the domain refused it).
    @discardableResult
    func recordContact(
        _ seed: DemoContactSeed, context: DemoServiceContext, random: inout SeededGenerator, log: inout DemoServiceLog
    ) -> InboundContact? {
        let site = seed.site
        let calendar = context.calendar(site)
        let target = Self.replyTargets.target(for: seed.channel, priority: seed.priority)
        let beforeClosing = context.minutesBeforeClosing(seed.receivedAt, at: site)
        let factor = beforeClosing > 0 && beforeClosing <= 60 ? Self.lastHourReplyBreachFactor : 1
        func ratio(_ breachRate: Double) -> Double {
            random.chance(min(0.6, breachRate * factor))
                ? 1.05 + random.logNormal(mu: Self.ln(0.5), sigma: 0.8) : 0.02 + 0.93 * pow(random.uniform(), 1.6)
        }
        let firstSeconds = (target.firstResponse * ratio(Self.firstReplyBreachRate)).rounded()
        let draft = InboundContactDraft(
            channel: seed.channel, priority: seed.priority, customerID: seed.customer?.id,
            locationID: site.location.id, receivedAt: seed.receivedAt,
            subject: String(seed.subject.prefix(InboundContactDraft.subjectLimit)), fromAddress: seed.fromAddress,
            ownerID: seed.ownerID, caseID: seed.caseID)
        guard
            var contact = log.make({ () throws(DomainError) in
                try draft.validated(id: seed.id, now: seed.receivedAt)
            })
        else { return nil }
        defer { log.history.contacts.append(contact) }

        guard let firstAt = calendar.adding(firstSeconds, to: seed.receivedAt), firstAt <= now else { return contact }
        _ = log.step { () throws(DomainError) in try contact.respond(at: firstAt) }
        if seed.settledAtOnce {
            _ = log.step { () throws(DomainError) in try contact.resolve(at: firstAt) }
            return contact
        }

        var pauses: [DateInterval] = []
        let waitChance: Double =
            switch seed.channel {
            case .email, .messenger, .chat: 0.2
            case .call, .visit: 0.08
            case .review: 0.05
            }
        // Of the last week's contacts more are still waiting: customers take their time to answer.
        let recent = seed.receivedAt > now.addingTimeInterval(-7 * 86_400)
        if random.chance(recent ? 2 * waitChance : waitChance) {
            let since = firstAt.addingTimeInterval(Double(random.int(120..<1800)))
            guard since <= now else { return contact }
            _ = log.step { () throws(DomainError) in try contact.startWaiting(at: since) }
            let hours = min(recent ? 240 : 96, random.logNormal(mu: Self.ln(recent ? 30 : 8), sigma: 1))
            let until = since.addingTimeInterval((3600 * hours).rounded())
            guard until <= now else { return contact }
            _ = log.step { () throws(DomainError) in try contact.endWaiting(at: until) }
            pauses.append(DateInterval(start: since, end: until))
        }
        let resolutionSeconds = max(
            firstSeconds + 600, (target.resolution * ratio(Self.resolutionBreachRate)).rounded())
        guard var resolvedAt = calendar.adding(resolutionSeconds, to: seed.receivedAt, excluding: pauses) else {
            return contact
        }
        if let last = pauses.last, resolvedAt < last.end { resolvedAt = last.end.addingTimeInterval(600) }
        guard resolvedAt <= now else { return contact }
        _ = log.step { () throws(DomainError) in try contact.resolve(at: resolvedAt) }
        return contact
    }

    /// The instant a customer's contact on `channel` arrives, near `instant`: calls and visits
    /// within opening hours (the next opening when closed), messages at any time.
    func arrival(
        _ instant: Date, channel: InboundContact.Channel, site: DemoSite, context: DemoServiceContext,
        random: inout SeededGenerator
    ) -> Date {
        guard channel == .call || channel == .visit, !context.calendar(site).isOpen(at: instant) else { return instant }
        let opening = context.openOrNext(instant, at: site)
        let later = opening.addingTimeInterval(Double(random.int(0..<90 * 60)))
        return context.calendar(site).isOpen(at: later) ? later : opening
    }

    /// The customer's own address on a channel, as the contact shows it.
    static func fromAddress(_ customer: Customer?, channel: InboundContact.Channel) -> String? {
        guard let customer else { return nil }
        switch channel {
        case .call: return customer.phones.first
        case .email: return customer.emails.first
        case .messenger, .chat: return customer.contacts.first { $0.channel == .messenger }?.value
        case .review, .visit: return nil
        }
    }

    static let questionChannels: [InboundContact.Channel] = [.call, .email, .chat, .messenger, .visit]
    static let questionChannelWeights = [0.35, 0.15, 0.12, 0.2, 0.18]
    static let priorities: [Priority] = [.low, .normal, .high, .urgent]

    /// One customer's inbound contacts: "where is my order?" for some late deliveries, questions
    /// about orders, complaints and reviews (the bad ones open cases), and questions of their
    /// own while they are active; some answered by a callback promise.
    func contactHistory(
        index: Int, customer: Customer, orders: ArraySlice<Order>, truth: DemoCustomerTruth,
        context: DemoServiceContext, log: inout DemoServiceLog
    ) {
        let isLead = truth.isLead
        var random = serviceRandom(.contacts, index: index)
        let language = customer.language
        func contact(
            _ channel: InboundContact.Channel, at instant: Date, site: DemoSite, subject: String, owner: StaffID,
            priority: Priority, settledAtOnce: Bool, caseSeed: DemoCaseSeed? = nil
        ) {
            let receivedAt = arrival(instant, channel: channel, site: site, context: context, random: &random)
            guard receivedAt < now else { return }
            let id = ContactID(random.uuid())
            var caseSeed = caseSeed
            caseSeed?.openedAt = receivedAt.addingTimeInterval(Double(random.int(120..<900)))
            caseSeed?.link = id.rawValue
            if let opened = caseSeed?.openedAt, opened > now { caseSeed = nil }
            let seed = DemoContactSeed(
                id: id, customer: customer, channel: channel, priority: priority, site: site, receivedAt: receivedAt,
                subject: subject, ownerID: owner, caseID: caseSeed?.id,
                fromAddress: Self.fromAddress(customer, channel: channel), settledAtOnce: settledAtOnce)
            guard let recorded = recordContact(seed, context: context, random: &random, log: &log) else { return }
            if let caseSeed { recordCase(caseSeed, context: context, random: &random, log: &log) }
            // A question that needs finding out gets a callback promise.
            if caseSeed == nil, !settledAtOnce, channel != .review, let firstAt = recorded.firstResponseAt,
                random.chance(0.25)
            {
                let due = context.addingOpenTime(Double(random.int(1...4) * 3600), to: firstAt, at: site)
                let fate = promiseFate(
                    createdAt: firstAt, due: due, weak: isWeakPromiseSlot(due, at: site, context: context),
                    customer: customer, language: context.language(site), random: &random)
                let draft = PromiseDraft(
                    customerID: customer.id, kind: .callback,
                    text: random.pick(DemoServiceCatalog.callbacks.list(language)), ownerID: owner,
                    locationID: site.location.id, createdByID: owner,
                    link: Promise.Link(kind: .contact, id: id.rawValue), dueAt: due)
                if let promise = recordPromise(draft, at: firstAt, fate: fate, random: &random, log: &log) {
                    log.history.promises.append(promise)
                }
            }
        }
        func priority(serious: Bool) -> Priority {
            Self.priorities[random.index(weights: serious ? [0, 0.35, 0.5, 0.15] : [0.1, 0.65, 0.2, 0.05])]
        }
        let hasMessenger = customer.contacts.contains { $0.channel == .messenger }

        for order in orders {
            let site = context.site(order.locationID)
            let seller = order.sellerID ?? context.manager(site)
            if let promised = order.promisedAt, let delivered = order.deliveredAt,
                delivered.timeIntervalSince(promised) > 900, random.chance(0.35)
            {
                let at = promised.addingTimeInterval(
                    random.uniform(600..<min(3 * 3600, delivered.timeIntervalSince(promised))).rounded())
                contact(
                    hasMessenger && random.chance(0.4) ? .messenger : .call, at: at, site: site,
                    subject: random.pick(DemoServiceCatalog.whereIsMyOrder.list(language)), owner: seller,
                    priority: .high, settledAtOnce: random.chance(0.6))
            }
            if random.chance(0.045) {
                let channel = Self.questionChannels[random.index(weights: Self.questionChannelWeights)]
                let at = order.placedAt.addingTimeInterval(random.uniform(1800..<20 * 86_400).rounded())
                contact(
                    channel, at: at, site: site, subject: random.pick(DemoServiceCatalog.orderQuestions.list(language)),
                    owner: seller, priority: priority(serious: false), settledAtOnce: random.chance(0.5))
            }
            if random.chance(0.005) {
                let channel = [InboundContact.Channel.call, .email, .visit, .messenger][random.int(0..<4)]
                let at = (order.deliveredAt ?? order.placedAt).addingTimeInterval(
                    random.uniform(3600..<14 * 86_400).rounded())
                let pick = random.int(0..<DemoServiceCatalog.complaints.ru.count)
                let topics: [DemoCaseTopic] = [.product, .delivery, .conduct, .product, .service, .billing]
                let subject = DemoServiceCatalog.complaints.list(language)[pick]
                let seed = DemoCaseSeed(
                    id: CaseID(random.uuid()), customer: customer, site: site, openedAt: at, source: .complaint,
                    title: DemoServiceCatalog.complaints.list(context.language(site))[pick], ownerID: seller,
                    openedByID: seller, priority: .high, topic: topics[pick], order: order)
                contact(
                    channel, at: at, site: site, subject: subject, owner: seller, priority: priority(serious: true),
                    settledAtOnce: false, caseSeed: seed)
            }
            if random.chance(0.004) {
                let at = (order.deliveredAt ?? order.placedAt).addingTimeInterval(
                    random.uniform(3600..<5 * 86_400).rounded())
                let manager = context.manager(site)
                if random.chance(order.deliveredLate == true ? 0.7 : 0.35) {
                    let pick = random.int(0..<DemoServiceCatalog.badReviews.ru.count)
                    let topics: [DemoCaseTopic] = [.delivery, .conduct, .product]
                    let seed = DemoCaseSeed(
                        id: CaseID(random.uuid()), customer: customer, site: site, openedAt: at, source: .complaint,
                        title: DemoServiceCatalog.badReviews.list(context.language(site))[pick], ownerID: manager,
                        openedByID: manager, priority: .high, topic: topics[pick], order: order)
                    contact(
                        .review, at: at, site: site, subject: DemoServiceCatalog.badReviews.list(language)[pick],
                        owner: manager, priority: .high, settledAtOnce: false, caseSeed: seed)
                } else {
                    contact(
                        .review, at: at, site: site,
                        subject: random.pick(DemoServiceCatalog.goodReviews.list(language)),
                        owner: manager, priority: .low, settledAtOnce: random.chance(0.7))
                }
            }
        }

        // Questions of their own, over the customer's planned activity on a stream of their own
        // (see `promiseHistory`).
        random = serviceRandom(.ownQuestions, index: index)
        let home = context.site(customer.homeLocationID)
        let end = min(now, (truth.plannedLastOrderAt ?? customer.createdAt).addingTimeInterval(60 * 86_400))
        guard end > customer.createdAt else { return }
        for _ in 0..<random.poisson(mean: isLead ? 0.5 : 0.1) {
            let channel = Self.questionChannels[random.index(weights: Self.questionChannelWeights)]
            let at = customer.createdAt.addingTimeInterval(
                (random.uniform() * end.timeIntervalSince(customer.createdAt)).rounded())
            let owner = context.owner(of: customer, at: at, site: home, using: &random)
            contact(
                channel, at: at, site: home, subject: random.pick(DemoServiceCatalog.generalQuestions.list(language)),
                owner: owner, priority: priority(serious: false), settledAtOnce: random.chance(0.55))
        }
    }
}
