import EarnedDomain
import Foundation

extension DemoBusiness {
    /// Opens a case and lives it out up to `now` through its own transitions: a first reply;
    /// for some a handoff to the repair desk or the couriers and back (the owner stays
    /// accountable); now and then a transfer of ownership with a reason, or a wait on the
    /// customer; a corrective action with its cost; the resolution; the customer's confirmation
    /// for most, and a reopening for a few.
    func recordCase(
        _ seed: DemoCaseSeed, context: DemoServiceContext, random: inout SeededGenerator, log: inout DemoServiceLog
    ) {
        let site = seed.site
        let language = context.language(site)
        let draft = ServiceCaseDraft(
            customerID: seed.customer.id, locationID: site.location.id,
            title: String(seed.title.prefix(ServiceCase.titleLimit)), detail: seed.title, source: seed.source,
            link: seed.link, ownerID: seed.ownerID, department: DemoBusiness.Department.sales, holderID: seed.ownerID,
            priority: seed.priority, openedAt: seed.openedAt, openedByID: seed.openedByID,
            acceptedOnCustomersWord: random.chance(seed.topic == .conduct ? 0.7 : 0.4))
        let id = seed.id
        let openedAt = seed.openedAt
        guard var serviceCase = log.make({ () throws(DomainError) in try draft.validated(id: id, now: openedAt) })
        else { return }
        defer { log.history.cases.append(serviceCase) }

        var t = seed.openedAt
        var owner = seed.ownerID
        /// Moves the case's clock on by open time; false once it passes `now`.
        func work(_ seconds: Double) -> Bool {
            t = context.addingOpenTime(seconds.rounded(), to: t, at: site)
            return t <= now
        }
        /// Moves it on by calendar time (the customer's pace).
        func wait(_ seconds: Double) -> Bool {
            t = t.addingTimeInterval(seconds.rounded())
            return t <= now
        }
        func act(_ kind: CorrectiveAction.Kind, by staff: StaffID) {
            let action = correctiveAction(
                kind, order: seed.order, site: site, at: t, by: staff, language: language,
                fullRefund: seed.topic == .billing)
            _ = log.step { () throws(DomainError) in try serviceCase.addAction(action) }
        }

        guard work(60 * min(240, 5 + random.logNormal(mu: Self.ln(35), sigma: 0.9))) else { return }
        _ = log.step { () throws(DomainError) in try serviceCase.respond(at: t, by: owner) }
        // Answered, then forgotten: the overdue cases a manager's list exists to find.
        guard !Self.stalls(seed, now: now) else { return }

        var acted = false
        let handoff: (department: String, staff: StaffID)? =
            switch seed.topic {
            case .product, .service:
                random.chance(0.5) ? (DemoBusiness.Department.service, context.servicer(site)) : nil
            case .delivery: random.chance(0.6) ? (DemoBusiness.Department.delivery, context.courier(site)) : nil
            case .conduct, .billing: nil
            }
        if let handoff {
            guard work(Double(random.int(10..<60) * 60)) else { return }
            let handedAt = t
            _ = log.step { () throws(DomainError) in
                try serviceCase.handOff(toDepartment: handoff.department, staff: handoff.staff, by: owner, at: t)
            }
            let kind: CorrectiveAction.Kind =
                switch seed.topic {
                case .delivery: random.chance(0.5) ? .replace : .other
                case .product: random.chance(0.4) ? .replace : .repair
                default: .repair
                }
            let duration = 3600 * min(72, random.logNormal(mu: Self.ln(8), sigma: 0.9))
            if random.chance(0.6) {
                // The owner tells the customer when it will be ready, and is held to it.
                let done = context.addingOpenTime(duration, to: handedAt, at: site)
                let promised = context.addingOpenTime(duration * random.uniform(0.8..<1.6), to: handedAt, at: site)
                let due = Date(timeIntervalSince1970: (promised.timeIntervalSince1970 / 1800).rounded(.up) * 1800)
                let draft = PromiseDraft(
                    customerID: seed.customer.id, kind: kind == .repair ? .repairReady : .delivery,
                    text: DemoServiceCatalog.casePromise.text(seed.customer.language) + seed.title, ownerID: owner,
                    locationID: site.location.id, createdByID: owner,
                    link: Promise.Link(kind: .serviceCase, id: seed.id.rawValue), dueAt: due)
                if let promise = recordPromise(draft, at: handedAt, fate: .kept(at: done), random: &random, log: &log) {
                    log.history.promises.append(promise)
                }
            }
            guard work(duration) else { return }
            act(kind, by: handoff.staff)
            acted = true
            guard work(Double(random.int(10..<90) * 60)) else { return }
            _ = log.step { () throws(DomainError) in
                try serviceCase.handOff(
                    toDepartment: DemoBusiness.Department.sales, staff: owner, by: handoff.staff, at: t)
            }
        }

        if random.chance(0.07) {
            guard work(Double(random.int(1...6) * 3600)) else { return }
            let manager = context.manager(site)
            let next = owner == manager ? context.seller(at: t, site: site, using: &random) : manager
            let reason = random.pick(DemoServiceCatalog.transferReasons.list(language))
            if next != owner,
                log.step({ () throws(DomainError) in
                    try serviceCase.transferOwnership(to: next, reason: reason, by: manager, at: t)
                })
            {
                owner = next
            }
        }

        if random.chance(0.15) {
            guard work(1800) else { return }
            _ = log.step { () throws(DomainError) in try serviceCase.startWaiting(at: t, by: owner) }
            guard wait(3600 * min(96, random.logNormal(mu: Self.ln(10), sigma: 1))) else { return }
            _ = log.step { () throws(DomainError) in try serviceCase.endWaiting(at: t) }
        }

        if !acted {
            guard work(3600 * min(24, random.logNormal(mu: Self.ln(2), sigma: 0.9))) else { return }
            act(actionKind(seed.topic, random: &random), by: owner)
        }
        guard work(Double(random.int(10..<120) * 60)) else { return }
        _ = log.step { () throws(DomainError) in try serviceCase.resolve(at: t, by: owner) }

        if random.chance(0.07) {
            guard wait(Double(random.int(1...7) * 86_400 + random.int(0..<8 * 3600))) else { return }
            let reason = random.pick(DemoServiceCatalog.reopenReasons.list(language))
            _ = log.step { () throws(DomainError) in try serviceCase.reopen(reason: reason, at: t) }
            guard work(3600 * min(48, random.logNormal(mu: Self.ln(6), sigma: 0.8))) else { return }
            act(seed.topic == .service || seed.topic == .product ? .repair : .apologise, by: owner)
            guard work(Double(random.int(10..<120) * 60)) else { return }
            _ = log.step { () throws(DomainError) in try serviceCase.resolve(at: t, by: owner) }
        }

        guard random.chance(0.9), wait(3600 * min(120, random.logNormal(mu: Self.ln(20), sigma: 0.9))) else { return }
        let confirmedBy: StaffID? = random.chance(0.5) ? nil : owner
        _ = log.step { () throws(DomainError) in try serviceCase.confirm(at: t, by: confirmedBy) }
    }

    /// Whether a case is answered and then left: about half of those opened in
    /// `stalledCaseWindow` days ago, chosen by its id (no draw, so no other case changes), so every
    /// demo has cases past their resolution target on the overdue list.
    static func stalls(_ seed: DemoCaseSeed, now: Date) -> Bool {
        let age = now.timeIntervalSince(seed.openedAt) / 86_400
        return stalledCaseWindow.contains(age) && seed.id.rawValue.uuid.15 % 2 == 0
    }

    /// How many days ago a case opened for it to be among the forgotten ones: long enough ago that
    /// the standard two-day resolution target, counted in open hours, has passed.
    static let stalledCaseWindow: ClosedRange<Double> = 8...40

    /// What puts a problem of this topic right.
    func actionKind(_ topic: DemoCaseTopic, random: inout SeededGenerator) -> CorrectiveAction.Kind {
        let (kinds, weights): ([CorrectiveAction.Kind], [Double]) =
            switch topic {
            case .product: ([.replace, .repair, .explain, .refund], [0.45, 0.2, 0.25, 0.1])
            case .service: ([.repair, .refund, .apologise], [0.75, 0.1, 0.15])
            case .delivery: ([.apologise, .other, .replace], [0.5, 0.3, 0.2])
            case .conduct: ([.apologise, .other], [0.8, 0.2])
            case .billing: ([.refund], [1])
            }
        return kinds[random.index(weights: weights)]
    }

    /// A corrective action with what it cost the business: a replacement the order's price, a
    /// repair a workshop's rate, a refund part of the price (all of it for money taken
    /// wrongly, `fullRefund`), a small gift a bag of beans, words nothing.
    func correctiveAction(
        _ kind: CorrectiveAction.Kind, order: Order?, site: DemoSite, at: Date, by staff: StaffID, language: String,
        fullRefund: Bool = false
    ) -> CorrectiveAction {
        let currency = order?.amount.currency ?? site.spec.currency
        let rub = currency == "RUB"
        let price = min(order?.amount.minorUnits ?? (rub ? 350_000 : 4_000), OrderDraft.amountLimit)
        // A stable cost per case: derived from the price, not drawn, so it reads as a rate card.
        let cost: Int64 =
            switch kind {
            case .replace: price
            case .repair: rub ? 150_000 + (price / 10) % 450_000 / 100 * 100 : 2_000 + (price / 10) % 6_000 / 100 * 100
            case .refund: fullRefund ? price : max(100, price / 5 / 100 * 100)
            case .other: rub ? 60_000 : 900
            case .explain, .apologise: 0
            }
        return CorrectiveAction(
            kind: kind, costMinorUnits: cost, currency: currency,
            note: DemoServiceCatalog.actionNotes[kind]?.text(language), at: at, byID: staff)
    }
}
