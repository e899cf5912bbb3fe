import EarnedDomain
import Foundation

extension DemoBusiness {
    /// CSAT 1–5: about 84 % satisfied (4–5) at shift 0.
    static let csatScale = DemoSurveyScale([1, 2, 3, 4, 5], probabilities: [0.03, 0.04, 0.09, 0.32, 0.52])
    /// NPS 0–10: 55 % promoters and 15 % detractors (NPS +40) at shift 0.
    static let npsScale = DemoSurveyScale(
        Array(0...10), probabilities: [0.01, 0.005, 0.01, 0.015, 0.02, 0.04, 0.05, 0.12, 0.18, 0.25, 0.30])
    /// CES 1–7 (higher is harder), worst first: mostly 2–3 at shift 0.
    static let cesScale = DemoSurveyScale(
        [7, 6, 5, 4, 3, 2, 1], probabilities: [0.02, 0.03, 0.06, 0.11, 0.26, 0.33, 0.19])
    /// Share of wallet, least loyal first.
    static let shareOfWalletScale = DemoSurveyScale(
        [ShareOfWallet.mostlyElsewhere, .aboutHalf, .mostlyHere, .onlyHere], probabilities: [0.14, 0.22, 0.36, 0.28])

    /// The chance an invitation is answered, by the channel it went through, for a customer of
    /// average readiness.
    static let surveyResponseChance: [ContactChannel: Double] = [.messenger: 0.45, .sms: 0.28, .email: 0.34]

    /// Customers answer about a problem put right more readily than about a delivery, and about
    /// their relationship least.
    static func surveyResponseFactor(_ trigger: SurveyTrigger) -> Double {
        switch trigger {
        case .orderDelivered: 1
        case .contactResolved: 1.1
        case .caseClosed: 1.25
        case .relationship: 0.8
        }
    }

    /// What the customer lived through before the survey, read from the history itself: how
    /// late the delivery was; whether the contact's first reply and resolution met their
    /// targets (the reply clock, in the location's business hours) and how long the customer
    /// waited by the wall clock; how long the case took and whether it was reopened; for a
    /// relationship survey, the share of late deliveries in the half year before.
    func surveyExperience(
        _ trigger: SurveyTriggerEvent, orders: ArraySlice<Order>, context: DemoServiceContext
    ) -> DemoSurveyExperience {
        var experience = DemoSurveyExperience()
        switch trigger {
        case .orderDelivered(let order):
            guard let promised = order.promisedAt, let delivered = order.deliveredAt, delivered > promised else {
                experience.shift = 0.05
                return experience
            }
            let hours = delivered.timeIntervalSince(promised) / 3600
            experience.shift = -0.45 - 0.3 * min(1, hours / 24)
            experience.notFastChance = 0.45 + 0.15 * min(1, hours / 3)
            experience.topic = .lateDelivery
        case .contactResolved(let contact):
            let site = context.site(contact.locationID)
            let status = ReplyClock(calendar: context.calendar(site), targets: Self.replyTargets)
                .status(of: contact, now: now)
            let firstMissed = status.firstResponse.state == .missed
            let resolutionMissed = status.resolution.state == .missed
            // The customer waits by the wall clock, not in business hours: a reply the next
            // morning is slow to one who wrote while the shop was open, even when it met its
            // target. One who wrote while it was closed counts from the opening.
            let target = Self.replyTargets.target(for: contact.channel, priority: contact.priority).firstResponse
            let waitFrom = context.openOrNext(contact.receivedAt, at: site)
            let wait = max(0, (contact.firstResponseAt ?? waitFrom).timeIntervalSince(waitFrom))
            // A customer hardly minds a wait within the target, and minds one much past it: the
            // chance of "not fast enough" passes a half at about 1.5 times the target.
            let ratio = wait / max(60, target)
            let felt = pow(ratio / 1.5, 3)
            experience.notFastChance = min(0.92, 0.04 + 0.86 * felt / (1 + felt) + (resolutionMissed ? 0.08 : 0))
            experience.shift =
                (firstMissed ? -0.3 : 0) + (ratio > 3 ? -0.2 : 0) + (resolutionMissed ? -0.3 : 0)
                + (contact.caseID != nil ? -0.3 : 0)
            experience.topic =
                firstMissed || ratio > 3 ? .slowReply : (contact.caseID != nil ? .problem : .general)
        case .caseClosed(let serviceCase):
            let took = (serviceCase.resolvedAt ?? serviceCase.openedAt).timeIntervalSince(serviceCase.openedAt)
            experience.shift =
                -0.2 - 0.45 * Double(serviceCase.reopenCount) - (took > 3 * 86_400 ? 0.3 : 0)
                + (serviceCase.acceptedOnCustomersWord ? 0.15 : 0)
            experience.notFastChance = took > 3 * 86_400 ? 0.5 : 0.15
            experience.topic = .problem
        case .relationship(_, let start):
            let from = start.addingTimeInterval(-Double(Self.relationshipSurveyIntervalDays) * 86_400)
            var delivered = 0
            var late = 0
            for order in orders where order.placedAt > from && order.placedAt <= start && order.deliveredAt != nil {
                delivered += 1
                if order.deliveredLate == true { late += 1 }
            }
            experience.shift = delivered == 0 ? 0 : -0.8 * Double(late) / Double(delivered)
            experience.topic = late > 0 ? .lateDelivery : .general
        }
        return experience
    }

    /// The values a customer submits: every asked score cut from one latent satisfaction (the
    /// experience's shift, the customer's lean, the moment's mood and a little per question, so
    /// a customer's scores agree with each other but not perfectly); the share of wallet mostly
    /// from loyalty (discount hunters buy elsewhere); "fast enough" from the experience; now and
    /// then a comment, more often after a low score and then about what went wrong; quote and
    /// referral permission from the happy. The survey's first question is always answered, the
    /// others now and then skipped.
    static func surveyDraft(
        definition: SurveyDefinition, experience: DemoSurveyExperience, respondent: DemoSurveyRespondent,
        language: String, random: inout SeededGenerator
    ) -> SurveyAnswerDraft {
        let common = 0.59 * respondent.disposition + 0.81 * random.normal()
        func latent() -> Double { experience.shift + 0.8 * common + 0.6 * random.normal() }
        let firstKind = definition.questions.first?.kind
        func answers(_ kind: SurveyQuestion.Kind, skip: Double = 0.03) -> Bool {
            definition.asks(kind) && (kind == firstKind || !random.chance(skip))
        }
        var draft = SurveyAnswerDraft()
        if answers(.csat) { draft.csat = csatScale.value(latent()) }
        if answers(.nps) { draft.nps = npsScale.value(latent()) }
        if answers(.ces) { draft.ces = cesScale.value(latent()) }
        if answers(.shareOfWallet, skip: 0.08) {
            let loyalty = (respondent.isDiscountHunter ? -1.1 : 0.15) + 0.45 * common + 0.89 * random.normal()
            draft.shareOfWallet = shareOfWalletScale.value(loyalty).rawValue
        }
        if answers(.fastEnough, skip: 0.05) { draft.fastEnough = !random.chance(experience.notFastChance) }

        let thresholds = definition.thresholds
        let low =
            draft.csat.map { thresholds.isLow(.csat, $0) } == true
            || draft.nps.map { thresholds.isLow(.nps, $0) } == true
            || draft.ces.map { thresholds.isLow(.ces, $0) } == true
        let high = !low && (draft.csat == 5 || (draft.nps ?? 0) >= 9 || (draft.ces ?? 7) <= 2)
        if definition.asks(.freeText), random.chance(low ? 0.4 : (high ? 0.14 : 0.1)) {
            let phrases: DemoSurveyCatalog.Phrases
            if low {
                // Some complain about something else than what the history shows.
                switch random.chance(0.3) ? .general : experience.topic {
                case .general: phrases = DemoSurveyCatalog.complaints
                case .lateDelivery: phrases = DemoSurveyCatalog.lateComplaints
                case .slowReply: phrases = DemoSurveyCatalog.slowComplaints
                case .problem: phrases = DemoSurveyCatalog.caseComplaints
                }
            } else {
                phrases = high ? DemoSurveyCatalog.praise : DemoSurveyCatalog.wishes
            }
            draft.comment = random.pick(phrases.list(language))
        }
        if definition.asks(.quotePermission) {
            if draft.comment != nil {
                if random.chance(0.85) { draft.mayQuote = random.chance(high ? 0.65 : (low ? 0.15 : 0.35)) }
            } else if random.chance(0.4) {
                draft.mayQuote = random.chance(0.3)
            }
        }
        if answers(.referralPermission, skip: 0.12) {
            let promoter = draft.nps.map { $0 >= 9 } ?? (draft.csat == 5)
            draft.mayAskReferral = random.chance(promoter ? 0.55 : (low ? 0.03 : 0.2))
        }
        return draft
    }
}
