import EarnedAnalytics
import EarnedDomain
import Foundation
import Testing

@testable import EarnedServices
@testable import EarnedStore
@testable import EarnedWeb

/// The scorecard, the loyalty classifier and the closed loop read an NPS or CSAT answer the same
/// way: each through the domain's `PromoterGroup`, `Satisfaction` and `AnswerAttitude`. Every
/// possible pair of scores is tried, so a copy of the rule that drifts fails here.
@Suite("Who is a promoter and who is satisfied: one answer everywhere")
struct ScoreReadingAgreementTests {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)
    static let npsAnswers: [Int?] = [nil] + Array(0...10)
    static let csatAnswers: [Int?] = [nil] + Array(1...5)

    /// The closed loop: whether an answer after an order, with permission, gets a referral ask.
    static func asksReferral(nps: Int?, csat: Int?) -> Bool {
        let created = Date(timeIntervalSince1970: 1_700_000_000)
        let definition = SurveyDefinition(
            name: "After the purchase", trigger: .orderDelivered,
            questions: [SurveyQuestion(kind: .csat), SurveyQuestion(kind: .nps)], createdAt: created,
            updatedAt: created)
        let answer = SurveyAnswer(
            invitationID: SurveyInvitationID(), definitionID: definition.id, customerID: CustomerID(),
            subject: .init(kind: .order, id: UUID()), language: "en", answeredAt: now,
            values: SurveyAnswerValues(csat: csat, nps: nps, mayAskReferral: true))
        let attribution = SurveyAttribution(
            staffID: StaffID(), role: .seller, locationID: nil, shiftName: nil, channel: nil, servedAt: now)
        return answer.followUps(definition: definition, attribution: attribution).contains {
            $0.referralTask != nil
        }
    }

    /// The loyalty classifier: the attitude signal one answer gives.
    static func signal(nps: Int?, csat: Int?) -> AttitudeSignal? {
        let evidence = LoyaltyEvidence(
            answers: [AttitudeAnswer(answeredAt: now, nps: nps, csat: csat)],
            patronage: PatronageEvidence(purchases: 3, probabilityAlive: 0.9, expectedPurchases: 2))
        return LoyaltyClassifier(reference: 1).assess(evidence).attitudeSignal
    }

    @Test("the classifier's attitude and the closed loop's referral ask follow AnswerAttitude for every pair")
    func attitudeAgrees() {
        for nps in Self.npsAnswers {
            for csat in Self.csatAnswers {
                let attitude = AnswerAttitude(nps: nps, csat: csat)
                let signal = Self.signal(nps: nps, csat: csat)
                #expect(
                    signal?.isPositive == attitude.map { $0 == .positive },
                    "NPS \(String(describing: nps)), CSAT \(String(describing: csat))")
                if case .promoter = signal {
                    #expect(nps.flatMap(PromoterGroup.init(nps:)) == .promoter)
                }
                if case .satisfied = signal {
                    #expect(csat.flatMap(Satisfaction.init(csat:)) == .satisfied)
                }
                // A low score opens a case first (a complaint outranks a referral ask); otherwise
                // exactly the positive answers are asked for a referral.
                let low =
                    csat.map { LowScoreThresholds.standard.isLow(.csat, $0) } == true
                    || nps.map { LowScoreThresholds.standard.isLow(.nps, $0) } == true
                if !low {
                    #expect(Self.asksReferral(nps: nps, csat: csat) == (attitude == .positive))
                } else {
                    #expect(!Self.asksReferral(nps: nps, csat: csat))
                }
            }
        }
    }

    @Test("the scorecard's quality-service step counts exactly the satisfied CSAT answers as met")
    func scorecardAgrees() {
        var facts = ScoreFacts()
        for csat in 1...5 {
            facts.answers.append(
                ScoreFacts.AnswerFact(
                    id: UUID(), customerID: CustomerID(), answeredAt: Self.now, nps: nil, csat: csat, ces: nil,
                    shareOfWallet: nil, fastEnough: nil, subjectKind: "order", subjectID: UUID(), staffID: nil,
                    role: nil, locationID: nil, shiftName: nil, servedAt: Self.now))
        }
        let setting = Tick.Setting(locations: [], calendars: [:], rules: .standard, outreach: .standard)
        let observations = ServiceObservations(facts: facts, setting: setting, now: Self.now)
            .scorecard(incidents: IncidentFacts(affected: []))
            .filter { $0.step == .qualityService }
        #expect(observations.count == 5)
        for observation in observations {
            let csat = Int(observation.value ?? 0)
            #expect(observation.success == (Satisfaction(csat: csat) == .satisfied), "CSAT \(csat)")
            #expect(observation.success == (csat >= 4))
        }
    }
}
