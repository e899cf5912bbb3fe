import EarnedDomain
import Foundation

/// Places customers in the loyalty segments of Dick & Basu (1994), "Customer loyalty: toward an
/// integrated conceptual framework", JAMS 22(2), 99–113 (Figure 2: relative attitude × repeat
/// patronage), with Earned's `unknown` and its rule that discounts buy repeat purchases, not
/// loyalty (thesis T2). Thresholds come from `LoyaltyRules`.
///
/// **Attitude.** Each answered survey gives at most one signal, from the question closest to
/// *relative* attitude (Dick & Basu's construct is attitude towards the business compared with
/// the alternatives): NPS first (the domain's `PromoterGroup`: a promoter positive, a detractor
/// negative, a passive says nothing), then share of wallet (only/mostly here positive, mostly
/// elsewhere negative), then CSAT (`Satisfaction`: satisfied positive, dissatisfied negative). So CSAT ≥ 4 is positive only with no detractor answer in the
/// same survey. Referrals are a positive signal dated at the newest referral. The newest signal
/// wins (at the same instant a negative one wins); without any the attitude is unknown. CES never
/// places attitude: effort is about the ease of buying, used to pick the next action.
///
/// **Patronage.** High when the customer is a repeat buyer (≥ 2 purchases), P(alive) is not low
/// (≥ 0.5) and expected purchases are at least the base's reference (see
/// `referenceExpectedPurchases`); low otherwise, so a one-time buyer is low.
///
/// **Discounts.** A customer is discount-dependent when ≥ 50 % of spend (of orders when spend is
/// unknown) was bought on discount. A discount-dependent repeat buyer is spurious loyalty whatever
/// their survey answers and expected purchases: the repeat buying itself is the evidence, and it
/// was paid for — "stop paying and it is gone" (T2). The one exemption is a customer who is
/// exclusive *and* has referred someone: a referral stakes the referrer's own reputation and is
/// not bought by a price cut, and buying only here rules out pure deal-hunting across shops, so
/// both together show an attitude the discount did not buy; they are then placed by attitude ×
/// patronage like anyone else. A discount-dependent customer who is not a repeat buyer and has
/// no attitude evidence is no loyalty rather than unknown.
///
/// **Unknown.** No attitude evidence, not discount-dependent: unknown (ask them).
///
/// **Risks.** Lapsing: a repeat buyer with P(alive) below the low threshold whose expected
/// purchases *if still active* (E[Y] / P(alive), Fader, Hardie & Lee 2005, eq. 10) reach the
/// reference — high patronage that is slipping. Unhappy: a repeat buyer whose newest attitude
/// signal is negative.
///
/// **Next action**, first that applies: an unhappy repeat buyer → a personal call first; a
/// lapsing true, latent or unknown customer → a personal call first; service failures met →
/// fix them; then by segment: true → thank them (has referred) or ask for a referral; latent →
/// make buying easier (newest CES ≥ 5) or invite back personally; spurious → earn attitude with
/// service, do not widen discounts; no loyalty → low priority; unknown → ask for a survey.
public struct LoyaltyClassifier: Hashable, Codable, Sendable {
    /// The base's reference level of expected purchases: at or above it patronage is high.
    public var reference: Double
    /// The thresholds.
    public var rules: LoyaltyRules

    /// A classifier for a base whose reference level of expected purchases is `reference`.
    public init(reference: Double, rules: LoyaltyRules = .standard) {
        self.reference = reference
        self.rules = rules
    }

    /// The median expected purchases of the base's active repeat buyers (purchases ≥
    /// `repeatBuyerAtLeast`, P(alive) ≥ `lowAliveBelow`) — "high" patronage is relative to the
    /// base. Nil when there is no such customer.
    public static func referenceExpectedPurchases(
        _ base: [PatronageEvidence], rules: LoyaltyRules = .standard
    ) -> Double? {
        let values =
            base
            .filter { $0.purchases >= rules.repeatBuyerAtLeast && $0.probabilityAlive >= rules.lowAliveBelow }
            .map(\.expectedPurchases)
            .sorted()
        guard !values.isEmpty else { return nil }
        let middle = values.count / 2
        return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
    }

    /// The assessments of many customers, in input order.
    public func assess(_ base: [LoyaltyEvidence]) -> [LoyaltyAssessment] {
        base.map(assess)
    }

    /// The assessment of one customer under the rules in the type's documentation.
    public func assess(_ evidence: LoyaltyEvidence) -> LoyaltyAssessment {
        let signal = attitudeSignal(evidence)
        let attitude: LoyaltyAssessment.Attitude =
            signal.map { $0.isPositive ? .high : .low } ?? .unknown
        let exclusivity = self.exclusivity(evidence.answers)
        let discount = discountShare(evidence.discounts)
        let isDependent = discount.map { $0.share >= rules.discountDependentAtLeast } ?? false
        let patronageFigures = evidence.patronage
        let isRepeatBuyer = patronageFigures.purchases >= rules.repeatBuyerAtLeast
        let shortfall = self.shortfall(patronageFigures)
        let patronage: LoyaltyAssessment.Patronage = shortfall == nil ? .high : .low

        var context: [LoyaltyReason] = []
        let isAdvocate =
            exclusivity == .exclusive && evidence.referrals >= rules.advocacyReferralsAtLeast
        if let discount, isDependent, isRepeatBuyer, isAdvocate {
            context.append(
                .discountBuyerButExclusiveAdvocate(
                    share: discount.share, basis: discount.basis, referrals: evidence.referrals))
        }

        let segment: LoyaltySegment
        let reason: LoyaltyReason
        if let discount, isDependent, isRepeatBuyer, !isAdvocate {
            segment = .spuriousLoyalty
            reason = .buysMostlyOnDiscount(share: discount.share, basis: discount.basis)
        } else {
            switch (signal, shortfall) {
            case (let signal?, nil) where signal.isPositive:
                segment = .trueLoyalty
                reason = .positiveAttitudeHighPatronage(signal)
            case (let signal?, let shortfall?) where signal.isPositive:
                segment = .latentLoyalty
                reason = .positiveAttitudeLowPatronage(signal, shortfall)
            case (let signal?, nil):
                segment = .spuriousLoyalty
                reason = .negativeAttitudeHighPatronage(signal)
            case (let signal?, let shortfall?):
                segment = .noLoyalty
                reason = .negativeAttitudeLowPatronage(signal, shortfall)
            case (nil, nil):
                segment = .unknown
                reason = .noAttitudeEvidenceHighPatronage
            case (nil, let shortfall?):
                if let discount, isDependent {
                    segment = .noLoyalty
                    reason = .discountBuyerWithoutRepeat(share: discount.share, basis: discount.basis)
                } else {
                    segment = .unknown
                    reason = .noAttitudeEvidenceLowPatronage(shortfall)
                }
            }
        }

        var risks: [LoyaltyRisk] = []
        if isRepeatBuyer, patronageFigures.probabilityAlive < rules.lowAliveBelow,
            let ifActive = patronageFigures.expectedPurchasesIfActive, ifActive >= reference
        {
            risks.append(
                .lapsing(probabilityAlive: patronageFigures.probabilityAlive, expectedPurchasesIfActive: ifActive))
        }
        if isRepeatBuyer, let signal, !signal.isPositive {
            risks.append(.unhappyRepeatBuyer(signal))
        }
        if let service = evidence.service, service.hasFailures {
            context.append(.receivedPoorService(service))
        }

        return LoyaltyAssessment(
            segment: segment, attitude: attitude, attitudeSignal: signal, patronage: patronage,
            isDiscountDependent: isDependent, exclusivity: exclusivity, risks: risks, reason: reason,
            context: context,
            nextAction: nextAction(segment: segment, risks: risks, evidence: evidence))
    }

    // MARK: - Evidence levels

    /// The signal of one answered survey: NPS, then share of wallet, then CSAT.
    func signal(of answer: AttitudeAnswer) -> AttitudeSignal? {
        if let nps = answer.nps {
            switch PromoterGroup(nps: nps) {
            case .promoter: return .promoter(nps: nps)
            case .detractor: return .detractor(nps: nps)
            case .passive, nil: break
            }
        }
        if let share = answer.shareOfWallet {
            if rules.exclusiveShares.contains(share) { return .buysHere(share) }
            if rules.elsewhereShares.contains(share) { return .buysElsewhere(share) }
        }
        if let csat = answer.csat {
            switch Satisfaction(csat: csat) {
            case .satisfied: return .satisfied(csat: csat)
            case .dissatisfied: return .dissatisfied(csat: csat)
            case .neutral, nil: break
            }
        }
        return nil
    }

    /// The newest attitude signal (a negative one at a tie), or nil without any.
    func attitudeSignal(_ evidence: LoyaltyEvidence) -> AttitudeSignal? {
        var dated: [(at: Date, signal: AttitudeSignal)] = evidence.answers.compactMap { answer in
            signal(of: answer).map { (answer.answeredAt, $0) }
        }
        if let newest = evidence.referralDates.max() {
            dated.append((newest, .referred(count: evidence.referrals)))
        }
        return dated.max { lhs, rhs in
            lhs.at != rhs.at ? lhs.at < rhs.at : (lhs.signal.isPositive && !rhs.signal.isPositive)
        }?.signal
    }

    /// Exclusivity after the newest share-of-wallet answer.
    func exclusivity(_ answers: [AttitudeAnswer]) -> LoyaltyAssessment.Exclusivity {
        let newest = answers.filter { $0.shareOfWallet != nil }.max { $0.answeredAt < $1.answeredAt }
        guard let share = newest?.shareOfWallet else { return .unknown }
        return rules.exclusiveShares.contains(share) ? .exclusive : .notExclusive
    }

    /// The discount share on spend, or on orders when spend is unknown.
    func discountShare(_ use: DiscountUse?) -> (share: Double, basis: LoyaltyReason.DiscountBasis)? {
        if let share = use?.spendShare { return (share, .spend) }
        if let share = use?.orderShare { return (share, .orders) }
        return nil
    }

    /// Why patronage is low, or nil when it is high.
    func shortfall(_ patronage: PatronageEvidence) -> PatronageShortfall? {
        if patronage.purchases < rules.repeatBuyerAtLeast {
            return .noRepeatPurchase(purchases: patronage.purchases)
        }
        if patronage.probabilityAlive < rules.lowAliveBelow {
            return .probablyLapsed(probabilityAlive: patronage.probabilityAlive)
        }
        if patronage.expectedPurchases < reference {
            return .belowBase(expectedPurchases: patronage.expectedPurchases, reference: reference)
        }
        return nil
    }

    // MARK: - Next action

    /// The first applicable step of the order in the type's documentation.
    func nextAction(segment: LoyaltySegment, risks: [LoyaltyRisk], evidence: LoyaltyEvidence) -> LoyaltyAction {
        for risk in risks {
            if case .unhappyRepeatBuyer = risk { return .callPersonallyFirst(risk) }
        }
        for risk in risks {
            if case .lapsing = risk, [.trueLoyalty, .latentLoyalty, .unknown].contains(segment) {
                return .callPersonallyFirst(risk)
            }
        }
        if let service = evidence.service, service.hasFailures { return .fixTheService(service) }
        switch segment {
        case .trueLoyalty:
            return evidence.referrals > 0 ? .thankThem : .askForReferral
        case .latentLoyalty:
            let newestEffort = evidence.answers.filter { $0.ces != nil }.max { $0.answeredAt < $1.answeredAt }
            if let ces = newestEffort?.ces, ces >= rules.highEffortAtLeast { return .makeBuyingEasier(ces: ces) }
            return .inviteBackPersonally
        case .spuriousLoyalty:
            return .earnAttitudeWithoutDiscounts
        case .noLoyalty:
            return .lowPriority
        case .unknown:
            return .askForSurvey
        }
    }
}
