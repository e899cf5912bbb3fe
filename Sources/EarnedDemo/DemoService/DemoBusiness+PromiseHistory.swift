import EarnedDomain
import Foundation

extension DemoBusiness {
    /// When promise owners are reminded: the defaults.
    static let promiseReminders = PromiseReminderPolicy()
    /// The share of order promises that staff record as promises of their own.
    static let recordedOrderPromiseShare = 0.3

    /// Records a promise made at `createdAt` and lives out its fate up to `now`. Owners were
    /// reminded of past due times (so the scheduler does not remind them again); an open
    /// promise is left for the scheduler to remind.
    func recordPromise(
        _ draft: PromiseDraft, at createdAt: Date, fate: DemoPromiseFate, random: inout SeededGenerator,
        log: inout DemoServiceLog
    ) -> Promise? {
        let id = PromiseID(random.uuid())
        var draft = draft
        draft.text = draft.text.map { String($0.prefix(Promise.textLimit)) }
        guard var promise = log.make({ () throws(DomainError) in try draft.validated(id: id, now: createdAt) }) else {
            return nil
        }
        func remind(before limit: Date, notBefore floor: Date) {
            guard promise.reminderSentAt == nil else { return }
            let at = max(floor, Self.promiseReminders.reminderAt(for: promise))
            if at < limit, at <= now { promise.markReminderSent(at: at) }
        }
        switch fate {
        case .open:
            break
        case .kept(let at):
            remind(before: at, notBefore: createdAt)
            if at <= now { _ = log.step { () throws(DomainError) in try promise.keep(at: at) } }
        case .broken(let at, let reason):
            remind(before: at, notBefore: createdAt)
            if at <= now {
                _ = log.step { () throws(DomainError) in try promise.markBroken(at: at, reason: reason) }
            }
        case .renegotiated(let at, let to, let via, let note, let keptAt):
            remind(before: at, notBefore: createdAt)
            guard at <= now,
                log.step({ () throws(DomainError) in
                    try promise.renegotiate(to: to, at: at, toldVia: via, note: note)
                })
            else { break }
            remind(before: keptAt, notBefore: at)
            if keptAt <= now { _ = log.step { () throws(DomainError) in try promise.keep(at: keptAt) } }
        }
        return promise
    }

    /// Whether a due time falls in Yekaterinburg's evening shift (the planted promise weakness).
    func isWeakPromiseSlot(_ due: Date, at site: DemoSite, context: DemoServiceContext) -> Bool {
        site.index == 1 && context.shiftName(due, at: site) == site.eveningShift
    }

    /// The fate of a promise made by staff (not one tied to an order's delivery): mostly kept on
    /// time, some late, some renegotiated in time, some broken; in the weak slot broken and late
    /// ones are `eveningPromiseSlipFactor` times as likely and fewer are moved in time.
    func promiseFate(
        createdAt: Date, due: Date, weak: Bool, customer: Customer, language: String, random: inout SeededGenerator
    ) -> DemoPromiseFate {
        let slip = weak ? Self.eveningPromiseSlipFactor : 1
        let lead = due.timeIntervalSince(createdAt)
        let u = random.uniform()
        var edge = 0.04 * slip
        if u < edge {
            let at = due.addingTimeInterval(Double(random.int(3600..<20 * 3600)))
            return .broken(at: at, reason: random.pick(DemoServiceCatalog.brokenReasons.list(language)))
        }
        edge += 0.08 * slip
        if u < edge {
            let minutes = min(36 * 60, 10 + random.logNormal(mu: Self.ln(110), sigma: 0.9))
            return .kept(at: due.addingTimeInterval((minutes * 60).rounded()))
        }
        edge += weak ? 0.03 : 0.07
        if u < edge, lead > 2 * 3600 {
            // Moved before it fell due, the customer told (now and then nobody told them).
            let at = max(
                createdAt.addingTimeInterval(600), due.addingTimeInterval(-random.uniform(3600..<min(lead, 86_400))))
            let to = due.addingTimeInterval(Double(random.int(1...3) * 86_400))
            let via: ContactChannel? = random.chance(0.9) ? (customer.phones.isEmpty ? .email : .phone) : nil
            let keptAt = to.addingTimeInterval(-random.uniform(0..<7200).rounded())
            return .renegotiated(
                at: at, to: to, via: via, note: random.pick(DemoServiceCatalog.renegotiationNotes.list(language)),
                keptAt: keptAt)
        }
        edge += 0.015
        if u < edge {
            // Moved only after it fell due: the customer was told, but it still counts late.
            let at = due.addingTimeInterval(Double(random.int(3600..<6 * 3600)))
            let to = at.addingTimeInterval(86_400)
            return .renegotiated(
                at: at, to: to, via: .phone, note: random.pick(DemoServiceCatalog.renegotiationNotes.list(language)),
                keptAt: to.addingTimeInterval(-random.uniform(0..<7200).rounded()))
        }
        let early = random.uniform(0..<min(6 * 3600, max(60, lead - 60)))
        return .kept(at: due.addingTimeInterval(-early.rounded()))
    }

    /// One customer's promises: the delivery or repair promises staff recorded for some of their
    /// orders (kept when the order was delivered, moved in time for some late ones), and the
    /// callbacks, meetings, quotes and other promises made to them while they were active.
    func promiseHistory(
        index: Int, customer: Customer, orders: ArraySlice<Order>, truth: DemoCustomerTruth,
        context: DemoServiceContext, log: inout DemoServiceLog
    ) {
        var random = serviceRandom(.promises, index: index)
        let language = customer.language
        for order in orders {
            guard let promisedAt = order.promisedAt, random.chance(Self.recordedOrderPromiseShare) else { continue }
            let site = context.site(order.locationID)
            let service = Self.isService(order)
            // The kind ("Доставка", "Готовность работ") is said by the promise's kind; the text
            // names only what was ordered.
            let draft = PromiseDraft(
                customerID: customer.id, kind: service ? .repairReady : .delivery,
                text: order.itemsSummary ?? "",
                ownerID: order.sellerID ?? context.manager(site),
                locationID: site.location.id, createdByID: order.sellerID, link: .order(order.id), dueAt: promisedAt)
            var fate = DemoPromiseFate.open
            if let delivered = order.deliveredAt {
                fate = .kept(at: delivered)
                let weak = isWeakPromiseSlot(promisedAt, at: site, context: context)
                if delivered > promisedAt, random.chance(weak ? 0.15 : 0.4) {
                    // The courier called ahead with a new time.
                    let at = max(
                        order.placedAt.addingTimeInterval(60),
                        promisedAt.addingTimeInterval(-Double(random.int(20 * 60..<3 * 3600))))
                    let to = Date(
                        timeIntervalSince1970: (delivered.timeIntervalSince1970 / 1800).rounded(.up) * 1800 + 1800)
                    fate = .renegotiated(
                        at: at, to: to, via: customer.phones.isEmpty ? .email : .phone,
                        note: random.pick(DemoServiceCatalog.renegotiationNotes.list(language)), keptAt: delivered)
                }
            }
            if let promise = recordPromise(draft, at: order.placedAt, fate: fate, random: &random, log: &log) {
                log.history.promises.append(promise)
            }
        }

        // Promises of staff's own, spread over the customer's planned activity on a stream of their
        // own: planting the effect of service on the purchases after the first moment (which
        // removes orders) changes none of them.
        random = serviceRandom(.ownPromises, index: index)
        let home = context.site(customer.homeLocationID)
        let lastActive = (truth.plannedLastOrderAt ?? customer.createdAt).addingTimeInterval(120 * 86_400)
        let end = min(now, lastActive)
        guard end > customer.createdAt else { return }
        let mean = (customer.kind == .company ? 0.6 : 0.12) + 0.015 * Double(truth.plannedOrderCount)
        let kinds: [Promise.Kind] = [.callback, .meeting, .quote, .other]
        let weights = customer.kind == .company ? [0.25, 0.2, 0.4, 0.15] : [0.5, 0.1, 0.05, 0.35]
        for _ in 0..<random.poisson(mean: mean) {
            let kind = kinds[random.index(weights: weights)]
            let instant = customer.createdAt.addingTimeInterval(
                random.uniform() * end.timeIntervalSince(customer.createdAt))
            guard let slot = context.slot(instant, at: home),
                let day = home.openDay(after: slot.day - 1, count: 1),
                let createdAt = context.openInstant(day: day, at: home, using: &random), createdAt < now,
                createdAt > customer.createdAt
            else { continue }
            let due: Date?
            switch kind {
            case .callback:
                due = context.addingOpenTime(Double(random.int(1...5) * 3600), to: createdAt, at: home)
            case .meeting, .quote, .other, .delivery, .repairReady:
                let days = kind == .quote ? random.int(1...3) : random.int(1...7)
                due = home.openDay(after: day, count: days).flatMap {
                    context.openInstant(day: $0, at: home, granularity: 30, using: &random)
                }
            }
            guard let due else { continue }
            let texts: DemoServiceCatalog.Phrases =
                switch kind {
                case .callback: DemoServiceCatalog.callbacks
                case .meeting: DemoServiceCatalog.meetings
                case .quote: DemoServiceCatalog.quotes
                default: DemoServiceCatalog.otherPromises
                }
            var owner =
                random.chance(0.6)
                ? context.seller(at: due, site: home, using: &random)
                : context.owner(of: customer, at: due, site: home, using: &random)
            if kind == .quote, customer.kind == .company, random.chance(0.5) { owner = context.manager(home) }
            let fate = promiseFate(
                createdAt: createdAt, due: due, weak: isWeakPromiseSlot(due, at: home, context: context),
                customer: customer, language: context.language(home), random: &random)
            let draft = PromiseDraft(
                customerID: customer.id, kind: kind, text: random.pick(texts.list(language)), ownerID: owner,
                locationID: home.location.id, createdByID: owner, dueAt: due)
            if let promise = recordPromise(draft, at: createdAt, fate: fate, random: &random, log: &log) {
                log.history.promises.append(promise)
            }
        }
    }
}
