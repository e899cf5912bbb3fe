import Foundation
import Testing

@testable import EarnedDomain

@Suite("Survey closed loop")
struct SurveyFollowUpTests {
    typealias F = SurveyFixture

    func followUps(
        _ values: SurveyAnswerValues, subject: ServiceTask.Subject.Kind = .order, language: String = "ru",
        thresholds: LowScoreThresholds = .standard
    ) -> [SurveyFollowUp] {
        F.answer(values, subject: subject, language: language).followUps(
            definition: F.definition(thresholds: thresholds), attribution: F.attribution())
    }

    func opensCase(_ values: SurveyAnswerValues) -> Bool { followUps(values).first?.caseFollowUp != nil }

    @Test("NPS 6 is low, 7 is not", arguments: [(6, true), (7, false), (0, true)])
    func nps(_ score: Int, _ low: Bool) { #expect(opensCase(SurveyAnswerValues(nps: score)) == low) }

    @Test("CSAT 2 is low, 3 is not", arguments: [(1, true), (2, true), (3, false)])
    func csat(_ score: Int, _ low: Bool) { #expect(opensCase(SurveyAnswerValues(csat: score)) == low) }

    @Test("CES 5 is low, 4 is not", arguments: [(4, false), (5, true), (7, true)])
    func ces(_ score: Int, _ low: Bool) { #expect(opensCase(SurveyAnswerValues(ces: score)) == low) }

    @Test("configured thresholds move the edge")
    func configured() {
        let strict = LowScoreThresholds(csatAtMost: 3, npsAtMost: 4, cesAtLeast: 6)
        #expect(followUps(SurveyAnswerValues(csat: 3), thresholds: strict).first?.caseFollowUp != nil)
        #expect(followUps(SurveyAnswerValues(nps: 5), thresholds: strict).isEmpty)
        #expect(followUps(SurveyAnswerValues(ces: 5), thresholds: strict).isEmpty)
    }

    @Test("a low answer opens one case for the attributed person, in the customer's language, quoting the answer")
    func caseDraft() throws {
        let answer = F.answer(
            SurveyAnswerValues(csat: 2, nps: 3, ces: 4, fastEnough: false, comment: "Долго ждал"))
        let followUp = try #require(
            answer.followUps(definition: F.definition(), attribution: F.attribution()).first?.caseFollowUp)
        let draft = followUp.draft
        #expect(draft.source == .survey)
        #expect(draft.ownerID == F.seller)
        #expect(draft.locationID == F.location.id)
        #expect(draft.customerID == answer.customerID)
        #expect(draft.link == answer.id.rawValue)
        #expect(draft.title == "Низкая оценка в опросе: CSAT 2 из 5, NPS 3 из 10")
        #expect(draft.detail?.contains("«Долго ждал»") == true)
        #expect(draft.detail?.contains("Достаточно быстро: нет.") == true)
        #expect(draft.detail?.contains("в течение 48 рабочих часов") == true)
        #expect(followUp.lowQuestions == [.csat, .nps])
        #expect(followUp.target == 48 * 3600)
        #expect(followUp.dueAt == nil)
        // The draft is openable once the service names who opened it.
        var openable = draft
        openable.openedByID = StaffID()
        let opened = try openable.validated(id: CaseID(), now: F.now)
        #expect(opened.source == .survey && opened.ownerID == F.seller)
    }

    @Test("the English case reads in English; the due time counts business hours of the location")
    func englishAndDue() throws {
        let answer = F.answer(SurveyAnswerValues(ces: 6), language: "en")
        let calendar = BusinessCalendar(location: F.location)
        let followUp = try #require(
            answer.followUps(definition: F.definition(), attribution: F.attribution(), calendar: calendar).first?
                .caseFollowUp)
        #expect(followUp.draft.title == "Low survey score: CES 6 of 7 (higher is harder)")
        #expect(followUp.draft.detail?.contains("within 48 business hours") == true)
        // Open 9–21 Moscow (12 h a day): 15:00 Moscow + 48 business hours = 15:00 Moscow four days later.
        #expect(followUp.dueAt == F.utc(2025, 6, 14, 12))
    }

    @Test(
        "priority by how low: normal, high with one at the bottom, urgent with two",
        arguments: [
            (SurveyAnswerValues(csat: 2), Priority.normal), (SurveyAnswerValues(nps: 4), .normal),
            (SurveyAnswerValues(csat: 1), .high), (SurveyAnswerValues(nps: 3), .high),
            (SurveyAnswerValues(ces: 7), .high),
            (SurveyAnswerValues(csat: 1, nps: 0), .urgent),
        ])
    func priority(_ values: SurveyAnswerValues, _ priority: Priority) {
        #expect(followUps(values).first?.caseFollowUp?.draft.priority == priority)
    }

    @Test("a promoter after an order who allowed it gets a referral ask for the seller")
    func referral() throws {
        let answer = F.answer(SurveyAnswerValues(nps: 9, mayAskReferral: true))
        let task = try #require(
            answer.followUps(definition: F.definition(), attribution: F.attribution()).first?.referralTask)
        #expect(task.kind == .referralAsk)
        #expect(task.key == "referral-ask:survey:00000000-0000-0000-0000-0000000000bb")
        #expect(task.assigneeID == F.seller)
        #expect(task.customerID == answer.customerID)
        #expect(task.subject == answer.subject)
        #expect(task.dueAt == F.now.addingTimeInterval(86_400))
        #expect(task.text?.contains("NPS 9 из 10") == true)
    }

    @Test(
        "no referral ask without permission, for a passive, after a contact, or when another score is low",
        arguments: [
            (SurveyAnswerValues(nps: 10), ServiceTask.Subject.Kind.order),
            (SurveyAnswerValues(nps: 10, mayAskReferral: false), .order),
            (SurveyAnswerValues(nps: 8, mayAskReferral: true), .order),
            (SurveyAnswerValues(csat: 3, nps: 8, mayAskReferral: true), .order),
            (SurveyAnswerValues(csat: 3, mayAskReferral: true), .order),
            (SurveyAnswerValues(nps: 10, mayAskReferral: true), .contact),
        ])
    func noReferral(_ values: SurveyAnswerValues, _ subject: ServiceTask.Subject.Kind) {
        #expect(followUps(values, subject: subject).isEmpty)
    }

    @Test(
        "a satisfied CSAT with permission is positive where NPS is missing or passive; a low CES on the same answer opens a case instead"
    )
    func csatPromoter() {
        #expect(followUps(SurveyAnswerValues(csat: 5, mayAskReferral: true)).first?.referralTask != nil)
        #expect(followUps(SurveyAnswerValues(csat: 4, mayAskReferral: true)).first?.referralTask != nil)
        #expect(followUps(SurveyAnswerValues(csat: 4, nps: 8, mayAskReferral: true)).first?.referralTask != nil)
        let mixed = followUps(SurveyAnswerValues(csat: 5, ces: 5, mayAskReferral: true))
        #expect(mixed.count == 1)
        #expect(mixed.first?.caseFollowUp != nil)
    }

    @Test("not fast enough alone opens no case")
    func slowAlone() { #expect(followUps(SurveyAnswerValues(csat: 4, fastEnough: false)).isEmpty) }
}
