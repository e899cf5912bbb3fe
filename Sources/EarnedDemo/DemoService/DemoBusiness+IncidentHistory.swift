import EarnedDomain
import Foundation

extension DemoBusiness {
    /// The channels call-first outreach uses, in the order tried after the preferred one.
    static let outreachChannels: [ContactChannel] = [.phone, .messenger, .sms, .email]

    /// The demo's incidents over the two years, dated back from `now`: a faulty batch of hand
    /// grinders and a stale lot of beans in the Russian shops, a broken courier van in
    /// Yekaterinburg, a moka-pot recall and — found yesterday, still open — a grinder fault in
    /// Berlin, and a card terminal that charged twice in Moscow. Affected customers come from
    /// each incident's scope over the orders; ids from the business's own random stream.
    func incidentPlans() -> [DemoIncidentPlan] {
        var random = serviceRandom(.business, index: 0)
        let today = sites[0].orderDayCount
        func at(_ site: Int, _ daysAgo: Int, _ minute: Int) -> Date {
            sites[site].instant(day: today - daysAgo, minute: minute)
        }
        let (moscow, yekaterinburg, berlin) = (sites[0], sites[1], sites[2])
        struct Spec {
            var site: DemoSite
            var title: String
            var detail: String
            var foundAt: Date
            var reporter: StaffID
            var locationID: LocationID?
            var scope: Incident.Scope
            var closedAfterDays: Int?
            var topic: DemoCaseTopic
            var caseChance: Double
            var subject: DemoServiceCatalog.Phrase
        }
        let specs = [
            Spec(
                site: moscow, title: "Партия ручных кофемолок с дефектом жерновов",
                detail:
                    "Жернова из партии поставщика стираются за несколько недель. Обзвонить покупателей, предложить замену.",
                foundAt: at(0, 560, 11 * 60 + 20), reporter: crews[0].servicers[0], locationID: nil,
                scope: .product(text: "Ручная кофемолка", from: at(0, 620, 0), to: at(0, 561, 23 * 60 + 59)),
                closedAfterDays: 30, topic: .product, caseChance: 0.4,
                subject: .init(ru: "Кофемолка из партии с дефектом", en: "My grinder is from the faulty batch")),
            Spec(
                site: yekaterinburg, title: "Сломался фургон курьера: доставки задерживаются на день",
                detail: "Фургон в ремонте; доставки заказов за два дня переносятся на следующий день.",
                foundAt: at(1, 420, 9 * 60 + 15), reporter: couriers()[1], locationID: yekaterinburg.location.id,
                scope: .location(id: yekaterinburg.location.id, from: at(1, 422, 0), to: at(1, 420, 9 * 60)),
                closedAfterDays: 5, topic: .delivery, caseChance: 0.15,
                subject: .init(ru: "Когда привезут заказ?", en: "When will my order arrive?")),
            Spec(
                site: berlin, title: "Moka pots with a faulty gasket",
                detail:
                    "The supplier recalled a batch: the gasket may leak under pressure. Call buyers, offer a new one.",
                foundAt: at(2, 300, 12 * 60), reporter: crews[2].servicers[0], locationID: berlin.location.id,
                scope: .product(text: "Moka pot", from: at(2, 365, 0), to: at(2, 301, 23 * 60 + 59)),
                closedAfterDays: 40, topic: .product, caseChance: 0.35,
                subject: .init(ru: "Гейзерная кофеварка подтекает", en: "Is my moka pot part of the recall?")),
            Spec(
                site: moscow, title: "Терминал списал оплату дважды",
                detail: "Сбой терминала: часть оплат за день прошла дважды. Вернуть вторые списания.",
                foundAt: at(0, 200, 18 * 60), reporter: crews[0].managerID, locationID: moscow.location.id,
                scope: .location(id: moscow.location.id, from: at(0, 200, 10 * 60), to: at(0, 200, 17 * 60 + 45)),
                closedAfterDays: 3, topic: .billing, caseChance: 0.5,
                subject: .init(ru: "Списали деньги дважды", en: "I was charged twice")),
            Spec(
                site: yekaterinburg, title: "Несвежая партия зерна «Колумбия Супремо»",
                detail: "Обжарщик отгрузил партию с истёкшим сроком после обжарки. Предупредить, заменить пачки.",
                foundAt: at(1, 90, 10 * 60 + 30), reporter: crews[1].managerID, locationID: nil,
                scope: .product(text: "Колумбия Супремо", from: at(1, 115, 0), to: at(1, 91, 23 * 60 + 59)),
                closedAfterDays: 21, topic: .product, caseChance: 0.2,
                subject: .init(ru: "Зерно какое-то несвежее", en: "The beans taste stale")),
            Spec(
                site: berlin, title: "Electric grinders: the power switch may stick",
                detail: "A batch of electric grinders has a switch that can stick on. Tell buyers, swap the switch.",
                foundAt: at(2, 1, 15 * 60), reporter: crews[2].servicers[0], locationID: berlin.location.id,
                scope: .product(text: "Electric grinder", from: at(2, 75, 0), to: at(2, 2, 23 * 60 + 59)),
                closedAfterDays: nil, topic: .product, caseChance: 0.3,
                subject: .init(ru: "Кофемолка не выключается", en: "My grinder will not switch off")),
        ]
        return specs.compactMap { spec in
            let id = IncidentID(random.uuid())
            let draft = IncidentDraft(
                title: spec.title, detail: spec.detail, foundAt: spec.foundAt, reportedByID: spec.reporter,
                locationID: spec.locationID, scope: spec.scope)
            guard spec.foundAt <= now, var incident = try? draft.validated(id: id, now: spec.foundAt) else {
                return nil
            }
            if let days = spec.closedAfterDays {
                let closedAt = spec.foundAt.addingTimeInterval(Double(days * 86_400))
                if closedAt <= now,
                    let closed = try? IncidentDraft(closedAt: closedAt).validated(
                        id: id, now: closedAt, existing: incident)
                {
                    incident = closed
                }
            }
            return DemoIncidentPlan(
                incident: incident, site: spec.site, topic: spec.topic, caseChance: spec.caseChance,
                customerSubject: spec.subject)
        }
    }

    /// Delivery staff per site.
    func couriers() -> [StaffID] {
        sites.map { site in
            staff.first { $0.department == DemoBusiness.Department.delivery && $0.homeLocationID == site.location.id }?
                .id
                ?? crews[site.index].managerID
        }
    }

    /// The orders (oldest first) a scope could match by its time span: a cheap cut before the
    /// scope's own test, which compares texts.
    static func span(of scope: Incident.Scope, in orders: ArraySlice<Order>) -> ArraySlice<Order> {
        let bounds: (from: Date?, to: Date?)
        switch scope {
        case .product(_, let from, let to), .location(_, let from, let to): bounds = (from, to)
        case .dateRange(let from, let to): bounds = (from, to)
        case .customers: return orders
        }
        func firstIndex(after instant: Date, inclusive: Bool) -> Int {
            var low = orders.startIndex
            var high = orders.endIndex
            while low < high {
                let middle = (low + high) / 2
                let before = inclusive ? orders[middle].placedAt < instant : orders[middle].placedAt <= instant
                if before { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let start = bounds.from.map { firstIndex(after: $0, inclusive: true) } ?? orders.startIndex
        let end = bounds.to.map { firstIndex(after: $0, inclusive: false) } ?? orders.endIndex
        return start < end ? orders[start..<end] : orders[start..<start]
    }

    /// The channel call-first outreach reaches a customer on: the preferred one when usable and
    /// consented, else the first consented of `outreachChannels`; nil without any consent.
    static func outreachChannel(for customer: Customer) -> ContactChannel? {
        if let preferred = customer.preferredChannel, outreachChannels.contains(preferred),
            customer.mayContact(via: preferred)
        {
            return preferred
        }
        return outreachChannels.first { customer.mayContact(via: $0) }
    }

    /// One customer's part in the incidents that affect them: an outreach task and its result —
    /// told first for most, in touch first for some (with the contact they made), nobody reached
    /// for a few without consent — a touch when told, and a case for some.
    func incidentHistory(
        index: Int, customer: Customer, orders: ArraySlice<Order>, context: DemoServiceContext,
        log: inout DemoServiceLog
    ) {
        guard !orders.isEmpty else { return }
        var random = serviceRandom(.incidents, index: index)
        for plan in context.incidents {
            let incident = plan.incident
            // The scope decides; only orders of its time span need asking.
            let candidates = Self.span(of: incident.scope, in: orders)
            guard !candidates.isEmpty, incident.affectedCustomers(orders: Array(candidates)).contains(customer.id),
                let order = orders.first(where: { incident.scope.matches($0) })
            else { continue }
            let site = incident.locationID.map { context.site($0) } ?? context.site(order.locationID)
            let language = context.language(site)
            let foundAt = incident.foundAt
            let channel = Self.outreachChannel(for: customer)
            let assignee = context.owner(of: customer, at: foundAt, site: site, using: &random)
            let key = "outreach:\(incident.id):\(customer.id)"
            let tellAt = context.addingOpenTime(random.uniform(1800..<10 * 3600).rounded(), to: foundAt, at: site)
            var toldAt: Date?
            var inboundAt: Date?
            if channel != nil {
                if random.chance(0.15) {
                    inboundAt = foundAt.addingTimeInterval(
                        (tellAt.timeIntervalSince(foundAt) * random.uniform(0.1..<0.9)).rounded())
                    if random.chance(0.7) { toldAt = tellAt }
                } else {
                    toldAt = tellAt
                    if random.chance(0.2) {
                        inboundAt = tellAt.addingTimeInterval(Double(random.int(3600..<3 * 86_400)))
                    }
                }
            } else if random.chance(0.6) {
                inboundAt = context.addingOpenTime(
                    random.uniform(2 * 3600..<40 * 3600).rounded(), to: foundAt, at: site)
            }
            if let told = toldAt, told > now { toldAt = nil }
            if let inbound = inboundAt, inbound > now { inboundAt = nil }

            if let inboundAt {
                let calls = context.calendar(site).isOpen(at: inboundAt) && random.chance(0.7)
                let seed = DemoContactSeed(
                    id: ContactID(random.uuid()), customer: customer, channel: calls ? .call : .messenger,
                    priority: .high, site: site, receivedAt: inboundAt,
                    subject: plan.customerSubject.text(customer.language), ownerID: assignee,
                    fromAddress: Self.fromAddress(customer, channel: calls ? .call : .messenger),
                    settledAtOnce: random.chance(0.5))
                recordContact(seed, context: context, random: &random, log: &log)
            }
            log.history.outreach.append(
                DemoOutreach(
                    incidentID: incident.id,
                    result: OutreachResult(customerID: customer.id, toldAt: toldAt, firstInboundAt: inboundAt),
                    channel: channel))

            var task = ServiceTask(
                id: ServiceTaskID(random.uuid()), key: key, kind: .outreach, assigneeID: assignee,
                locationID: site.location.id, customerID: customer.id,
                subject: .init(kind: .incident, id: incident.id.rawValue),
                dueAt: context.addingOpenTime(4 * 3600, to: foundAt, at: site), channel: channel, text: incident.title,
                createdAt: foundAt, updatedAt: foundAt)
            let came = DemoServiceCatalog.theyCameFirst.text(language)
            if channel == nil {
                _ = log.step { () throws(DomainError) in
                    try task.close(as: .skipped, outcome: DemoServiceCatalog.noConsent, by: assignee, at: foundAt)
                }
            } else if let toldAt {
                let first = inboundAt.map { toldAt < $0 } ?? true
                let words = first ? DemoServiceCatalog.toldFirst.text(language) : came
                _ = log.step { () throws(DomainError) in
                    try task.close(as: .done, outcome: words, by: assignee, at: toldAt)
                }
            } else if let inboundAt {
                _ = log.step { () throws(DomainError) in
                    try task.close(as: .skipped, outcome: came, by: assignee, at: inboundAt)
                }
            }
            log.history.tasks.append(task)
            if let toldAt, let channel {
                log.history.touches.append(
                    DemoTouch(
                        customerID: customer.id, touch: Touch(at: toldAt, kind: .outreach), channel: channel,
                        taskKey: key))
            }

            let reached = [toldAt, inboundAt].compactMap { $0 }.max()
            if let reached, random.chance(plan.caseChance) {
                let seed = DemoCaseSeed(
                    id: CaseID(random.uuid()), customer: customer, site: site,
                    openedAt: reached.addingTimeInterval(600),
                    source: .incident, link: incident.id.rawValue, title: incident.title, ownerID: assignee,
                    openedByID: assignee, priority: .high, topic: plan.topic, order: order)
                if seed.openedAt <= now { recordCase(seed, context: context, random: &random, log: &log) }
            }
        }
    }
}
