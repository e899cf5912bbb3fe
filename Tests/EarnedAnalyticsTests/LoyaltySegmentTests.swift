import EarnedAnalytics
import EarnedDemo
import EarnedDomain
import Foundation
import Testing

@Suite struct LoyaltySegmentTests {
    /// 2026-03-15 10:30 UTC, the fixed "now" of the checks.
    static let now = Date(timeIntervalSince1970: 1_773_570_600)
    static let classifier = LoyaltyClassifier(reference: 4)

    static func day(_ daysAgo: Double) -> Date { now.addingTimeInterval(-daysAgo * 86_400) }

    /// A repeat buyer expected to buy 6 times next year (above the reference of 4), P(alive) 0.9.
    static let loyalBuyer = PatronageEvidence(purchases: 8, probabilityAlive: 0.9, expectedPurchases: 6)
    /// A one-time buyer.
    static let oneTimeBuyer = PatronageEvidence(purchases: 1, probabilityAlive: 1, expectedPurchases: 0.8)
    /// Spend 80 % on discount.
    static let discountHunter = DiscountUse(
        orders: 10, discountedOrders: 8, repeatOrders: 9, discountedRepeatOrders: 8, spend: 10_000,
        discountedSpend: 8_000)

    // MARK: - One rule each

    @Test func promoterRepeatBuyerIsTrueLoyaltyAndIsAskedForAReferral() {
        let evidence = LoyaltyEvidence(
            answers: [AttitudeAnswer(answeredAt: Self.day(20), nps: 10)], patronage: Self.loyalBuyer)
        let result = Self.classifier.assess(evidence)
        #expect(result.segment == .trueLoyalty)
        #expect(result.attitude == .high)
        #expect(result.patronage == .high)
        #expect(result.reason == .positiveAttitudeHighPatronage(.promoter(nps: 10)))
        #expect(result.nextAction == .askForReferral)
        #expect(!result.isAtRisk)

        var referrer = evidence
        referrer.referralDates = [Self.day(100)]
        #expect(Self.classifier.assess(referrer).nextAction == .thankThem)
    }

    @Test func promoterOneTimeBuyerIsLatentLoyalty() {
        let evidence = LoyaltyEvidence(
            answers: [AttitudeAnswer(answeredAt: Self.day(5), nps: 9)], patronage: Self.oneTimeBuyer)
        let result = Self.classifier.assess(evidence)
        #expect(result.segment == .latentLoyalty)
        #expect(result.patronage == .low)
        #expect(result.reason == .positiveAttitudeLowPatronage(.promoter(nps: 9), .noRepeatPurchase(purchases: 1)))
        #expect(result.nextAction == .inviteBackPersonally)

        let hardToBuy = LoyaltyEvidence(
            answers: [AttitudeAnswer(answeredAt: Self.day(5), nps: 9, ces: 6)], patronage: Self.oneTimeBuyer)
        #expect(Self.classifier.assess(hardToBuy).nextAction == .makeBuyingEasier(ces: 6))
    }

    @Test func discountDependentRepeatBuyerWithoutSurveyIsSpurious() {
        let evidence = LoyaltyEvidence(patronage: Self.loyalBuyer, discounts: Self.discountHunter)
        let result = Self.classifier.assess(evidence)
        #expect(result.segment == .spuriousLoyalty)
        #expect(result.attitude == .unknown)
        #expect(result.isDiscountDependent)
        #expect(result.reason == .buysMostlyOnDiscount(share: 0.8, basis: .spend))
        #expect(result.nextAction == .earnAttitudeWithoutDiscounts)

        // Below the base's reference and even a promoter: still bought loyalty.
        var slow = evidence
        slow.patronage = PatronageEvidence(purchases: 3, probabilityAlive: 0.8, expectedPurchases: 1)
        slow.answers = [AttitudeAnswer(answeredAt: Self.day(3), nps: 10)]
        let slowResult = Self.classifier.assess(slow)
        #expect(slowResult.segment == .spuriousLoyalty)
        #expect(slowResult.attitude == .high)
        #expect(slowResult.reason == .buysMostlyOnDiscount(share: 0.8, basis: .spend))

        // Exactly half of spend on discount is at the threshold: dependent.
        var half = evidence
        half.discounts?.discountedSpend = 5_000
        #expect(Self.classifier.assess(half).segment == .spuriousLoyalty)

        // 40 % of spend on discount is under the 50 % threshold: unknown, ask them.
        var occasional = evidence
        occasional.discounts?.discountedSpend = 4_000
        let occasionalResult = Self.classifier.assess(occasional)
        #expect(occasionalResult.segment == .unknown)
        #expect(occasionalResult.reason == .noAttitudeEvidenceHighPatronage)
        #expect(occasionalResult.nextAction == .askForSurvey)
    }

    @Test func exclusiveReferrerOnDiscountIsNotCountedAsBought() {
        let exclusive = AttitudeAnswer(answeredAt: Self.day(30), shareOfWallet: .onlyHere)
        let advocate = LoyaltyEvidence(
            answers: [exclusive], referralDates: [Self.day(60)], patronage: Self.loyalBuyer,
            discounts: Self.discountHunter)
        let result = Self.classifier.assess(advocate)
        #expect(result.segment == .trueLoyalty)
        #expect(result.exclusivity == .exclusive)
        #expect(result.reason == .positiveAttitudeHighPatronage(.buysHere(.onlyHere)))
        #expect(result.context == [.discountBuyerButExclusiveAdvocate(share: 0.8, basis: .spend, referrals: 1)])

        var notReferring = advocate
        notReferring.referralDates = []
        #expect(Self.classifier.assess(notReferring).segment == .spuriousLoyalty)
        var notExclusive = advocate
        notExclusive.answers = [AttitudeAnswer(answeredAt: Self.day(30), shareOfWallet: .aboutHalf)]
        let notExclusiveResult = Self.classifier.assess(notExclusive)
        #expect(notExclusiveResult.segment == .spuriousLoyalty)
        #expect(notExclusiveResult.exclusivity == .notExclusive)
    }

    @Test func detractorRepeatBuyerIsSpuriousAndCalledFirst() {
        let evidence = LoyaltyEvidence(
            answers: [AttitudeAnswer(answeredAt: Self.day(10), nps: 3)], patronage: Self.loyalBuyer)
        let result = Self.classifier.assess(evidence)
        #expect(result.segment == .spuriousLoyalty)
        #expect(result.attitude == .low)
        #expect(result.reason == .negativeAttitudeHighPatronage(.detractor(nps: 3)))
        #expect(result.risks == [.unhappyRepeatBuyer(.detractor(nps: 3))])
        #expect(result.nextAction == .callPersonallyFirst(.unhappyRepeatBuyer(.detractor(nps: 3))))
    }

    @Test func detractorOneTimeBuyerIsNoLoyalty() {
        let evidence = LoyaltyEvidence(
            answers: [AttitudeAnswer(answeredAt: Self.day(10), nps: 4)], patronage: Self.oneTimeBuyer)
        let result = Self.classifier.assess(evidence)
        #expect(result.segment == .noLoyalty)
        #expect(result.reason == .negativeAttitudeLowPatronage(.detractor(nps: 4), .noRepeatPurchase(purchases: 1)))
        #expect(!result.isAtRisk)
        #expect(result.nextAction == .lowPriority)

        // The service they got never moves the segment, only the reason's context and the action.
        var letDown = evidence
        let service = ServiceReceived(brokenPromises: 1, lateReplies: 2)
        letDown.service = service
        let letDownResult = Self.classifier.assess(letDown)
        #expect(letDownResult.segment == .noLoyalty)
        #expect(letDownResult.context == [.receivedPoorService(service)])
        #expect(letDownResult.nextAction == .fixTheService(service))
    }

    @Test func noEvidenceIsUnknownAndIsAskedASurvey() {
        let result = Self.classifier.assess(LoyaltyEvidence(patronage: Self.oneTimeBuyer))
        #expect(result.segment == .unknown)
        #expect(result.attitude == .unknown)
        #expect(result.exclusivity == .unknown)
        #expect(result.attitudeSignal == nil)
        #expect(result.reason == .noAttitudeEvidenceLowPatronage(.noRepeatPurchase(purchases: 1)))
        #expect(result.nextAction == .askForSurvey)

        // Passive NPS, "about half" and CSAT 3 say nothing either way.
        let neutral = AttitudeAnswer(answeredAt: Self.day(2), nps: 8, csat: 3, shareOfWallet: .aboutHalf)
        let neutralResult = Self.classifier.assess(
            LoyaltyEvidence(answers: [neutral], patronage: Self.loyalBuyer))
        #expect(neutralResult.segment == .unknown)
        #expect(neutralResult.reason == .noAttitudeEvidenceHighPatronage)
    }

    @Test func oneTimeDiscountBuyerWithoutAttitudeIsNoLoyalty() {
        let once = DiscountUse(
            orders: 1, discountedOrders: 1, repeatOrders: 0, discountedRepeatOrders: 0, spend: 900, discountedSpend: 900
        )
        let result = Self.classifier.assess(LoyaltyEvidence(patronage: Self.oneTimeBuyer, discounts: once))
        #expect(result.segment == .noLoyalty)
        #expect(result.reason == .discountBuyerWithoutRepeat(share: 1, basis: .spend))
    }

    @Test func newerEvidenceBeatsOlder() {
        let promoterThenDetractor = [
            AttitudeAnswer(answeredAt: Self.day(300), nps: 10),
            AttitudeAnswer(answeredAt: Self.day(10), nps: 2),
        ]
        let soured = Self.classifier.assess(
            LoyaltyEvidence(answers: promoterThenDetractor, patronage: Self.oneTimeBuyer))
        #expect(soured.attitude == .low)
        #expect(soured.segment == .noLoyalty)

        // The same answers in the other order of the array: dates decide, not positions.
        let reversed = Self.classifier.assess(
            LoyaltyEvidence(answers: promoterThenDetractor.reversed(), patronage: Self.oneTimeBuyer))
        #expect(reversed.attitudeSignal == .detractor(nps: 2))

        let detractorThenSatisfied = [
            AttitudeAnswer(answeredAt: Self.day(10), csat: 5),
            AttitudeAnswer(answeredAt: Self.day(300), nps: 1),
        ]
        let won = Self.classifier.assess(
            LoyaltyEvidence(answers: detractorThenSatisfied, patronage: Self.loyalBuyer))
        #expect(won.attitudeSignal == .satisfied(csat: 5))
        #expect(won.segment == .trueLoyalty)

        // A referral made after a detractor answer is newer positive evidence.
        let referredLater = Self.classifier.assess(
            LoyaltyEvidence(
                answers: [AttitudeAnswer(answeredAt: Self.day(200), nps: 5)],
                referralDates: [Self.day(400), Self.day(30)], patronage: Self.loyalBuyer))
        #expect(referredLater.attitudeSignal == .referred(count: 2))
        #expect(referredLater.segment == .trueLoyalty)

        // At the same instant the negative evidence wins.
        let tie = Self.classifier.assess(
            LoyaltyEvidence(
                answers: [AttitudeAnswer(answeredAt: Self.day(30), csat: 1)], referralDates: [Self.day(30)],
                patronage: Self.loyalBuyer))
        #expect(tie.attitudeSignal == .dissatisfied(csat: 1))
    }

    @Test(arguments: [
        (AttitudeAnswer(answeredAt: now, nps: 10, shareOfWallet: .mostlyElsewhere), AttitudeSignal.promoter(nps: 10)),
        (AttitudeAnswer(answeredAt: now, nps: 3, csat: 5), .detractor(nps: 3)),
        (AttitudeAnswer(answeredAt: now, csat: 5, shareOfWallet: .mostlyElsewhere), .buysElsewhere(.mostlyElsewhere)),
        (AttitudeAnswer(answeredAt: now, nps: 7, csat: 4), .satisfied(csat: 4)),
        (AttitudeAnswer(answeredAt: now, csat: 2, shareOfWallet: .mostlyHere), .buysHere(.mostlyHere)),
        (AttitudeAnswer(answeredAt: now, csat: 2, ces: 1), .dissatisfied(csat: 2)),
    ])
    func withinOneSurveyTheQuestionClosestToRelativeAttitudeDecides(answer: AttitudeAnswer, signal: AttitudeSignal) {
        let result = Self.classifier.assess(LoyaltyEvidence(answers: [answer], patronage: Self.oneTimeBuyer))
        #expect(result.attitudeSignal == signal)
        #expect(result.attitude == (signal.isPositive ? .high : .low))
    }

    @Test func patronageIsRelativeToTheBaseAndLapsingBuyersAreAtRisk() {
        let promoter = [AttitudeAnswer(answeredAt: Self.day(40), nps: 9)]
        let belowBase = Self.classifier.assess(
            LoyaltyEvidence(
                answers: promoter,
                patronage: PatronageEvidence(purchases: 5, probabilityAlive: 0.9, expectedPurchases: 3)))
        #expect(belowBase.segment == .latentLoyalty)
        #expect(
            belowBase.reason
                == .positiveAttitudeLowPatronage(.promoter(nps: 9), .belowBase(expectedPurchases: 3, reference: 4)))
        #expect(!belowBase.isAtRisk)
        #expect(
            LoyaltyClassifier(reference: 2.5).assess(
                LoyaltyEvidence(
                    answers: promoter,
                    patronage: PatronageEvidence(purchases: 5, probabilityAlive: 0.9, expectedPurchases: 3))
            ).segment == .trueLoyalty)

        // P(alive) 0.3 with 2.4 expected: 8 a year if still active — high patronage slipping.
        let lapsing = PatronageEvidence(purchases: 12, probabilityAlive: 0.3, expectedPurchases: 2.4)
        let slipping = Self.classifier.assess(LoyaltyEvidence(answers: promoter, patronage: lapsing))
        #expect(slipping.segment == .latentLoyalty)
        #expect(
            slipping.reason == .positiveAttitudeLowPatronage(.promoter(nps: 9), .probablyLapsed(probabilityAlive: 0.3)))
        let risk = LoyaltyRisk.lapsing(probabilityAlive: 0.3, expectedPurchasesIfActive: 2.4 / 0.3)
        #expect(slipping.risks == [risk])
        #expect(slipping.nextAction == .callPersonallyFirst(risk))

        // A slow buyer fading away is no lapse of high patronage.
        let slowFading = PatronageEvidence(purchases: 3, probabilityAlive: 0.3, expectedPurchases: 0.3)
        #expect(!Self.classifier.assess(LoyaltyEvidence(answers: promoter, patronage: slowFading)).isAtRisk)
    }

    @Test func referenceIsTheMedianExpectationOfActiveRepeatBuyers() {
        let base = [
            PatronageEvidence(purchases: 2, probabilityAlive: 0.9, expectedPurchases: 1),
            PatronageEvidence(purchases: 6, probabilityAlive: 0.8, expectedPurchases: 5),
            PatronageEvidence(purchases: 4, probabilityAlive: 0.7, expectedPurchases: 3),
            PatronageEvidence(purchases: 9, probabilityAlive: 0.6, expectedPurchases: 8),
            PatronageEvidence(purchases: 1, probabilityAlive: 1, expectedPurchases: 40),  // one-time buyer
            PatronageEvidence(purchases: 7, probabilityAlive: 0.2, expectedPurchases: 30),  // lapsed
        ]
        #expect(LoyaltyClassifier.referenceExpectedPurchases(base) == 4)
        #expect(LoyaltyClassifier.referenceExpectedPurchases(Array(base.prefix(3))) == 3)
        #expect(LoyaltyClassifier.referenceExpectedPurchases(Array(base.suffix(2))) == nil)
    }

    @Test func discountUseCountsOrdersSpendAndRepeatOrders() {
        let customer = CustomerID()
        func order(daysAgo: Double, paid: Int64, discount: Int64) -> Order {
            Order(
                customerID: customer, sellerID: nil, locationID: nil, placedAt: Self.day(daysAgo),
                amount: Money(minorUnits: paid, currency: "RUB"), discountMinorUnits: discount,
                createdAt: Self.day(daysAgo), updatedAt: Self.day(daysAgo))
        }
        // The first purchase (300 days ago) was discounted; it is not a repeat purchase.
        let orders = [
            order(daysAgo: 10, paid: 3_000, discount: 0),
            order(daysAgo: 300, paid: 1_000, discount: 200),
            order(daysAgo: 100, paid: 2_000, discount: 500),
            order(daysAgo: 50, paid: 4_000, discount: 0),
        ]
        let use = DiscountUse(orders: orders)
        #expect(use.orders == 4)
        #expect(use.discountedOrders == 2)
        #expect(use.repeatOrders == 3)
        #expect(use.discountedRepeatOrders == 1)
        #expect(use.spend == 10_000)
        #expect(use.discountedSpend == 3_000)
        #expect(use.spendShare == 0.3)
        #expect(use.orderShare == 0.5)

        // Without spend the order share decides.
        let countsOnly = DiscountUse(
            orders: 4, discountedOrders: 3, repeatOrders: 3, discountedRepeatOrders: 2, spend: 0, discountedSpend: 0)
        #expect(
            Self.classifier.assess(LoyaltyEvidence(patronage: Self.loyalBuyer, discounts: countsOnly)).reason
                == .buysMostlyOnDiscount(share: 0.75, basis: .orders))
    }

    // MARK: - The demo business

    /// The demo business plants about 12 % discount hunters; most never answer a survey, so their
    /// repeat buying alone must place them. Here nobody has answered one: the first 2,000 demo
    /// customers, BG/NBD at the demo's true parameters (days), a year ahead.
    @Test func demoDiscountHuntersComeOutMostlySpuriousWithoutAnySurvey() throws {
        let business = DemoBusiness(seed: 2026, scale: 1, now: Self.now)
        let batch = business.batch(0..<2_000)
        let ordersByCustomer = Dictionary(grouping: batch.orders, by: \.customerID)
        let summary = CalibrationSummary(
            transactions: batch.orders.map {
                .init(customerID: $0.customerID.description, date: $0.placedAt, amount: Double($0.amount.minorUnits))
            },
            calibrationEnd: CalibrationSummary.dayNumber(of: Self.now, in: .gmt), timeUnit: .days)
        let row = [String: Int](uniqueKeysWithValues: summary.customerIDs.enumerated().map { ($1, $0) })
        let truth = business.groundTruth.purchaseModel
        let model = BGNBD(r: truth.r, alpha: truth.alpha, a: truth.a, b: truth.b)

        var evidence: [LoyaltyEvidence] = []
        var isHunter: [Bool] = []
        for (customer, customerTruth) in zip(batch.customers, batch.truths) {
            guard let k = row[customer.id.description] else { continue }  // leads never bought
            let patronage = PatronageEvidence(
                model: model, frequency: summary.frequency[k], recency: summary.recency[k], age: summary.age[k],
                horizon: 365)
            evidence.append(
                LoyaltyEvidence(
                    patronage: patronage, discounts: DiscountUse(orders: ordersByCustomer[customer.id] ?? [])))
            isHunter.append(customerTruth.isDiscountHunter)
        }
        let reference = try #require(LoyaltyClassifier.referenceExpectedPurchases(evidence.map(\.patronage)))
        let segments = LoyaltyClassifier(reference: reference).assess(evidence).map(\.segment)

        let hunters = zip(segments, isHunter).filter(\.1).map(\.0)
        let others = zip(segments, isHunter).filter { !$0.1 }.map(\.0)
        let hunterShare = Double(hunters.count) / Double(segments.count)
        #expect(hunterShare > 0.09 && hunterShare < 0.16)
        let huntersSpurious = Double(hunters.count { $0 == .spuriousLoyalty }) / Double(hunters.count)
        let othersSpurious = Double(others.count { $0 == .spuriousLoyalty }) / Double(others.count)
        #expect(huntersSpurious > 0.7, "hunters placed spurious: \(huntersSpurious)")
        #expect(othersSpurious < 0.02, "other customers placed spurious: \(othersSpurious)")
        // Without surveys nobody else can be placed true or latent.
        #expect(segments.allSatisfy { $0 != .trueLoyalty && $0 != .latentLoyalty })
    }

    // MARK: - The base

    @Test func summaryCountsSegmentsRisksAndBoughtLoyalty() throws {
        let detractor = [AttitudeAnswer(answeredAt: Self.day(10), nps: 3)]
        let promoter = [AttitudeAnswer(answeredAt: Self.day(10), nps: 10)]
        let hunterUse = Self.discountHunter  // 9 repeat orders, 8 discounted
        let fullPrice = DiscountUse(
            orders: 5, discountedOrders: 1, repeatOrders: 4, discountedRepeatOrders: 1, spend: 5_000,
            discountedSpend: 500)
        let evidence = [
            LoyaltyEvidence(answers: promoter, patronage: Self.loyalBuyer, discounts: fullPrice),  // true
            LoyaltyEvidence(answers: promoter, patronage: Self.loyalBuyer, discounts: fullPrice),  // true
            LoyaltyEvidence(answers: promoter, patronage: Self.oneTimeBuyer),  // latent
            LoyaltyEvidence(patronage: Self.loyalBuyer, discounts: hunterUse),  // spurious
            LoyaltyEvidence(answers: detractor, patronage: Self.loyalBuyer),  // spurious, at risk
            LoyaltyEvidence(answers: detractor, patronage: Self.oneTimeBuyer),  // no loyalty
            LoyaltyEvidence(patronage: Self.oneTimeBuyer),  // unknown
        ]
        let assessments = Self.classifier.assess(evidence)
        let summary = try LoyaltyBaseSummary(assessments: assessments, discounts: evidence.map(\.discounts))
        #expect(summary.customers == 7)
        #expect(summary.count(.trueLoyalty) == 2)
        #expect(summary.count(.latentLoyalty) == 1)
        #expect(summary.count(.spuriousLoyalty) == 2)
        #expect(summary.count(.noLoyalty) == 1)
        #expect(summary.count(.unknown) == 1)
        #expect(summary.share(.spuriousLoyalty) == 2.0 / 7)
        #expect(summary.atRisk == 1)
        // Repeat orders 4 + 4 + 9 = 17, of which 1 + 1 + 8 = 10 discounted.
        #expect(summary.repeatPurchases == 17)
        #expect(summary.discountedRepeatPurchases == 10)
        #expect(summary.boughtLoyaltyShare == 10.0 / 17)

        #expect(throws: AnalyticsError.mismatchedLengths) {
            try LoyaltyBaseSummary(assessments: assessments, discounts: [])
        }
        let empty = try LoyaltyBaseSummary(assessments: [], discounts: [])
        #expect(empty.share(.trueLoyalty) == nil)
        #expect(empty.boughtLoyaltyShare == nil)
    }

    @Test func movementMatrixMatchesHandCounts() throws {
        let before: [LoyaltySegment] = [
            .trueLoyalty, .trueLoyalty, .latentLoyalty, .spuriousLoyalty, .unknown, .unknown, .unknown, .noLoyalty,
        ]
        let after: [LoyaltySegment] = [
            .trueLoyalty, .spuriousLoyalty, .trueLoyalty, .spuriousLoyalty, .trueLoyalty, .spuriousLoyalty,
            .unknown, .noLoyalty,
        ]
        let movement = try LoyaltyMovement(from: before, to: after)
        #expect(movement.total == 8)
        #expect(movement.count(from: .trueLoyalty, to: .trueLoyalty) == 1)
        #expect(movement.count(from: .trueLoyalty, to: .spuriousLoyalty) == 1)
        #expect(movement.count(from: .latentLoyalty, to: .trueLoyalty) == 1)
        #expect(movement.count(from: .unknown, to: .trueLoyalty) == 1)
        #expect(movement.count(from: .unknown, to: .spuriousLoyalty) == 1)
        #expect(movement.count(from: .spuriousLoyalty, to: .trueLoyalty) == 0)
        #expect(movement.stayed == 4)
        #expect(movement.moved == 4)
        #expect(movement.countBefore(.unknown) == 3)
        #expect(movement.countAfter(.trueLoyalty) == 3)
        #expect(movement.countAfter(.spuriousLoyalty) == 3)
        #expect(movement.counts.map { $0.reduce(0, +) } == [2, 1, 1, 1, 3])
        #expect(throws: AnalyticsError.mismatchedLengths) {
            try LoyaltyMovement(from: before, to: Array(after.dropLast()))
        }
    }
}
