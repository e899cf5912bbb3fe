import EarnedDomain
import Foundation

extension DemoBusiness {
    /// How far back a relationship survey counts a customer as buying from us (as the live
    /// scheduler does).
    static let relationshipActivity: TimeInterval = 365 * 86_400

    /// The survey history of one batch of customers, given that batch's own service history
    /// (`serviceHistory(for: batch)`).
    ///
    /// For every delivered order, every resolved inbound contact, every closed case and — for
    /// customers who bought in the year before — every 180-day period (on the customer's own day
    /// of it, as the live scheduler spreads them), `SurveyInvitationPlanner` decides as the
    /// scheduler would:
    /// sampling, consent, quiet hours and the fatigue budget against the customer's touches —
    /// the service history's greetings, follow-ups and outreach and the invitations sent before.
    /// The service history's touches were decided first, so an invitation that would push one of
    /// them over the budget is not sent either. Each planned invitation sent before `now` is issued
    /// by `SurveyInvitation.issue` (its token thrown away, its hash made by `hash`; tests pass e.g.
    /// `{ "h:" + $0 }`, the store SHA-256), and a seeded draw per invitation decides whether and
    /// when the customer answers and with what, through `SurveyInvitation.answer`, so every answer
    /// obeys the domain's rules. Unanswered invitations whose link ran out are stored as expired;
    /// those sent within the last link validity may still be open.
    ///
    /// About 28 % of invitations are answered, by a customer's channel and readiness; scores
    /// follow what they lived through (a late delivery, a reply that missed its target or came
    /// the next day, a reopened case) and their own lean, and "fast enough" follows the measured
    /// times. `surveyWeaknesses` lists what was planted.
    ///
    /// Deterministic: each invitation depends only on the seed, its key and its customer's
    /// position and data, so the same seed gives the same history however customers are batched.
    /// The tokens come from the seed too: demo data only — anyone with the seed can remake them.
    public func surveyHistory(
        for batch: DemoBatch, service: DemoServiceHistory, hash: (String) -> String
    ) -> DemoSurveyHistory {
        let definitions = surveyDefinitions
        let context = serviceContext()
        var history = DemoSurveyHistory(definitions: definitions)
        var contacts: [CustomerID: [InboundContact]] = [:]
        for contact in service.contacts where contact.resolvedAt != nil {
            if let customerID = contact.customerID { contacts[customerID, default: []].append(contact) }
        }
        var cases: [CustomerID: [ServiceCase]] = [:]
        for serviceCase in service.cases where serviceCase.status == .closed {
            cases[serviceCase.customerID, default: []].append(serviceCase)
        }
        var touches: [CustomerID: [Touch]] = [:]
        for touch in service.touches { touches[touch.customerID, default: []].append(touch.touch) }

        var start = batch.orders.startIndex
        for (offset, customer) in batch.customers.enumerated() {
            var end = start
            while end < batch.orders.endIndex, batch.orders[end].customerID == customer.id { end += 1 }
            let orders = batch.orders[start..<end]
            start = end
            let index = batch.range.lowerBound + offset
            guard customer.erasedAt == nil, SurveyInvitationPlanner.channel(for: customer) != nil else { continue }
            var events = surveyEvents(
                index: index, customer: customer, orders: orders, contacts: contacts[customer.id] ?? [],
                cases: cases[customer.id] ?? [], definitions: definitions, context: context)
            guard !events.isEmpty else { continue }
            events.sort { ($0.earliestSend, $0.definition) < ($1.earliestSend, $1.definition) }
            var random = surveyRandom(.customers, index: UInt64(index))
            let respondent = DemoSurveyRespondent(
                disposition: random.normal(), propensity: exp(random.normal(mean: -0.045, standardDeviation: 0.3)),
                isDiscountHunter: batch.truths[offset].isDiscountHunter)
            var ledger = DemoTouchLedger(budget: Self.fatigueBudget)
            for touch in touches[customer.id] ?? [] { ledger.add(touch) }
            for event in events {
                sendSurvey(
                    event, customer: customer, respondent: respondent, orders: orders, definitions: definitions,
                    context: context, ledger: &ledger, hash: hash, into: &history)
            }
        }
        return history
    }

    /// The customer's survey triggers that could send an invitation before `now`.
    func surveyEvents(
        index: Int, customer: Customer, orders: ArraySlice<Order>, contacts: [InboundContact],
        cases: [ServiceCase], definitions: [SurveyDefinition], context: DemoServiceContext
    ) -> [DemoSurveyEvent] {
        var events: [DemoSurveyEvent] = []
        func add(_ definition: Int, _ trigger: SurveyTriggerEvent, at locationID: LocationID?) {
            guard let occurredAt = trigger.occurredAt else { return }
            let earliest = occurredAt.addingTimeInterval(definitions[definition].delay)
            guard earliest < now else { return }
            let location = locationID.flatMap { context.siteIndex[$0] }.map { sites[$0].location }
            events.append(
                DemoSurveyEvent(definition: definition, trigger: trigger, location: location, earliestSend: earliest))
        }
        for order in orders where order.deliveredAt != nil { add(0, .orderDelivered(order), at: order.locationID) }
        for contact in contacts { add(1, .contactResolved(contact), at: contact.locationID) }
        for serviceCase in cases { add(2, .caseClosed(serviceCase), at: serviceCase.locationID) }

        // A relationship survey on the customer's own day of each period, while they buy: the
        // day the live scheduler picks (`Tick.relationshipEvents`), spread by the customer's id.
        let relationship = definitions[3]
        guard case .relationship(let days) = relationship.trigger, days > 0, let first = orders.first else {
            return events
        }
        let offset = Int(
            SurveyInvitationPlanner.sampleDraw(definitionID: relationship.id, subjectKey: customer.id.description)
                * Double(days))
        let firstDay = WallClock.floorDiv(Int(first.placedAt.timeIntervalSince1970), 86_400) + 1
        let lastDay = WallClock.floorDiv(Int(now.timeIntervalSince1970), 86_400)
        guard firstDay <= lastDay else { return events }
        let home = customer.homeLocationID
        var last = orders.startIndex
        for period in WallClock.floorDiv(firstDay - offset, days)...WallClock.floorDiv(lastDay - offset, days) {
            let day = period * days + offset
            guard day >= firstDay, day <= lastDay else { continue }
            // Midnight UTC; the planner moves it into the customer's sending window.
            let start = Date(timeIntervalSince1970: Double(day * 86_400))
            while last + 1 < orders.endIndex, orders[last + 1].placedAt <= start { last += 1 }
            guard start.timeIntervalSince(orders[last].placedAt) < Self.relationshipActivity else { continue }
            add(3, .relationship(customerID: customer.id, periodStart: start), at: home)
        }
        return events
    }

    /// Plans one event and, when planned before `now` within the fatigue budget, issues the
    /// invitation, records its touch and lives it out: answered, expired or still open.
    func sendSurvey(
        _ event: DemoSurveyEvent, customer: Customer, respondent: DemoSurveyRespondent, orders: ArraySlice<Order>,
        definitions: [SurveyDefinition], context: DemoServiceContext, ledger: inout DemoTouchLedger,
        hash: (String) -> String, into history: inout DemoSurveyHistory
    ) {
        let definition = definitions[event.definition]
        let home = context.site(customer.homeLocationID)
        // Quiet hours move the send time at most a day or two on: the budget's window before it
        // and a few days after hold every touch the planner needs to see.
        let window = Self.fatigueBudget.window
        let seen = ledger.touches(
            after: event.earliestSend.addingTimeInterval(-window - 3600),
            through: event.earliestSend.addingTimeInterval(3 * 86_400))
        let decision = SurveyInvitationPlanner.plan(
            definition: definition, event: event.trigger, customer: customer,
            customerTimeZone: context.zones[home.index], location: event.location, touches: Array(seen),
            budget: Self.fatigueBudget)
        guard let planned = decision.planned, planned.sendAt < now, ledger.fits(planned.sendAt, kind: .survey)
        else { return }

        var random = surveyRandom(.invitations, index: Self.streamNumber(planned.key))
        var invitation = SurveyInvitation.issue(
            planned, definition: definition, id: SurveyInvitationID(random.uuid()), now: planned.sendAt,
            using: &random, hash: hash
        ).invitation
        ledger.add(planned.touch)
        history.touches.append(
            DemoTouch(customerID: customer.id, touch: planned.touch, channel: planned.channel, taskKey: planned.key))
        defer {
            invitation.expireIfDue(at: now)
            history.invitations.append(invitation)
        }

        let inWeakSlot = isWeakSurveySlot(invitation.attribution)
        var chance = (Self.surveyResponseChance[planned.channel] ?? 0.25) * respondent.propensity
        chance *= Self.surveyResponseFactor(definition.trigger)
        if inWeakSlot { chance *= Self.eveningSurveyResponseFactor }
        guard random.chance(min(0.9, chance)) else { return }
        let delay = 60 * (2 + random.logNormal(mu: Self.ln(90), sigma: 1.3))
        let answeredAt = planned.sendAt.addingTimeInterval(delay.rounded())
        guard answeredAt < now, answeredAt < invitation.expiresAt else { return }

        var experience = surveyExperience(event.trigger, orders: orders, context: context)
        if inWeakSlot { experience.shift -= Self.eveningSurveyScoreShift }
        let draft = Self.surveyDraft(
            definition: definition, experience: experience, respondent: respondent, language: invitation.language,
            random: &random)
        do {
            let answer = try invitation.answer(
                draft, definition: definition, id: SurveyAnswerID(random.uuid()), now: answeredAt)
            history.answers.append(answer)
        } catch {
            history.refusedSteps += 1
        }
    }

    /// Whether an invitation's attribution falls in the "ekb-evening-surveys" slot:
    /// Yekaterinburg's evening shift.
    func isWeakSurveySlot(_ attribution: SurveyAttribution) -> Bool {
        let yekaterinburg = sites[1]
        return attribution.locationID == yekaterinburg.location.id
            && attribution.shiftName == yekaterinburg.eveningShift
    }
}
