import EarnedDomain
import Foundation
import Testing

@testable import EarnedDemo

@Suite("Demo survey history")
struct DemoSurveyHistoryTests {
    let history = DemoSurveyFixture.history
    let now = DemoSurveyFixture.now

    // MARK: Determinism

    @Test func theSameSeedGivesTheSameHistoryAndBatchingDoesNotChangeIt() {
        let a = DemoBusiness(seed: 77, scale: 1, now: now)
        let b = DemoBusiness(seed: 77, scale: 1, now: now)
        func part(_ business: DemoBusiness, _ range: Range<Int>) -> DemoSurveyHistory {
            let batch = business.batch(range)
            return business.surveyHistory(
                for: batch, service: business.serviceHistory(for: batch), hash: DemoSurveyFixture.hash)
        }
        let whole = part(a, 0..<400)
        #expect(whole == part(b, 0..<400))
        var parts = part(a, 0..<150)
        parts.append(part(a, 150..<151))
        parts.append(part(a, 151..<400))
        #expect(parts == whole)
        #expect(whole.definitions == a.surveyDefinitions)
        #expect(whole.invitations.count > 200 && whole.answers.count > 50, "\(whole.invitations.count)")
    }

    @Test func anotherSeedGivesOtherInvitations() {
        let a = DemoBusiness(seed: 77, scale: 1, now: now)
        let b = DemoBusiness(seed: 78, scale: 1, now: now)
        let first = a.surveyHistory(
            for: a.batch(0..<100), service: a.serviceHistory(for: a.batch(0..<100)), hash: DemoSurveyFixture.hash)
        let second = b.surveyHistory(
            for: b.batch(0..<100), service: b.serviceHistory(for: b.batch(0..<100)), hash: DemoSurveyFixture.hash)
        #expect(!first.invitations.isEmpty && !second.invitations.isEmpty)
        #expect(Set(first.invitations.map(\.id)).isDisjoint(with: second.invitations.map(\.id)))
        #expect(Set(first.invitations.map(\.tokenHash)).isDisjoint(with: second.invitations.map(\.tokenHash)))
    }

    @Test func aPartSurvivesJSON() throws {
        let business = DemoBusiness(seed: 77, scale: 1, now: now)
        let batch = business.batch(0..<100)
        let part = business.surveyHistory(
            for: batch, service: business.serviceHistory(for: batch), hash: DemoSurveyFixture.hash)
        let decoded = try JSONDecoder().decode(DemoSurveyHistory.self, from: JSONEncoder().encode(part))
        #expect(decoded == part && !part.answers.isEmpty)
    }

    // MARK: Invariants

    @Test func theDomainRefusedNoAnswerAndIdsKeysAndTokensAreUnique() {
        #expect(history.refusedSteps == 0)
        #expect(Set(history.invitations.map(\.id)).count == history.invitations.count)
        #expect(Set(history.invitations.map(\.key)).count == history.invitations.count)
        #expect(Set(history.invitations.map(\.tokenHash)).count == history.invitations.count)
        #expect(Set(history.answers.map(\.id)).count == history.answers.count)
        #expect(Set(history.answers.map(\.invitationID)).count == history.answers.count)
    }

    @Test func everyAnswerBelongsToAnAnsweredInvitationOfTheSameCustomerAndSurvey() throws {
        for answer in history.answers {
            let invitation = try #require(DemoSurveyFixture.invitations[answer.invitationID])
            let definition = try #require(DemoSurveyFixture.definitions[answer.definitionID])
            #expect(invitation.storedState == .answered && invitation.answeredAt == answer.answeredAt)
            #expect(invitation.customerID == answer.customerID && invitation.definitionID == answer.definitionID)
            #expect(invitation.subject == answer.subject && invitation.language == answer.language)
            #expect(answer.answeredAt > invitation.sendAt && answer.answeredAt < invitation.expiresAt)
            #expect(answer.answeredAt < now)
            let asked = Set(definition.questions.map(\.kind))
            #expect(!answer.values.answeredKinds.isEmpty && Set(answer.values.answeredKinds).isSubset(of: asked))
        }
        let answered = history.invitations.filter { $0.storedState == .answered }
        #expect(answered.count == history.answers.count)
    }

    @Test func invitationsAreTheIssuedPlansOfTheirEvents() throws {
        let recent = now.addingTimeInterval(-SurveyDefinition.defaultLinkValidity)
        for invitation in history.invitations {
            let definition = try #require(DemoSurveyFixture.definitions[invitation.definitionID])
            let customer = try #require(DemoSurveyFixture.customers[invitation.customerID])
            let home = try #require(DemoSurveyFixture.business.location(customer.homeLocationID!))
            #expect(invitation.subject.kind == definition.trigger.subjectKind)
            #expect(invitation.key.hasPrefix("survey:\(definition.id):\(invitation.subject.kind.rawValue):"))
            #expect(invitation.sendAt < now && invitation.createdAt == invitation.sendAt)
            #expect(invitation.expiresAt == invitation.sendAt.addingTimeInterval(definition.linkValidity))
            #expect(invitation.tokenHash.hasPrefix("h:"))
            #expect(invitation.attribution.servedAt.addingTimeInterval(definition.delay) <= invitation.sendAt)
            #expect(!definition.quietHours.isQuiet(at: invitation.sendAt, in: TimeZone(identifier: home.timeZone)!))
            #expect(invitation.language == (customer.language == "en" ? "en" : "ru"))
            switch invitation.storedState {
            case .answered: #expect(invitation.answeredAt != nil)
            case .expired: #expect(invitation.expiresAt <= now && invitation.answeredAt == nil)
            case .open: #expect(invitation.sendAt > recent && invitation.answeredAt == nil)
            }
            if definition.trigger == .orderDelivered {
                let subject = String(invitation.key.dropFirst("survey:\(definition.id):".count))
                #expect(
                    SurveyInvitationPlanner.isSampled(
                        rate: definition.samplingRate, definitionID: definition.id, subjectKey: subject))
            }
        }
        let states = Set(history.invitations.map(\.storedState))
        #expect(states == Set(SurveyInvitation.State.allCases))
    }

    @Test func noInvitationWithoutConsentForItsChannel() throws {
        for invitation in history.invitations {
            let customer = try #require(DemoSurveyFixture.customers[invitation.customerID])
            #expect(customer.mayContact(via: invitation.channel), "\(invitation.channel) without consent")
            #expect(SurveyInvitationPlanner.channels.contains(invitation.channel))
        }
        // There were customers to leave out: some who got delivered orders consented to no
        // written channel, and got no survey.
        let invited = Set(history.invitations.map(\.customerID))
        let silent = DemoSurveyFixture.data.customers.filter { SurveyInvitationPlanner.channel(for: $0) == nil }
        let delivered = Set(DemoSurveyFixture.data.orders.filter { $0.deliveredAt != nil }.map(\.customerID))
        #expect(silent.filter { delivered.contains($0.id) }.count > 50)
        #expect(silent.allSatisfy { !invited.contains($0.id) })
    }

    @Test func surveysAndServiceTouchesTogetherKeepTheFatigueBudget() {
        let budget = FatigueBudget.standard
        #expect(history.touches.count == history.invitations.count)
        #expect(history.touches.allSatisfy { $0.touch.kind == .survey })
        var byCustomer: [CustomerID: [Date]] = [:]
        for touch in DemoSurveyFixture.service.touches + history.touches where touch.touch.kind.countsAgainstBudget {
            byCustomer[touch.customerID, default: []].append(touch.touch.at)
        }
        var worst = 0
        for times in byCustomer.values {
            let sorted = times.sorted()
            var low = 0
            for (high, at) in sorted.enumerated() {
                while sorted[low] <= at.addingTimeInterval(-budget.window) { low += 1 }
                worst = max(worst, high - low + 1)
            }
        }
        #expect(worst <= budget.maxTouches)
    }

    @Test func relationshipSurveysGoOncePerPeriodToCustomersWhoBoughtInTheYearBefore() throws {
        let relationship = history.invitations.filter { $0.subject.kind == .customer }
        #expect(relationship.count > 1_000)
        var ordersByCustomer: [CustomerID: [Date]] = [:]
        for order in DemoSurveyFixture.data.orders {
            ordersByCustomer[order.customerID, default: []].append(order.placedAt)
        }
        for invitation in relationship {
            let start = invitation.attribution.servedAt
            #expect(invitation.attribution.role == .relationshipOwner && invitation.attribution.shiftName == nil)
            let orders = ordersByCustomer[invitation.customerID] ?? []
            #expect(orders.contains { $0 <= start && start.timeIntervalSince($0) < 365 * 86_400 })
            // On the customer's own day of the period, as the live scheduler spreads them.
            let offset = Int(
                SurveyInvitationPlanner.sampleDraw(
                    definitionID: invitation.definitionID, subjectKey: invitation.customerID.description) * 180)
            let seconds = Int(start.timeIntervalSince1970)
            #expect(seconds % 86_400 == 0 && (seconds / 86_400 - offset) % 180 == 0)
        }
        let periods = Set(relationship.map { "\($0.customerID) \($0.key.split(separator: ":").last!)" })
        #expect(periods.count == relationship.count)
    }

    // MARK: Figures

    @Test func responseRatesAndScoresAreBelievable() throws {
        let seconds = DemoSurveyFixture.generated.seconds
        print("survey history at scale 2 in \(seconds) s: \(history.invitations.count) invitations")
        let rate = try #require(DemoSurveyFixture.responseRate(history.invitations).rate)
        #expect((0.25...0.40).contains(rate), "response rate \(rate)")
        for kind in [ServiceTask.Subject.Kind.order, .contact, .serviceCase, .customer] {
            let some = history.invitations.filter { $0.subject.kind == kind }
            #expect(some.count > 300, "\(kind): \(some.count) invitations")
        }
        let answers = history.answers
        let nps = try #require(NetPromoterScore(answers: answers.compactMap(\.values.nps)))
        #expect((30...45).contains(nps.score), "NPS \(nps.score)")
        let csat = try #require(SatisfactionSummary(answers: answers.compactMap(\.values.csat)))
        #expect((4.0...4.5).contains(csat.mean) && (0.75...0.9).contains(csat.satisfiedShare), "CSAT \(csat)")
        let ces = try #require(EffortSummary(answers: answers.compactMap(\.values.ces)))
        #expect((2.0...3.5).contains(ces.mean) && ces.highEffortShare < 0.25, "CES \(ces)")
        print("response \(rate), NPS \(nps.score), CSAT \(csat.mean) (\(csat.satisfiedShare)), CES \(ces.mean)")
        let middle = answers.compactMap(\.values.ces).filter { (2...3).contains($0) }.count
        #expect(DemoSurveyFixture.share(middle, of: ces.count) > 0.5)
        let wallets = Set(answers.compactMap(\.values.shareOfWallet))
        #expect(wallets == Set(ShareOfWallet.allCases))
        #expect(
            answers.contains { $0.values.mayQuote == true } && answers.contains { $0.values.mayAskReferral == true })
        #expect(Set(answers.map(\.language)) == ["ru", "en"])
    }

    @Test func commentsAreFewAndLowScoresComplain() {
        let commented = history.answers.filter { $0.values.comment != nil }
        let share = DemoSurveyFixture.share(commented.count, of: history.answers.count)
        #expect((0.08...0.3).contains(share), "comments \(share)")
        func complaints(_ language: String) -> Set<String> {
            let lists = [
                DemoSurveyCatalog.complaints, DemoSurveyCatalog.lateComplaints, DemoSurveyCatalog.slowComplaints,
                DemoSurveyCatalog.caseComplaints,
            ]
            return Set(lists.flatMap { $0.list(language) })
        }
        var low = 0
        for answer in commented {
            let values = answer.values
            let isLow = (values.csat ?? 5) <= 2 || (values.nps ?? 10) <= 6 || (values.ces ?? 1) >= 5
            guard isLow else {
                #expect(!complaints(answer.language).contains(values.comment!))
                continue
            }
            low += 1
            #expect(complaints(answer.language).contains(values.comment!), "\(values.comment!)")
        }
        #expect(low > 50)
    }
}
