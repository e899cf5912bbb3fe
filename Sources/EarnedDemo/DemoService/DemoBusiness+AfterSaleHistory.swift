import EarnedDomain
import Foundation

extension DemoBusiness {
    /// The policy every demo location follows: the live scheduler's default.
    static let followUpPolicy = AfterSalePolicy()
    /// The contact-fatigue budget of the demo business.
    static let fatigueBudget = FatigueBudget.standard
    /// The share of due after-sale steps nobody carried out in time.
    static let missedFollowUpShare = 0.05
    /// The chance that a follow-up reaches the customer, by channel.
    static let reachChance: [ContactChannel: Double] = [
        .visit: 1, .phone: 0.8, .messenger: 0.85, .sms: 0.6, .email: 0.55,
    ]

    /// The after-sale steps of one customer's delivered orders that fell due by `now`, planned by
    /// `FollowUpPlanner` exactly as the scheduler plans them (same keys, due times, channels and
    /// owners), each closed with an outcome — except some of those due in the last
    /// `openTaskWindow`, the more the more recent, which are still open. Follow-ups that would
    /// break the fatigue budget are skipped. Depends only on the seed, the customer's
    /// position and their orders; `refused` counts outcomes the domain refused.
    func afterSaleSteps(
        index: Int, customer: Customer, orders: ArraySlice<Order>, context: DemoServiceContext
    ) -> (steps: [DemoAfterSaleStep], refused: Int) {
        var random = serviceRandom(.afterSale, index: index)
        var planned: [(step: PlannedFollowUp, order: Order)] = []
        for order in orders where order.deliveredAt != nil {
            let calendar = context.calendar(context.site(order.locationID))
            for step in FollowUpPlanner.plan(
                order: order, customer: customer, calendar: calendar, policy: Self.followUpPolicy)
            where step.dueAt <= now {
                planned.append((step, order))
            }
        }
        planned.sort { ($0.step.dueAt, $0.step.taskKey) < ($1.step.dueAt, $1.step.taskKey) }

        var refused = 0
        var touches = DemoTouchLedger(budget: Self.fatigueBudget)
        var steps: [DemoAfterSaleStep] = []
        steps.reserveCapacity(planned.count)
        let openFrom = now.addingTimeInterval(-Self.openTaskWindow)
        for (plan, order) in planned {
            let site = context.site(order.locationID)
            let language = context.language(site)
            let owner = plan.ownerID ?? context.manager(site)
            var step = DemoAfterSaleStep(
                planned: plan, order: order, state: .open, taskID: ServiceTaskID(random.uuid()), touched: false)
            defer { steps.append(step) }
            guard let channel = plan.channel else {
                // The scheduler closes such a step as soon as it creates it.
                step.state = .skipped(outcome: DemoServiceCatalog.noConsent)
                (step.closedAt, step.closedByID) = (plan.dueAt, owner)
                continue
            }
            // Of the last days' steps, the older ones are more likely done already.
            let age = now.timeIntervalSince(plan.dueAt)
            guard plan.dueAt <= openFrom || random.chance(0.8 * age / Self.openTaskWindow) else { continue }
            if plan.dueAt <= openFrom, random.chance(Self.missedFollowUpShare) {
                // Nobody called; the manager closes it the next day.
                step.state = .skipped(outcome: DemoServiceCatalog.missed.text(language))
                let closedAt = plan.dueAt.addingTimeInterval(86_400 + Double(random.int(0..<8 * 3600)))
                (step.closedAt, step.closedByID) = (min(now, closedAt), context.manager(site))
                continue
            }
            let delay =
                channel == .visit
                ? Double(random.int(0..<15 * 60)) : min(8 * 3600, 60 * random.logNormal(mu: log(40), sigma: 0.8))
            let at = plan.dueAt.addingTimeInterval(delay.rounded())
            guard at <= now else { continue }
            if channel != .visit, !touches.fits(at, kind: .followUp) {
                step.state = .skipped(outcome: DemoServiceCatalog.overBudget.text(language))
                (step.closedAt, step.closedByID) = (plan.dueAt, owner)
                continue
            }
            do {
                let outcome = try Self.followUpOutcome(
                    plan, order: order, channel: channel, language: language, random: &random
                ).validated()
                step.state = .done(outcome)
                (step.closedAt, step.closedByID) = (at, owner)
                if channel != .visit {
                    touches.add(Touch(at: at, kind: .followUp))
                    step.touched = true
                }
            } catch {
                refused += 1
            }
        }
        return (steps, refused)
    }

    /// What a carried-out follow-up found: reached or not, satisfied, a problem now and then
    /// (more often after a late delivery), a referral asked of some satisfied customers.
    private static func followUpOutcome(
        _ plan: PlannedFollowUp, order: Order, channel: ContactChannel, language: String, random: inout SeededGenerator
    ) -> FollowUpOutcomeDraft {
        var draft = FollowUpOutcomeDraft(reached: random.chance(reachChance[channel] ?? 0.7))
        guard draft.reached == true else { return draft }
        let late = order.deliveredLate == true
        let problemChance: Double =
            switch plan.step {
            case .handover: 0.006
            case .day(1): 0.01
            case .day(7): 0.006
            default: 0.004
            }
        if random.chance(problemChance + (late ? 0.015 : 0)) {
            let problems = isService(order) ? DemoServiceCatalog.serviceProblems : DemoServiceCatalog.goodsProblems
            draft.problem = random.pick(problems.list(language))
            draft.satisfied = false
        } else if random.chance(0.9) {
            draft.satisfied = random.chance(late ? 0.78 : 0.94)
        }
        let later = plan.step == .day(7) || plan.step == .day(30)
        if draft.satisfied == true, random.chance(later ? 0.4 : 0.08) { draft.referralAsked = true }
        if random.chance(0.05) { draft.note = random.pick(DemoServiceCatalog.followUpNotes.list(language)) }
        return draft
    }

    /// Whether an order is for the repair desk (its items are one of the catalogue's services).
    static func isService(_ order: Order) -> Bool {
        guard let items = order.itemsSummary else { return false }
        return DemoCatalog.russianServices.contains(items) || DemoCatalog.englishServices.contains(items)
    }

    /// The follow-up's outcome in words, as the Today page records it.
    static func summary(_ outcome: FollowUpOutcome, language: String) -> String {
        let reached = DemoServiceCatalog.reached.text(language)
        var parts = [outcome.reached ? reached : "✗ " + reached]
        if let satisfied = outcome.satisfied {
            parts.append((satisfied ? "" : "✗ ") + DemoServiceCatalog.satisfied.text(language))
        }
        if outcome.referralAsked { parts.append(DemoServiceCatalog.referralAsked.text(language)) }
        if let problem = outcome.problem {
            parts.append(DemoServiceCatalog.problemFound.text(language) + ": " + problem)
        }
        if let note = outcome.note { parts.append(note) }
        return parts.joined(separator: "; ")
    }
}
